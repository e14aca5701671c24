import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { parseFeed } from "@rowanmanning/feed-parser";
import { loadContent } from "../../src/model/loadContent.ts";
import { Site } from "../../src/site/Site.ts";
import { editionFeed, tagFeed, EDITION_FEED_SIZE, TAG_FEED_SIZE } from "../../src/feeds/feedModel.ts";
import { renderAtom } from "../../src/feeds/atom.ts";
import { renderJsonFeed } from "../../src/feeds/jsonFeed.ts";
import { el, renderXml } from "../../src/feeds/xml.ts";
import { loadSeoModel, xmlProblems, xpath, HOSTILE_TITLE, HOSTILE_PERSON, HOSTILE_AGENCY, BASE_URL, URLS } from "./seoFixtureSite.ts";
import { checkJsonFeed } from "./feedsJsonFeedSpec.ts";

let model: Awaited<ReturnType<typeof loadSeoModel>>;
before(async () => {
  model = await loadSeoModel();
});
after(() => model?.remove());

const abs = (url: string) => `${BASE_URL}${url}`;

test("the XML writer escapes text and attributes and drops characters XML cannot hold", () => {
  const xml = renderXml(el("root", { title: `a "b" & <c>` }, el("t", {}, `x < y & </t> \u0001 'z'`)));
  assert.equal(xmlProblems(xml), "");
  assert.equal(xpath(xml, "/root/@title"), `a "b" & <c>`);
  assert.equal(xpath(xml, "/root/t"), `x < y & </t>  'z'`);
});

test("the edition feed carries the published articles newest first, never a draft or a scheduled one", async () => {
  const feed = parseFeed(renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en"))));
  assert.equal(feed.meta.type, "atom");
  assert.deepEqual(feed.items.map((i) => i.url), [URLS.hostile, URLS.corrected, URLS.older, URLS.archived].map(abs));
  assert.equal(feed.self, abs("/feed.xml"));
  assert.equal(feed.url, abs("/"));
  assert.equal(feed.language, "en");
});

test("entry ids are the articles' absolute URLs, and dates are the articles' own instants with the bulletin's offset", async () => {
  const xml = renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en")));
  const corrected = parseFeed(xml).items.find((i) => i.url === abs(URLS.corrected))!;
  assert.equal(corrected.id, abs(URLS.corrected));
  assert.equal(corrected.published?.toISOString(), "2026-11-28T12:00:00.000Z");
  // Updated is the latest change a reader would see: the correction, after the update.
  assert.equal(corrected.updated?.toISOString(), "2026-11-29T05:30:00.000Z");
  assert.match(xml, /<published>2026-11-28T15:00:00\+03:00<\/published>/);
  assert.match(xml, /<updated>2026-11-29T08:30:00\+03:00<\/updated>/);
  assert.deepEqual(corrected.authors.map((a) => a.name), ["Jane Doe"]);
});

test("an article without a byline is credited to the agency", async () => {
  const feed = parseFeed(renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en"))));
  const older = feed.items.find((i) => i.url === abs(URLS.older))!;
  assert.deepEqual(older.authors.map((a) => a.name), [HOSTILE_AGENCY]);
});

test("rebuilding the same content gives byte-identical feeds, so readers never see an article twice", async () => {
  const again = await loadSeoModel();
  try {
    const first = renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en")));
    const second = renderAtom(await editionFeed(again.build, again.build.bulletin.edition("en")));
    assert.equal(second, first);
  } finally {
    again.remove();
  }
});

test("feed content is the full article with every link made absolute", async () => {
  const xml = renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en")));
  // The HTML exactly as the XML carries it (feed-parser would decode its entities once more).
  const content = xpath(xml, `//*[local-name()='entry'][*[local-name()='id']='${abs(URLS.hostile)}']/*[local-name()='content']`);
  assert.match(content, /<a href="https:\/\/news\.example\.test\/topics\/syria\/">Syria<\/a>/);
  assert.match(content, /A second paragraph\./);
  // Raw HTML in the body stays text (allowHtml is off), in the feed as on the page, and so do the dateline and agency.
  assert.match(content, /says &lt;script&gt;alert\(2\)&lt;\/script&gt; out loud/);
  assert.match(content, /Homs &amp; &quot;Hama&quot; &lt;\/script&gt;, Wire &amp; &quot;Co&quot; &lt;script&gt;x&lt;\/script&gt;/);
  assert.doesNotMatch(content, /<script|<\/script/);
});

test("a headline and names holding quotes, &, <script> and </script> come out of the Atom feed exactly as typed", async () => {
  const xml = renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en")));
  assert.equal(xmlProblems(xml), "");
  const hostile = parseFeed(xml).items.find((i) => i.url === abs(URLS.hostile))!;
  assert.equal(hostile.title, HOSTILE_TITLE);
  assert.ok(hostile.categories.some((c) => c.term === HOSTILE_PERSON));
  assert.doesNotMatch(xml, /<script/);
});

test("a person's feed holds only that person's articles and links back to their page", async () => {
  const edition = model.build.bulletin.edition("en");
  const putin = edition.listing("person", "vladimir-putin")!;
  const xml = renderAtom(await tagFeed(model.build, edition, putin));
  const feed = parseFeed(xml);
  assert.deepEqual(feed.items.map((i) => i.url), [URLS.hostile, URLS.corrected, URLS.older, URLS.archived].map(abs));
  assert.equal(feed.self, abs("/people/vladimir-putin/feed.xml"));
  assert.equal(feed.url, abs("/people/vladimir-putin/"));
  const syria = parseFeed(renderAtom(await tagFeed(model.build, edition, edition.listing("topic", "syria")!)));
  assert.deepEqual(syria.items.map((i) => i.url), [URLS.hostile, URLS.corrected, URLS.archived].map(abs));
});

test("the Arabic edition has its own feed, in Arabic, with Arabic names", async () => {
  const ar = model.build.bulletin.edition("ar");
  const xml = renderAtom(await editionFeed(model.build, ar));
  const feed = parseFeed(xml);
  assert.equal(feed.language, "ar");
  assert.equal(feed.self, abs("/ar/feed.xml"));
  assert.deepEqual(feed.items.map((i) => i.url), [abs(URLS.arabic)]);
  assert.ok(feed.items[0]!.categories.some((c) => c.term === "فلاديمير بوتين"));
});

test("the JSON Feed has every field JSON Feed 1.1 requires, with the same items as the Atom feed", async () => {
  const feed = await editionFeed(model.build, model.build.bulletin.edition("en"));
  const text = renderJsonFeed(feed);
  const doc: unknown = JSON.parse(text);
  assert.deepEqual(checkJsonFeed(doc), []);
  const json = doc as { items: { id: string; title: string; date_published: string; tags: string[] }[]; feed_url: string };
  assert.equal(json.feed_url, abs("/feed.json"));
  assert.deepEqual(json.items.map((i) => i.id), parseFeed(renderAtom(feed)).items.map((i) => i.id));
  const hostile = json.items.find((i) => i.id === abs(URLS.hostile))!;
  assert.equal(hostile.title, HOSTILE_TITLE);
  assert.equal(hostile.date_published, "2026-11-29T09:00:00+03:00");
  assert.ok(hostile.tags.includes(HOSTILE_PERSON));
  // Still the same JSON, but no markup a browser could act on if the file were served as HTML.
  assert.doesNotMatch(text, /<|>/);
});

test("a feed's own <updated> is its newest entry's latest change, not that of a story too old to be in it", async () => {
  const site = generatedBuild(EDITION_FEED_SIZE + 7, "2026-06-01T10:00:00+03:00");
  try {
    const edition = site.build.bulletin.edition("en");
    const newest = "2026-01-17T16:00:00+03:00"; // Story 56: 56 × 7 hours after the first
    for (const feed of [await editionFeed(site.build, edition), await tagFeed(site.build, edition, edition.listing("person", "someone")!)]) {
      assert.equal(feed.updated.toISO({ suppressMilliseconds: true }), newest);
      assert.ok(!feed.items.some((i) => i.title === "Story 0"), "the corrected story is not in the feed");
    }
  } finally {
    site.remove();
  }
});

/** A bulletin of `count` articles, all about one person: for the size limits. The oldest may carry a correction. */
function generatedBuild(count: number, oldestCorrectedAt?: string): { build: Site; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "bulletin-feed-sizes-"));
  mkdirSync(join(root, "content", "articles"), { recursive: true });
  writeFileSync(join(root, "content", "site.yaml"), `name: Sizes\nagency: Agency\nbaseUrl: ${BASE_URL}\ntimeZone: Asia/Damascus\n`);
  const start = DateTime.fromISO("2026-01-01T08:00:00+03:00", { setZone: true });
  for (let i = 0; i < count; i++) {
    const date = start.plus({ hours: i * 7 });
    const correction = i === 0 && oldestCorrectedAt ? `corrections:\n  - { date: ${oldestCorrectedAt}, text: A late correction. }\n` : "";
    writeFileSync(join(root, "content", "articles", `story-${i}.md`), `---\ntitle: Story ${i}\ndate: ${date.toISO()}\npeople: [Someone]\n${correction}---\nBody ${i}.\n`);
  }
  return { build: new Site(loadContent({ root, now: start.plus({ years: 1 }) })), remove: () => rmSync(root, { recursive: true, force: true }) };
}

test(`the edition feed stops at the latest ${EDITION_FEED_SIZE} articles and a person's feed at ${TAG_FEED_SIZE}`, async () => {
  const site = generatedBuild(EDITION_FEED_SIZE + 7);
  try {
    const edition = site.build.bulletin.edition("en");
    const all = parseFeed(renderAtom(await editionFeed(site.build, edition)));
    assert.equal(all.items.length, EDITION_FEED_SIZE);
    assert.equal(all.items[0]!.title, `Story ${EDITION_FEED_SIZE + 6}`);
    assert.equal(all.items.at(-1)!.title, "Story 7");
    const person = parseFeed(renderAtom(await tagFeed(site.build, edition, edition.listing("person", "someone")!)));
    assert.equal(person.items.length, TAG_FEED_SIZE);
    assert.equal(person.items[0]!.title, `Story ${EDITION_FEED_SIZE + 6}`);
  } finally {
    site.remove();
  }
});

test("an Atom feed names its page (rel=alternate) before itself (rel=self)", async () => {
  const xml = renderAtom(await editionFeed(model.build, model.build.bulletin.edition("en")));
  const feedLinks = xml.slice(0, xml.indexOf("<entry")).match(/<link rel="[^"]+"/g);
  assert.deepEqual(feedLinks, ['<link rel="alternate"', '<link rel="alternate"', '<link rel="self"']);
});
