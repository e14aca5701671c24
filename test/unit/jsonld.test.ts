import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { structuredData, type JsonLdNode } from "../../src/seo/jsonLd.ts";
import { jsonForScript } from "../../src/text/escape.ts";
import { loadSeoModel, BASE_URL, HOSTILE_AGENCY, HOSTILE_DATELINE, HOSTILE_PERSON, HOSTILE_TITLE, URLS } from "./seoFixtureSite.ts";

let model: Awaited<ReturnType<typeof loadSeoModel>>;
before(async () => {
  model = await loadSeoModel();
});
after(() => model?.remove());

/** The page's JSON-LD as a crawler reads it: printed for a `<script>` element, then parsed. */
async function graphAt(url: string, lang = "en", title = "Page title"): Promise<JsonLdNode[]> {
  const site = model.build;
  const edition = site.bulletin.edition(lang);
  const facts = { url, edition, title, description: "A description" };
  const page = [...site.pages()].find((p) => p.url === url);
  const doc = structuredData(site, facts, page ? site.pageType(page).structuredData?.(page, site, facts) : undefined);
  const printed = jsonForScript(doc);
  assert.doesNotMatch(printed, /<\/script|<!--/i);
  const parsed = JSON.parse(printed) as { "@context": string; "@graph": JsonLdNode[] };
  assert.equal(parsed["@context"], "https://schema.org");
  return parsed["@graph"];
}

const ofType = (graph: JsonLdNode[], type: string) => graph.filter((n) => n["@type"] === type);
const one = (graph: JsonLdNode[], type: string) => {
  const found = ofType(graph, type);
  assert.equal(found.length, 1, `one ${type} expected, found ${found.length}`);
  return found[0]!;
};
const crumbs = (graph: JsonLdNode[]) =>
  (one(graph, "BreadcrumbList").itemListElement as { position: number; name: string; item: string }[]).map((c) => [c.position, c.name, c.item.slice(BASE_URL.length)]);

test("an article is a NewsArticle with its headline, dates with offset, dateline, publisher and logo", async () => {
  const article = one(await graphAt(URLS.hostile), "NewsArticle");
  assert.equal(article.headline, HOSTILE_TITLE);
  assert.equal(article.url, `${BASE_URL}${URLS.hostile}`);
  assert.equal(article.datePublished, "2026-11-29T09:00:00+03:00");
  assert.equal(article.dateModified, "2026-11-29T09:00:00+03:00");
  assert.equal(article.dateline, HOSTILE_DATELINE);
  assert.equal(article.inLanguage, "en");
  const publisher = article.publisher as JsonLdNode & { logo: { url: string; width: number } };
  assert.equal(publisher.name, HOSTILE_AGENCY);
  assert.equal(publisher.logo.url, `${BASE_URL}/assets/logo.png`);
  assert.ok(publisher.logo.width >= 112, "Google wants a logo at least 112 px wide");
});

test("without a byline the agency is the author, as an Organization; with one, the writer is a Person", async () => {
  const unsigned = one(await graphAt(URLS.hostile), "NewsArticle").author as JsonLdNode[];
  assert.deepEqual(unsigned.map((a) => [a["@type"], a.name]), [["NewsMediaOrganization", HOSTILE_AGENCY]]);
  const signed = one(await graphAt(URLS.corrected), "NewsArticle").author as JsonLdNode[];
  assert.deepEqual(signed.map((a) => [a["@type"], a.name]), [["Person", "Jane Doe"]]);
});

test("people are mentions and topics are what the article is about, with sameAs where the registry knows it", async () => {
  const article = one(await graphAt(URLS.hostile), "NewsArticle");
  const mentions = article.mentions as JsonLdNode[];
  assert.deepEqual(mentions.map((m) => [m["@type"], m.name]), [["Person", HOSTILE_PERSON], ["Person", "Vladimir Putin"]]);
  assert.equal(mentions[0]!.sameAs, undefined);
  assert.deepEqual(mentions[1]!.sameAs, ["https://www.wikidata.org/wiki/Q7747"]);
  assert.equal(mentions[1]!.url, `${BASE_URL}/people/vladimir-putin/`);
  const about = article.about as JsonLdNode[];
  assert.deepEqual(about.map((t) => [t["@type"], t.name, t.sameAs]), [["Thing", "Syria", ["https://www.wikidata.org/wiki/Q858"]]]);
});

test("corrections are in the structured data, and dateModified is the latest correction", async () => {
  const article = one(await graphAt(URLS.corrected), "NewsArticle");
  assert.deepEqual(article.correction, [{ "@type": "CorrectionComment", text: "An earlier version gave the wrong day.", datePublished: "2026-11-29T08:30:00+03:00" }]);
  assert.equal(article.dateModified, "2026-11-29T08:30:00+03:00");
  assert.equal(one(await graphAt(URLS.hostile), "NewsArticle").correction, undefined);
});

test("an article's breadcrumbs lead from the edition's home through its day", async () => {
  const trail = crumbs(await graphAt(URLS.hostile));
  assert.deepEqual(trail.map(([position, , url]) => [position, url]), [[1, "/"], [2, "/2026/11/29/"], [3, URLS.hostile]]);
  assert.equal(trail[0]![1], "Test Bulletin");
  assert.match(String(trail[1]![1]), /29 November 2026/);
  assert.equal(trail[2]![1], HOSTILE_TITLE);
});

test("an Arabic article is an Arabic NewsArticle, published by the Arabic edition's agency", async () => {
  const article = one(await graphAt(URLS.arabic, "ar"), "NewsArticle");
  assert.equal(article.inLanguage, "ar");
  assert.equal((article.publisher as JsonLdNode).name, "الوكالة");
  assert.deepEqual((article.mentions as JsonLdNode[]).map((m) => m.name), ["فلاديمير بوتين"]);
});

test("a person's page is a CollectionPage whose main entity is the Person, with sameAs", async () => {
  const graph = await graphAt("/people/vladimir-putin/", "en", "Vladimir Putin");
  const page = one(graph, "CollectionPage");
  const person = page.mainEntity as JsonLdNode;
  assert.equal(person["@type"], "Person");
  assert.equal(person.name, "Vladimir Putin");
  assert.equal(person.jobTitle, "President of Russia");
  assert.deepEqual(person.sameAs, ["https://www.wikidata.org/wiki/Q7747"]);
  assert.deepEqual(crumbs(graph), [[1, "Test Bulletin", "/"], [2, "People", "/people/"], [3, "Vladimir Putin", "/people/vladimir-putin/"]]);
  // Later pages of the listing add themselves to the trail.
  assert.equal(crumbs(await graphAt("/people/vladimir-putin/page/2/", "en", "Vladimir Putin · Page 2")).length, 4);
});

test("a topic's page is a CollectionPage about the topic", async () => {
  const page = one(await graphAt("/topics/syria/", "en", "Syria"), "CollectionPage");
  const topic = page.about as JsonLdNode;
  assert.deepEqual([topic["@type"], topic.name, topic.sameAs], ["Thing", "Syria", ["https://www.wikidata.org/wiki/Q858"]]);
  assert.equal(page.mainEntity, undefined);
});

test("a hostile person's name stays a plain name in their page's structured data", async () => {
  const slug = model.build.bulletin.edition("en").people.find((l) => l.tag.name === HOSTILE_PERSON)!.url;
  const person = one(await graphAt(slug, "en", HOSTILE_PERSON), "CollectionPage").mainEntity as JsonLdNode;
  assert.equal(person.name, HOSTILE_PERSON);
});

test("every public page, of every type, has the site, its publisher and a description of itself", async () => {
  const kinds = new Set<string>();
  for (const subject of model.build.pages((type) => type.lastmod !== undefined)) {
    kinds.add(subject.kind);
    const graph = await graphAt(subject.url, "edition" in subject ? subject.edition.lang : "en");
    one(graph, "WebSite");
    one(graph, "NewsMediaOrganization");
    const described = graph.filter((n) => ["NewsArticle", "CollectionPage", "WebPage"].includes(n["@type"] ?? ""));
    assert.equal(described.length, 1, `${subject.url} describes itself once`);
    for (const crumb of ofType(graph, "BreadcrumbList")) {
      const items = crumb.itemListElement as { position: number; item: string }[];
      assert.deepEqual(items.map((i) => i.position), items.map((_, i) => i + 1));
      assert.ok(items.every((i) => i.item.startsWith(`${BASE_URL}/`)));
    }
  }
  assert.deepEqual([...kinds].sort(), ["article", "corrections", "day", "home", "month", "tag", "tagIndex", "year"]);
});

test("a page outside the listings (the 404 page) is still a WebPage of the site", async () => {
  const graph = await graphAt("/404.html");
  assert.equal(one(graph, "WebPage").url, `${BASE_URL}/404.html`);
});
