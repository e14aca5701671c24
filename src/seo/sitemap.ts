import type { DateTime } from "luxon";
import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";
import { absoluteUrl } from "../urls.ts";
import { isoOnce } from "../feeds/isoOnce.ts";
import { el, renderXml } from "../feeds/xml.ts";
import { lastModified, newestModification } from "./lastModified.ts";
import { pageSubjects, type PageSubject } from "./pageSubjects.ts";
import { alternatesOf, type Alternate } from "./alternates.ts";

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
export const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
export const XHTML_NS = "http://www.w3.org/1999/xhtml";
/** The sitemap protocol's limit per file; above it /sitemap.xml becomes an index of numbered files. */
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

/** Every public page with the time its content last changed. */
export function sitemapEntries(build: SiteBuild): SitemapEntry[] {
  const base = build.site.baseUrl;
  // Listings share arrays between their pages (every home page has the edition's articles):
  // each array's latest change is worked out once.
  const memo = new Map<readonly Article[], DateTime | undefined>();
  const newest = (articles: readonly Article[]) => {
    if (!memo.has(articles)) memo.set(articles, newestModification(articles));
    return memo.get(articles);
  };
  const correctedAt = new Map<string, DateTime>();
  for (const a of build.bulletin.corrected) {
    const latest = a.corrections.at(-1)!.date;
    const known = correctedAt.get(a.lang);
    if (!known || latest > known) correctedAt.set(a.lang, latest);
  }
  const lastmodOf = (s: PageSubject): DateTime | undefined => {
    switch (s.kind) {
      case "article": return lastModified(s.article);
      // A new article moves every page of a listing along, so each page changes with the newest.
      case "home": return newest(s.edition.articles);
      case "tagIndex": return newest(s.edition.articles);
      case "tag": return newest(s.listing.articles);
      case "day": return newest(s.day.articles);
      case "month": return latestOf(s.month.days.map((d) => newest(d.articles)));
      case "year": return latestOf(s.year.months.flatMap((m) => m.days.map((d) => newest(d.articles))));
      case "corrections": return correctedAt.get(s.edition.lang);
    }
  };
  return pageSubjects(build).map((s) => {
    const alternates = alternatesOf(build, s).map((a) => ({ lang: a.lang, url: absoluteUrl(base, a.url) }));
    return { url: absoluteUrl(base, s.url), lastmod: lastmodOf(s), ...(alternates.length ? { alternates } : {}) };
  });
}

function latestOf(dates: (DateTime | undefined)[]): DateTime | undefined {
  let latest: DateTime | undefined;
  for (const d of dates) if (d && (!latest || d > latest)) latest = d;
  return latest;
}

/** `/sitemap.xml`, split into `/sitemaps/N.xml` under an index once it passes `max` URLs. */
export function sitemapDocuments(entries: SitemapEntry[], baseUrl: string, max = SITEMAP_MAX_URLS): SitemapDocument[] {
  if (entries.length <= max) return [{ url: "/sitemap.xml", kind: "urlset", entries }];
  const parts: SitemapDocument[] = [];
  for (let i = 0; i < entries.length; i += max) {
    parts.push({ url: `/sitemaps/${parts.length + 1}.xml`, kind: "urlset", entries: entries.slice(i, i + max) });
  }
  const index: SitemapDocument = {
    url: "/sitemap.xml",
    kind: "index",
    files: parts.map((p) => ({ url: absoluteUrl(baseUrl, p.url), lastmod: p.kind === "urlset" ? latestOf(p.entries.map((e) => e.lastmod)) : undefined })),
  };
  return [index, ...parts];
}

export function renderSitemap(doc: SitemapDocument): string {
  if (doc.kind === "index") {
    return renderXml(el("sitemapindex", { xmlns: SITEMAP_NS },
      doc.files.map((f) => el("sitemap", {}, el("loc", {}, f.url), f.lastmod ? el("lastmod", {}, isoOnce(f.lastmod)) : undefined))));
  }
  const withAlternates = doc.entries.some((e) => e.alternates);
  return renderXml(el("urlset", withAlternates ? { xmlns: SITEMAP_NS, "xmlns:xhtml": XHTML_NS } : { xmlns: SITEMAP_NS },
    doc.entries.map((e) => el("url", {},
      el("loc", {}, e.url),
      e.lastmod ? el("lastmod", {}, isoOnce(e.lastmod)) : undefined,
      ...(e.alternates ?? []).map((a) => el("xhtml:link", { rel: "alternate", hreflang: a.lang, href: a.url })),
    ))));
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

/** `/news-sitemap.xml`. `publicationName` gives each language edition's name as readers see it. */
export function renderNewsSitemap(articles: readonly Article[], baseUrl: string, publicationName: (article: Article) => string): string {
  return renderXml(el("urlset", { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS },
    articles.map((a) =>
      el("url", {},
        el("loc", {}, absoluteUrl(baseUrl, a.url)),
        el("news:news", {},
          el("news:publication", {}, el("news:name", {}, publicationName(a)), el("news:language", {}, a.lang)),
          el("news:publication_date", {}, isoOnce(a.date)),
          el("news:title", {}, a.title),
        ),
      )),
  ));
}

/** `/robots.txt`: everything may be crawled but the web desk; both sitemaps are named. */
export function robotsTxt(baseUrl: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /admin/", // the web desk (src/desk/)
    "",
    `Sitemap: ${absoluteUrl(baseUrl, "/sitemap.xml")}`,
    `Sitemap: ${absoluteUrl(baseUrl, "/news-sitemap.xml")}`,
    "",
  ].join("\n");
}
