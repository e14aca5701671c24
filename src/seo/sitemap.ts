import type { DateTime } from "luxon";
import type { Article } from "../model/types.ts";
import { absoluteUrl, NEWS_SITEMAP_URL, SITEMAP_URL, sitemapPartUrl } from "../urls.ts";
import { isoOnce } from "../feeds/isoOnce.ts";
import { el, renderXml, xmlText, XML_DECLARATION } from "../feeds/xml.ts";
import { latestOf } from "./lastModified.ts";
import type { Alternate } from "./alternates.ts";

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
export const XHTML_NS = "http://www.w3.org/1999/xhtml";
/** The sitemap protocol's limit per file; above it /sitemap.xml becomes an index (site.yaml's `sitemapMaxUrls` may set fewer). */
export const SITEMAP_MAX_URLS = 50_000;
/** Google News: articles of the last two days, at most 1,000 per news sitemap. */
export const NEWS_WINDOW_DAYS = 2;
export const NEWS_MAX_ARTICLES = 1_000;

export interface SitemapEntry {
  /** Absolute. */
  url: string;
  lastmod?: DateTime;
  /** The page in every language it exists in (this one included), absolute URLs. */
  alternates?: Alternate[];
}

/** One file to write: a list of pages, or (for very large bulletins) an index of such lists. */
export type SitemapDocument =
  | { url: string; kind: "urlset"; entries: SitemapEntry[] }
  | { url: string; kind: "index"; files: { url: string; lastmod?: DateTime }[] };

/** One file of a split sitemap: entries `from` to `to` (exclusive) of a group. */
export interface SitemapPart {
  url: string;
  group: string;
  from: number;
  to: number;
}

/**
 * The files of a sitemap of `groups` (each a name and how many URLs it has, in the order of
 * the index): none when every URL fits in `/sitemap.xml`; otherwise each group's files under
 * that index, `/sitemaps/<group>.xml`, then `-2`, `-3`… past `max` URLs. The groups are the
 * articles' years and the other pages (`sitemapGroup`): a story filed changes its year's file
 * and the listings', and a search engine (and the incremental build) can leave the other
 * years' files as they were. Numbered files in the order of the page table had every file
 * after the new story's shift by one URL: at 100,000 articles, all four written again, 1.8 s
 * of a build.
 */
export function sitemapParts(groups: readonly { name: string; count: number }[], max = SITEMAP_MAX_URLS): SitemapPart[] | undefined {
  if (groups.reduce((sum, g) => sum + g.count, 0) <= max) return undefined;
  const parts: SitemapPart[] = [];
  for (const { name, count } of groups) {
    for (let from = 0, n = 1; from < count; from += max, n++) parts.push({ url: sitemapPartUrl(name, n), group: name, from, to: Math.min(count, from + max) });
  }
  return parts;
}

/** The index of split sitemap files: each with the latest `lastmod` of its entries. */
export function sitemapIndex(files: readonly { url: string; lastmods: Iterable<DateTime | undefined> }[], baseUrl: string): SitemapDocument {
  return { url: SITEMAP_URL, kind: "index", files: files.map((f) => ({ url: absoluteUrl(baseUrl, f.url), lastmod: latestOf(f.lastmods) })) };
}

export function renderSitemap(doc: SitemapDocument): string {
  if (doc.kind === "index") {
    return renderXml(el("sitemapindex", { xmlns: SITEMAP_NS },
      doc.files.map((f) => el("sitemap", {}, el("loc", {}, f.url), f.lastmod ? el("lastmod", {}, isoOnce(f.lastmod)) : undefined))));
  }
  // Written out line by line, byte for byte what renderXml writes of the same elements (a unit
  // test compares the two), every text and attribute through its escape. A story filed
  // changes files of 20,000 entries at 10,000 articles and 50,000 at 100,000: the generic
  // writer's tree, four elements an entry, took 150–180 ms and 350–500 ms; line by line,
  // 33–38 ms and 89–96 ms.
  const withAlternates = doc.entries.some((e) => e.alternates);
  const open = `<urlset xmlns="${SITEMAP_NS}"${withAlternates ? ` xmlns:xhtml="${XHTML_NS}"` : ""}`;
  if (doc.entries.length === 0) return `${XML_DECLARATION}\n${open}/>\n`;
  let out = `${XML_DECLARATION}\n${open}>\n`;
  for (const e of doc.entries) {
    out += `  <url>\n    <loc>${xmlText(e.url)}</loc>\n`;
    if (e.lastmod) out += `    <lastmod>${xmlText(isoOnce(e.lastmod))}</lastmod>\n`;
    for (const a of e.alternates ?? []) out += `    <xhtml:link rel="alternate" hreflang="${xmlText(a.lang)}" href="${xmlText(a.url)}"/>\n`;
    out += "  </url>\n";
  }
  return `${out}</urlset>\n`;
}

/**
 * The articles Google News wants: published in the two days up to the build's `now`
 * (never a scheduled or draft one, even in a preview), newest first, at most 1,000.
 * `articles` must be newest first, as `Content.articles` is.
 */
export function newsArticles(articles: readonly Article[], now: DateTime, max = NEWS_MAX_ARTICLES): Article[] {
  const since = now.minus({ days: NEWS_WINDOW_DAYS });
  const chosen: Article[] = [];
  for (const a of articles) {
    if (a.date <= since || chosen.length >= max) break;
    if (a.date <= now && !a.draft && !a.scheduled) chosen.push(a);
  }
  return chosen;
}

/**
 * `/news-sitemap.xml`. `publicationName` gives each language edition's name as readers see it.
 *
 * With no article in the window, the file lists `quiet` alone (site-relative: the newest
 * story, or the front page of a bulletin with none), without news metadata. The sitemap
 * schema requires at least one `<url>`, so an empty `<urlset/>` is invalid; and Google's own
 * second way of ageing a story out of a news sitemap is to keep its URL and drop its
 * `<news:news>`. Leaving the file out instead would have robots.txt, the Publisher Center
 * and Search Console point at a 404 after every quiet weekend.
 */
export function renderNewsSitemap(articles: readonly Article[], baseUrl: string, publicationName: (article: Article) => string, quiet: string): string {
  const entries = articles.length === 0
    ? [el("url", {}, el("loc", {}, absoluteUrl(baseUrl, quiet)))]
    : articles.map((a) =>
      el("url", {},
        el("loc", {}, absoluteUrl(baseUrl, a.url)),
        el("news:news", {},
          el("news:publication", {}, el("news:name", {}, publicationName(a)), el("news:language", {}, a.lang)),
          el("news:publication_date", {}, isoOnce(a.date)),
          el("news:title", {}, a.title),
        ),
      ));
  return renderXml(el("urlset", { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS }, entries));
}

/** What a news sitemap with nothing recent lists: the newest published story, else the front page. */
export function quietNewsUrl(articles: readonly Article[], now: DateTime, frontPage: string): string {
  return articles.find((a) => a.date <= now && !a.draft && !a.scheduled)?.url ?? frontPage;
}

/** `/robots.txt`: everything may be crawled but the web desk; both sitemaps are named. */
export function robotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin/", // the web desk (src/desk/)
    "",
    `Sitemap: ${absoluteUrl(baseUrl, SITEMAP_URL)}`,
    `Sitemap: ${absoluteUrl(baseUrl, NEWS_SITEMAP_URL)}`,
    "",
  ].join("\n");
}
