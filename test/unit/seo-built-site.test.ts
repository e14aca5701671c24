import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import {
  buildSeoFixture, graphOf, sitemapSchemaProblems, xmlProblems, xpath, xcount, type SeoFixture,
  BASE_URL, HOSTILE_AGENCY, HOSTILE_PERSON, HOSTILE_TITLE, URLS,
} from "./seoFixtureSite.ts";
import { checkJsonFeed } from "./feedsJsonFeedSpec.ts";

/**
 * The whole build, run once on a small bulletin with hostile text: what crawlers, feed
 * readers and social networks get from the files actually written.
 */
let site: SeoFixture;
before(async () => {
  site = await buildSeoFixture();
});
after(() => site?.remove());

const HTML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (HTML_ENTITIES[e] ?? m));

/** `<meta property|name=… content=…>` of a page, decoded, in document order. */
function metaOf(html: string): [string, string][] {
  const head = html.slice(0, html.indexOf("</head>"));
  return [...head.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]);
}
const metaValue = (html: string, key: string) => metaOf(html).find(([k]) => k === key)?.[1];
const metaValues = (html: string, key: string) => metaOf(html).filter(([k]) => k === key).map(([, v]) => v);
// Readers' pages: the web desk (admin/, src/desk/) is no page of the bulletin; test/e2e/desk.spec.ts checks it.
const htmlPages = () => site.files().filter((f) => f.endsWith(".html") && !f.startsWith("admin/"));
/** Pages of the site proper: the day's email editions (`…/email.html`) are documents for mailing tools, with no head for machines. */
const webPages = () => htmlPages().filter((f) => !/(^|\/)email\.html$/.test(f));

test("a headline and names holding quotes, &, <script> and </script> stay text on every HTML page", () => {
  for (const file of htmlPages()) {
    const html = site.read(file);
    const openings = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    const closings = html.match(/<\/script>/gi)?.length ?? 0;
    assert.equal(closings, openings.length, `${file}: every </script> closes a script the page meant`);
    // The page's own scripts carry attributes; the bare `<script>` a writer typed must never appear.
    for (const tag of openings) assert.match(tag, /^<script\s[^>]+>$/, `${file}: unexpected ${tag}`);
    assert.doesNotMatch(html, /<b>bold<\/b>|alert\(1\)<\/script>|<script>x<\/script>/, `${file} lets writer text through as markup`);
  }
  const article = site.read(URLS.hostile);
  assert.equal(decode(article.match(/<h1[^>]*>([^<]*)<\/h1>/)![1]!), HOSTILE_TITLE);
  assert.equal(metaValue(article, "og:title"), HOSTILE_TITLE);
  assert.ok(metaValues(article, "article:tag").includes(HOSTILE_PERSON));
  assert.equal(graphOf(article).find((n) => n["@type"] === "NewsArticle")!.headline, HOSTILE_TITLE);
});

test("the same hostile text stays text in every XML file and in the JSON Feed", () => {
  const xmlFiles = site.files().filter((f) => f.endsWith(".xml"));
  assert.ok(xmlFiles.length >= 8);
  for (const file of xmlFiles) {
    const xml = site.read(file);
    assert.equal(xmlProblems(xml), "", `${file} is not well-formed`);
    assert.doesNotMatch(xml, /<script|<\/script|<b>/, `${file} carries writer text as markup`);
  }
  const news = site.read("news-sitemap.xml");
  assert.equal(xpath(news, `//*[local-name()='url'][*[local-name()='loc']='${BASE_URL}${URLS.hostile}']//*[local-name()='title']`), HOSTILE_TITLE);
  const json = site.read("feed.json");
  assert.doesNotMatch(json, /[<>]/);
  const doc = JSON.parse(json) as { items: { title: string; tags: string[] }[]; authors: { name: string }[] };
  assert.equal(doc.items[0]!.title, HOSTILE_TITLE);
  assert.ok(doc.items[0]!.tags.includes(HOSTILE_PERSON));
  assert.equal(doc.authors[0]!.name, HOSTILE_AGENCY);
});

test("every feed written parses as Atom, with unique absolute ids and dates that keep their offset", () => {
  const feeds = site.files().filter((f) => f.endsWith("feed.xml"));
  assert.deepEqual(feeds.filter((f) => !f.includes("/")), ["feed.xml"]);
  assert.ok(feeds.includes("ar/feed.xml") && feeds.includes("people/vladimir-putin/feed.xml") && feeds.includes("topics/syria/feed.xml") && feeds.includes("ar/people/vladimir-putin/feed.xml"));
  for (const file of feeds) {
    const xml = site.read(file);
    const feed = parseFeed(xml);
    assert.equal(feed.meta.type, "atom", file);
    assert.equal(feed.self, `${BASE_URL}/${file}`);
    assert.ok(feed.items.length > 0, `${file} has entries`);
    const ids = feed.items.map((i) => i.id ?? "");
    assert.equal(new Set(ids).size, ids.length, `${file}: ids are unique`);
    for (const item of feed.items) {
      assert.ok(item.id?.startsWith(`${BASE_URL}/`) && item.id === item.url, `${file}: ${item.id} is the article's URL`);
      assert.ok(item.published instanceof Date && item.updated instanceof Date && item.updated >= item.published);
      assert.ok(site.exists(item.url!.slice(BASE_URL.length)), `${file}: ${item.url} was built`);
    }
    assert.equal(xcount(xml, "//*[local-name()='published' or local-name()='updated'][not(contains(., '+03:00'))]"), 0, `${file}: every date has the bulletin's offset`);
  }
});

test("both editions' JSON Feeds follow JSON Feed 1.1", () => {
  for (const file of ["feed.json", "ar/feed.json"]) {
    const doc: unknown = JSON.parse(site.read(file));
    assert.deepEqual(checkJsonFeed(doc), [], file);
  }
});

test("pages link to their feeds with <link rel=alternate>, and the links lead to the files", () => {
  const links = (html: string) =>
    [...html.slice(0, html.indexOf("</head>")).matchAll(/<link rel="alternate" type="(application\/[a-z+]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(links(site.read("/")), [["application/atom+xml", "/feed.xml"], ["application/feed+json", "/feed.json"]]);
  assert.deepEqual(links(site.read("/ar/")), [["application/atom+xml", "/ar/feed.xml"], ["application/feed+json", "/ar/feed.json"]]);
  const person = links(site.read("/people/vladimir-putin/page/2/"));
  assert.ok(person.some(([type, href]) => type === "application/atom+xml" && href === "/people/vladimir-putin/feed.xml"));
  for (const [, href] of [...person, ...links(site.read("/topics/syria/"))]) assert.ok(site.exists(href!), `${href} exists`);
});

test("the sitemap lists every HTML page a reader can land on, and nothing that was not built", () => {
  const xml = site.read("sitemap.xml");
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => decode(m[1]!));
  const listed = new Set(locs.map((u) => decodeURIComponent(u.slice(BASE_URL.length)).replace(/\/$/, "/index.html").replace(/^\//, "")));
  // The 404 pages and the search page (results are not pages to index) stay out.
  const expected = webPages().filter((f) => !/(^|\/)404\.html$/.test(f) && !/(^|\/)search\/index\.html$/.test(f));
  assert.deepEqual([...listed].sort(), expected.sort());
  // Every page has a lastmod: the Arabic corrections page, with no correction yet, has read
  // the same since the edition's first story.
  assert.equal(xcount(xml, "//*[local-name()='url'][not(*[local-name()='lastmod'])]"), 0);
  assert.equal(xpath(xml, `//*[local-name()='url'][*[local-name()='loc']='${BASE_URL}/ar/corrections/']/*[local-name()='lastmod']`), "2026-11-29T10:00:00+03:00");
});

test("a page in both editions names the other's locale (og:locale:alternate) and the default edition's URL as x-default, in the head and the sitemap", () => {
  const hreflangs = (html: string) =>
    [...html.slice(0, html.indexOf("</head>")).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]!.slice(BASE_URL.length)]);
  for (const [page, own, other] of [["/", "en_GB", "ar_SY"], ["/ar/", "ar_SY", "en_GB"], ["/people/vladimir-putin/", "en_GB", "ar_SY"], ["/ar/corrections/", "ar_SY", "en_GB"]] as const) {
    const html = site.read(page);
    assert.equal(metaValue(html, "og:locale"), own, page);
    assert.deepEqual(metaValues(html, "og:locale:alternate"), [other], page);
    assert.deepEqual(hreflangs(html).find(([lang]) => lang === "x-default"), ["x-default", page.replace(/^\/ar\//, "/")], page);
  }
  assert.deepEqual(hreflangs(site.read("/ar/")), [["en", "/"], ["ar", "/ar/"], ["x-default", "/"]]);
  // A story in one language has no alternates at all: no locale to offer, no x-default.
  for (const page of [URLS.hostile, URLS.arabic]) {
    assert.deepEqual(metaValues(site.read(page), "og:locale:alternate"), [], page);
    assert.deepEqual(hreflangs(site.read(page)), [], page);
  }
  const sitemap = site.read("sitemap.xml");
  const entry = (url: string) => `//*[local-name()='url'][*[local-name()='loc']='${BASE_URL}${url}']`;
  assert.equal(xpath(sitemap, `${entry("/ar/")}/*[local-name()='link'][@hreflang='x-default']/@href`), `${BASE_URL}/`);
  assert.equal(xpath(sitemap, `${entry("/people/vladimir-putin/")}/*[local-name()='link'][@hreflang='x-default']/@href`), `${BASE_URL}/people/vladimir-putin/`);
  assert.equal(xcount(sitemap, `${entry(URLS.hostile)}/*[local-name()='link']`), 0);
});

test("every page names the edition's X (Twitter) account from site.yaml as twitter:site", () => {
  for (const file of webPages()) {
    const expected = file.startsWith("ar/") ? "@TestBulletinAr" : "@TestBulletin";
    assert.equal(metaValue(site.read(file), "twitter:site"), expected, file);
  }
});

test("the news sitemap holds the two days before the build in both languages, and robots.txt names both sitemaps", () => {
  const xml = site.read("news-sitemap.xml");
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(BASE_URL.length));
  assert.deepEqual(locs, [URLS.arabic, URLS.hostile, URLS.corrected]);
  assert.equal(xpath(xml, `//*[local-name()='url'][1]//*[local-name()='language']`), "ar");
  assert.equal(sitemapSchemaProblems(xml), "");
  assert.equal(sitemapSchemaProblems(site.read("sitemap.xml")), "");
  const robots = site.read("robots.txt");
  assert.match(robots, /^Sitemap: https:\/\/news\.example\.test\/sitemap\.xml$/m);
  assert.match(robots, /^Sitemap: https:\/\/news\.example\.test\/news-sitemap\.xml$/m);
});

test("articles are og:type article with their times and tags; other pages are websites with the share image", () => {
  const article = site.read(URLS.corrected);
  assert.equal(metaValue(article, "og:type"), "article");
  assert.equal(metaValue(article, "article:published_time"), "2026-11-28T15:00:00+03:00");
  assert.equal(metaValue(article, "article:modified_time"), "2026-11-29T08:30:00+03:00");
  assert.deepEqual(metaValues(article, "article:tag"), ["Vladimir Putin", "Syria"]);
  assert.equal(metaValue(article, "og:url"), `${BASE_URL}${URLS.corrected}`);
  assert.equal(metaValue(article, "twitter:card"), "summary_large_image");
  for (const page of ["/", "/people/vladimir-putin/", "/topics/", "/2026/11/29/", "/404.html", "/ar/"]) {
    const html = site.read(page);
    assert.equal(metaValue(html, "og:type"), "website", page);
    assert.equal(metaValue(html, "og:image"), `${BASE_URL}/assets/share.png`, page);
    assert.equal(metaValue(html, "twitter:image"), `${BASE_URL}/assets/share.png`, page);
    assert.ok(metaValue(html, "og:title") && metaValue(html, "og:description") !== undefined, page);
  }
  assert.equal(metaValue(site.read("/ar/"), "og:locale"), "ar_SY");
  // A PNG's size is in its IHDR chunk, right after the 8-byte signature and the chunk header.
  const png = readFileSync(join(site.out, "assets", "share.png"));
  assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
});

test("an article's photo is its share image, in the head, the structured data and the feeds, at a size that was written", () => {
  const html = site.read(URLS.corrected);
  const image = metaValue(html, "og:image")!;
  assert.match(image, /^https:\/\/news\.example\.test\/img\/.+\.jpeg$/);
  assert.ok(site.exists(image.slice(BASE_URL.length)), `${image} was written`);
  assert.equal(metaValue(html, "og:image:alt"), "A grey square");
  const ld = graphOf(html).find((n) => n["@type"] === "NewsArticle")!;
  for (const i of ld.image as { caption: string; creditText: string }[]) assert.deepEqual([i.caption, i.creditText], ["The caption", "The photographer"]);
  const json = JSON.parse(site.read("feed.json")) as { items: { id: string; image?: string }[] };
  assert.equal(json.items.find((i) => i.id === `${BASE_URL}${URLS.corrected}`)!.image, image);
  assert.match(site.read("feed.xml"), new RegExp(`<link rel="enclosure" type="image/jpeg" href="${image.replace(/[.]/g, "\\.")}"/>`));
});

test("every page's <title> fits in 70 characters, or is the page's own title (a headline) whole, never cut", () => {
  for (const file of webPages()) {
    const html = site.read(file);
    const title = decode(/<title>([^<]*)<\/title>/.exec(html)![1]!);
    const own = metaValue(html, "og:title")!;
    assert.ok(title.startsWith(own), `${file}: "${title}" starts with the page's title "${own}"`);
    assert.ok([...title].length <= 70 || title === own, `${file}: "${title}" is ${[...title].length} characters`);
  }
  // The hostile headline is 84 characters: alone, whole.
  assert.equal(decode(/<title>([^<]*)<\/title>/.exec(site.read(URLS.hostile))![1]!), HOSTILE_TITLE);
});

test("every article's NewsArticle has 16:9, 4:3 and 1:1 images 1,200 px wide that were written: its photo's crops, else the share image's", async () => {
  const { default: sharp } = await import("sharp");
  const imagesOf = (url: string) => (graphOf(site.read(url)).find((n) => n["@type"] === "NewsArticle")!.image ?? []) as { url: string; width: number; height: number }[];
  const articles = [URLS.hostile, URLS.corrected, URLS.older, URLS.archived, URLS.arabic];
  for (const url of articles) {
    const images = imagesOf(url);
    assert.deepEqual(images.map((i) => [i.width, i.height]), [[1200, 675], [1200, 900], [1200, 1200]], url);
    for (const image of images) {
      assert.match(image.url, /^https:\/\/news\.example\.test\/img\/[^/]+\.jpeg$/, url);
      const meta = await sharp(join(site.out, image.url.slice(BASE_URL.length))).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", image.width, image.height], `${image.url} is written at the size it says`);
    }
  }
  // The photo's crops are its own; every story without a photo shares the share image's.
  const own = imagesOf(URLS.corrected).map((i) => i.url);
  const share = imagesOf(URLS.hostile).map((i) => i.url);
  assert.notDeepEqual(own, share);
  for (const url of [URLS.older, URLS.archived, URLS.arabic]) assert.deepEqual(imagesOf(url).map((i) => i.url), share, url);
});

test("every HTML page carries JSON-LD that parses, naming the site and the page", () => {
  for (const file of webPages()) {
    const graph = graphOf(site.read(file));
    assert.ok(graph.some((n) => n["@type"] === "WebSite"), `${file}: WebSite`);
    assert.ok(graph.some((n) => ["NewsArticle", "CollectionPage", "WebPage"].includes(String(n["@type"]))), `${file}: the page itself`);
  }
});
