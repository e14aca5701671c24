import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Article } from "../../src/model/types.ts";
import {
  newsArticles, quietNewsUrl, renderNewsSitemap, renderSitemap, robotsTxt,
  NEWS_MAX_ARTICLES, NEWS_NS, SITEMAP_NS, XHTML_NS, type SitemapEntry,
} from "../../src/seo/sitemap.ts";
import { sitemapEntries, sitemapPages } from "../../src/pages/sitemap.ts";
import { newsSitemapPages } from "../../src/pages/newsSitemap.ts";
import { newestModification } from "../../src/seo/lastModified.ts";
import { el, renderXml } from "../../src/feeds/xml.ts";
import { Site } from "../../src/site/Site.ts";
import { loadFixture } from "../support/fixtureSite.ts";
import { loadSeoModel, sitemapSchemaProblems, xmlProblems, xpath, xcount, BASE_URL, HOSTILE_TITLE, NOW, URLS } from "./seoFixtureSite.ts";

const ZONE = "Asia/Damascus";

/** A published English article at `date`; only what sitemaps read is meaningful. */
function article(i: number, date: DateTime, extra: Partial<Article> = {}): Article {
  return {
    source: `content/articles/story-${i}.md`, slug: `story-${i}`, title: `Story ${i}`, date: date.setZone(ZONE),
    people: [], topics: [], corrections: [], draft: false, scheduled: false, lang: "en",
    body: "", bodyLine: 1, url: `/${date.setZone(ZONE).toFormat("yyyy/MM/dd")}/story-${i}/`, ...extra,
  } as Article;
}

/** Newest first, as the build hands them over. */
const newestFirst = (list: Article[]) => [...list].sort((a, b) => b.date.toMillis() - a.date.toMillis());

test("Google News gets only the articles of the two days before the build", () => {
  const now = NOW;
  const list = newestFirst([
    article(1, now.minus({ minutes: 5 })),
    article(2, now.minus({ hours: 47, minutes: 59 })),
    article(3, now.minus({ days: 2 })), // exactly two days old: out
    article(4, now.minus({ days: 3 })),
    article(5, now.plus({ hours: 1 }), { scheduled: true }),
    article(6, now.minus({ hours: 1 }), { draft: true }),
  ]);
  assert.deepEqual(newsArticles(list, now).map((a) => a.slug), ["story-1", "story-2"]);
});

test("the window follows the build's clock, not the machine's", () => {
  const list = newestFirst([article(1, NOW.minus({ days: 1 })), article(2, NOW.minus({ days: 10 }))]);
  assert.deepEqual(newsArticles(list, NOW.minus({ days: 9 })).map((a) => a.slug), ["story-2"]);
  assert.deepEqual(newsArticles(list, NOW.plus({ days: 5 })), []);
});

test(`the news sitemap stops at the ${NEWS_MAX_ARTICLES.toLocaleString("en")} newest articles`, () => {
  const list = Array.from({ length: 1_500 }, (_, i) => article(i, NOW.minus({ minutes: i })));
  const chosen = newsArticles(list, NOW);
  assert.equal(chosen.length, NEWS_MAX_ARTICLES);
  assert.equal(chosen[0]!.slug, "story-0");
  assert.equal(chosen.at(-1)!.slug, "story-999");
  const xml = renderNewsSitemap(chosen, BASE_URL, () => "Test Bulletin", "/");
  assert.equal(xmlProblems(xml), "");
  assert.equal(sitemapSchemaProblems(xml), "");
  assert.equal(xcount(xml, `/*/*[local-name()='url']`), NEWS_MAX_ARTICLES);
});

test("each news entry has the location, publication name and language, publication date with offset, and title", () => {
  const a = article(1, DateTime.fromISO("2026-11-29T09:00:00+03:00", { setZone: true }), { title: HOSTILE_TITLE, lang: "ar" });
  const xml = renderNewsSitemap([a], BASE_URL, (x) => (x.lang === "ar" ? "النشرة" : "Bulletin"), "/");
  assert.equal(xmlProblems(xml), "");
  assert.equal(xpath(xml, "namespace-uri(/*)"), SITEMAP_NS);
  assert.equal(xpath(xml, "local-name(/*)"), "urlset");
  const url = `/*/*[local-name()='url' and namespace-uri()='${SITEMAP_NS}']`;
  const news = `${url}/*[local-name()='news' and namespace-uri()='${NEWS_NS}']`;
  assert.equal(xpath(xml, `${url}/*[local-name()='loc']`), `${BASE_URL}${a.url}`);
  assert.equal(xpath(xml, `${news}/*[local-name()='publication']/*[local-name()='name']`), "النشرة");
  assert.equal(xpath(xml, `${news}/*[local-name()='publication']/*[local-name()='language']`), "ar");
  assert.equal(xpath(xml, `${news}/*[local-name()='publication_date']`), "2026-11-29T09:00:00+03:00");
  assert.equal(xpath(xml, `${news}/*[local-name()='title']`), HOSTILE_TITLE);
  assert.equal(sitemapSchemaProblems(xml), "");
});

test("the official schemas the sitemaps are checked against reject a news entry without its title, or with a language that is not a code, and an empty urlset", () => {
  const a = article(1, DateTime.fromISO("2026-11-29T09:00:00+03:00", { setZone: true }));
  const xml = renderNewsSitemap([a], BASE_URL, () => "Bulletin", "/");
  assert.equal(sitemapSchemaProblems(xml), "");
  assert.notEqual(sitemapSchemaProblems(xml.replace(/<news:title>[^<]*<\/news:title>/, "")), "");
  assert.notEqual(sitemapSchemaProblems(xml.replace(/<news:language>en</, "<news:language>English<")), "");
  assert.notEqual(sitemapSchemaProblems(xml.replace(/<url>[\s\S]*<\/url>/, "")), "", "an empty urlset");
  // The official schema takes a date without its offset; the bulletin promises one.
  assert.match(xpath(xml, "//*[local-name()='publication_date']"), /T09:00:00\+03:00$/);
});

test("with nothing recent the news sitemap lists the newest story without news metadata, and is valid against the official schemas", () => {
  const old = newestFirst([article(1, NOW.minus({ days: 3 })), article(2, NOW.minus({ days: 9 })), article(3, NOW.minus({ hours: 2 }), { draft: true })]);
  assert.deepEqual(newsArticles(old, NOW), []);
  const quiet = quietNewsUrl(old, NOW, "/");
  assert.equal(quiet, old[1]!.url, "the newest published story, not the draft");
  const xml = renderNewsSitemap([], BASE_URL, () => "Bulletin", quiet);
  assert.equal(xmlProblems(xml), "");
  assert.equal(sitemapSchemaProblems(xml), "");
  assert.equal(xcount(xml, "/*/*[local-name()='url']"), 1);
  assert.equal(xpath(xml, "/*/*[local-name()='url']/*[local-name()='loc']"), `${BASE_URL}${old[1]!.url}`);
  assert.equal(xcount(xml, `//*[namespace-uri()='${NEWS_NS}']`), 0);
  // A bulletin with no story at all lists its front page.
  assert.equal(quietNewsUrl([], NOW, "/"), "/");
  assert.equal(sitemapSchemaProblems(renderNewsSitemap([], BASE_URL, () => "Bulletin", "/")), "");
});

test("a bulletin whose last story is older than two days writes a news sitemap valid against the official schemas", () => {
  const site = new Site(loadFixture());
  const [page] = [...newsSitemapPages.pages(site)];
  const xml = String(newsSitemapPages.render(page!, site));
  assert.equal(sitemapSchemaProblems(xml), "");
  assert.equal(xpath(xml, "/*/*[local-name()='url']/*[local-name()='loc']"), site.absolute(site.content.articles[0]!.url));
  // A new story changes what stands in, so the page is written again.
  assert.deepEqual(newsSitemapPages.reads(page!, site), [`quiet ${site.content.articles[0]!.url}`]);
});

let model: Awaited<ReturnType<typeof loadSeoModel>>;
before(async () => {
  model = await loadSeoModel();
});
after(() => model?.remove());

test("the sitemap lists every public page of both editions once, paginated ones included, and no draft or scheduled article", () => {
  const urls = sitemapEntries(model.build).map((e) => e.url.slice(BASE_URL.length));
  assert.equal(new Set(urls).size, urls.length);
  for (const url of [
    "/", "/page/1/", "/page/2/", "/ar/", URLS.hostile, URLS.corrected, URLS.older, URLS.archived, URLS.arabic,
    "/people/", "/topics/", "/people/vladimir-putin/", "/people/vladimir-putin/page/2/", "/topics/syria/page/1/",
    "/ar/people/vladimir-putin/", "/2026/", "/2026/11/", "/2026/11/29/", "/2016/07/15/", "/corrections/", "/ar/corrections/",
  ]) assert.ok(urls.includes(url), `${url} is missing from the sitemap`);
  assert.ok(!urls.includes(URLS.draft) && !urls.includes(URLS.scheduled));
  assert.ok(!urls.some((u) => u.includes("404")));
});

test("lastmod is when a page last changed for a reader, with the bulletin's offset", () => {
  const entries = new Map(sitemapEntries(model.build).map((e) => [e.url.slice(BASE_URL.length), e.lastmod]));
  const iso = (url: string) => entries.get(url)?.toISO({ suppressMilliseconds: true });
  // The correction came after the update, so it is the article's last change…
  assert.equal(iso(URLS.corrected), "2026-11-29T08:30:00+03:00");
  assert.equal(iso(URLS.archived), "2016-07-15T14:20:00+03:00");
  // …and every page listing that article changed with it; an archive page (counted from the
  // oldest) holds the same stories for good, and changes only with them.
  assert.equal(iso("/people/vladimir-putin/"), "2026-11-29T09:00:00+03:00");
  assert.equal(iso("/people/vladimir-putin/page/2/"), "2026-11-27T11:00:00+03:00");
  assert.equal(iso("/2026/11/28/"), "2026-11-29T08:30:00+03:00");
  assert.equal(iso("/2016/"), "2016-07-15T14:20:00+03:00");
  assert.equal(iso("/corrections/"), "2026-11-29T08:30:00+03:00");
  const xml = renderSitemap({ url: "/sitemap.xml", kind: "urlset", entries: sitemapEntries(model.build) });
  assert.equal(xmlProblems(xml), "");
  assert.equal(sitemapSchemaProblems(xml), "");
  const lastmods = xpath(xml, `count(//*[local-name()='lastmod'][not(contains(., '+03:00'))])`);
  assert.equal(lastmods, "0");
});

/** The `<loc>`s of a sitemap or sitemap index, in order (the files are checked against the schema, so each is one URL). */
function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}

test("past sitemapMaxUrls, /sitemap.xml is an index of a file for the other pages and one per year of articles, each valid", () => {
  const whole = new Map(sitemapEntries(model.build).map((e) => [e.url, e]));
  const articleUrls = new Set(model.build.content.articles.map((a) => model.build.absolute(a.url)));
  const max = 3;
  const content = model.build.content;
  const site = new Site({ ...content, site: { ...content.site, sitemapMaxUrls: max } });
  const pages = [...sitemapPages.pages(site)];
  const files = new Map(pages.map((p) => [p.url, String(sitemapPages.render(p, site))]));
  for (const [url, xml] of files) {
    assert.equal(xmlProblems(xml), "", url);
    assert.equal(sitemapSchemaProblems(xml), "", url);
  }
  const index = files.get("/sitemap.xml")!;
  assert.equal(xpath(index, "local-name(/*)"), "sitemapindex");
  assert.equal(xpath(index, "namespace-uri(/*)"), SITEMAP_NS);
  const listed = locs(index);
  assert.deepEqual(listed, pages.slice(1).map((p) => `${BASE_URL}${p.url}`), "the index lists every other file, in order");
  // The other pages first, then the years, newest first; a group past the limit goes on in -2, -3…
  assert.deepEqual(pages.slice(1, 3).map((p) => p.url), ["/sitemaps/pages.xml", "/sitemaps/pages-2.xml"]);
  const years = pages.map((p) => /^\/sitemaps\/(\d{4})(-\d+)?\.xml$/.exec(p.url)?.[1]).filter(Boolean);
  assert.deepEqual([...new Set(years)], ["2026", "2016"]);
  // Every URL of the whole sitemap once, articles in their year's file, no file past the limit.
  const seen: string[] = [];
  for (const page of pages.slice(1)) {
    const xml = files.get(page.url)!;
    const urls = locs(xml);
    assert.ok(urls.length >= 1 && urls.length <= max, `${page.url} has ${urls.length} URLs`);
    const year = /\/sitemaps\/(\d{4})/.exec(page.url)?.[1];
    for (const url of urls) {
      assert.equal(articleUrls.has(url), year !== undefined, `${url} in ${page.url}`);
      if (year) assert.ok(url.startsWith(`${BASE_URL}/${year}/`) || url.startsWith(`${BASE_URL}/ar/${year}/`), `${url} in ${page.url}`);
    }
    // Each file's lastmod in the index is its latest entry's.
    const latest = urls.map((u) => whole.get(u)!.lastmod!).reduce((a, b) => (a > b ? a : b));
    assert.equal(xpath(index, `/*/*[*[local-name()='loc']='${BASE_URL}${page.url}']/*[local-name()='lastmod']`), latest.toISO({ suppressMilliseconds: true }));
    seen.push(...urls);
  }
  assert.deepEqual([...seen].sort(), [...whole.keys()].sort());
});

test("robots.txt allows crawling and names both sitemaps by absolute URL", () => {
  const text = robotsTxt(BASE_URL);
  assert.match(text, /^User-agent: \*$/m);
  assert.match(text, /^Sitemap: https:\/\/news\.example\.test\/sitemap\.xml$/m);
  assert.match(text, /^Sitemap: https:\/\/news\.example\.test\/news-sitemap\.xml$/m);
  assert.doesNotMatch(text, /^Disallow: \/$/m);
});

test("a sitemap is written as the generic XML writer writes it: escaped, indented, alternates and a missing lastmod included, an empty one closed", () => {
  const date = DateTime.fromISO("2016-07-15T14:20:00+03:00", { setZone: true });
  const tree = (entries: SitemapEntry[]) =>
    renderXml(el("urlset", entries.some((e) => e.alternates) ? { xmlns: SITEMAP_NS, "xmlns:xhtml": XHTML_NS } : { xmlns: SITEMAP_NS },
      entries.map((e) => el("url", {},
        el("loc", {}, e.url),
        e.lastmod ? el("lastmod", {}, e.lastmod.toISO({ suppressMilliseconds: true })!) : undefined,
        ...(e.alternates ?? []).map((a) => el("xhtml:link", { rel: "alternate", hreflang: a.lang, href: a.url })),
      ))));
  const cases: SitemapEntry[][] = [
    [],
    [{ url: "https://bulletin.test/a/?x=1&y=<2>\"q\"", lastmod: date }],
    [
      { url: "https://bulletin.test/", lastmod: date, alternates: [{ lang: "en", url: "https://bulletin.test/" }, { lang: "ar", url: "https://bulletin.test/ar/?a=1&b=2" }] },
      { url: "https://bulletin.test/ar/%D8%AE%D8%A8%D8%B1/" },
      { url: "https://bulletin.test/b/\u0007bell", lastmod: date, alternates: [] },
    ],
  ];
  for (const entries of cases) {
    const xml = renderSitemap({ url: "/sitemap.xml", kind: "urlset", entries });
    assert.equal(xml, tree(entries));
    assert.equal(xmlProblems(xml), "");
  }
});

test("a listing's front page changed when any of its stories last did, an old one on an archive page corrected today included", () => {
  const content = model.build.content;
  const oldest = content.articles.at(-1)!;
  const correction = { date: NOW.minus({ minutes: 5 }), text: "A name was misspelt." };
  // A copy of the oldest story, corrected just now: the latest change of every listing it is on, and of the home page.
  const corrected = { ...oldest, corrections: [...oldest.corrections, correction], modified: undefined } as Article;
  for (const articles of [content.articles, content.articles.map((a) => (a === oldest ? corrected : a))]) {
    const site = new Site({ ...content, articles, site: { ...content.site, articlesPerPage: 1 } });
    let fronts = 0;
    for (const page of site.pages()) {
      if ((page.kind !== "home" && page.kind !== "tag" && page.kind !== "tagIndex") || (page.kind !== "tagIndex" && !page.listPage.front)) continue;
      const stories = page.kind === "tag" ? page.listing.articles : page.edition.articles;
      fronts++;
      const lastmod = site.pageType(page).lastmod!(page, site);
      assert.equal(lastmod, newestModification(stories), `${page.url}: the latest change of all its stories`);
      if (articles.includes(corrected) && stories.includes(corrected)) assert.equal(lastmod, correction.date, page.url);
    }
    assert.ok(fronts > 4);
  }
});
