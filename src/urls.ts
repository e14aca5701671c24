import type { DateTime } from "luxon";
import type { TagKind } from "./model/types.ts";

/**
 * The URL scheme of design/CONTENT.md, in one place: every URL the bulletin writes or links
 * to is made here, and so is the file each URL is written to. The default edition (content/
 * site.yaml `lang`) is at the root; every other edition mirrors the scheme under `/<lang>/`.
 */

/** Where an edition's pages live: `""` for the default edition, `"/ar"` for Arabic beside an English default. */
export interface EditionPath {
  prefix: string;
}

export function editionPrefix(defaultLang: string, lang: string): string {
  return lang === defaultLang ? "" : `/${lang}`;
}

export function homeUrl(edition: EditionPath): string {
  return `${edition.prefix}/`;
}

export function articleUrl(edition: EditionPath, date: DateTime, slug: string): string {
  return `${edition.prefix}/${date.toFormat("yyyy/MM/dd")}/${encodeSegment(slug)}/`;
}

export function dayUrl(edition: EditionPath, date: DateTime): string {
  return `${edition.prefix}/${date.toFormat("yyyy/MM/dd")}/`;
}

export function monthUrl(edition: EditionPath, date: DateTime): string {
  return `${edition.prefix}/${date.toFormat("yyyy/MM")}/`;
}

export function yearUrl(edition: EditionPath, date: DateTime): string {
  return `${edition.prefix}/${date.toFormat("yyyy")}/`;
}

export function tagSection(kind: TagKind): "people" | "topics" {
  return kind === "person" ? "people" : "topics";
}

export function tagIndexUrl(edition: EditionPath, kind: TagKind): string {
  return `${edition.prefix}/${tagSection(kind)}/`;
}

export function tagUrl(edition: EditionPath, kind: TagKind, slug: string): string {
  return `${tagIndexUrl(edition, kind)}${encodeSegment(slug)}/`;
}

export function tagFeedUrl(edition: EditionPath, kind: TagKind, slug: string): string {
  return `${tagUrl(edition, kind, slug)}feed.xml`;
}

export function correctionsUrl(edition: EditionPath): string {
  return `${edition.prefix}/corrections/`;
}

/** The search page; with `query`, a search it runs when opened (`?q=…&person=…`). */
export function searchUrl(edition: EditionPath, query?: Record<string, string>): string {
  const params = query ? new URLSearchParams(query).toString() : "";
  return `${edition.prefix}/search/${params ? `?${params}` : ""}`;
}

/** The page a static host serves for any unknown URL (the default edition's), or below an edition's prefix. */
export function notFoundUrl(edition: EditionPath): string {
  return `${edition.prefix}/404.html`;
}

/** An edition's Atom feed: `/feed.xml`, `/ar/feed.xml`. */
export function editionFeedUrl(edition: EditionPath): string {
  return `${edition.prefix}/feed.xml`;
}

/** An edition's JSON Feed: `/feed.json`, `/ar/feed.json`. */
export function editionJsonFeedUrl(edition: EditionPath): string {
  return `${edition.prefix}/feed.json`;
}

export const SITEMAP_URL = "/sitemap.xml";
export const NEWS_SITEMAP_URL = "/news-sitemap.xml";
export const ROBOTS_URL = "/robots.txt";

/** Part `n` of a sitemap too large for one file (`/sitemap.xml` is then their index). */
export function sitemapPartUrl(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** The bulletin's own files (layouts/assets, copied to /assets/). */
export const ASSETS = {
  stylesheet: "/assets/site.css",
  favicon: "/assets/favicon.svg",
  searchScript: "/assets/search.js",
  shareImage: "/assets/share.png",
  logo: "/assets/logo.png",
  /** The Arabic edition's text face (src/i18n/fonts.ts), its @font-face, and its licence. */
  arabicStylesheet: "/assets/arabic.css",
  naskhArabic: "/assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2",
  naskhArabicLicence: "/assets/fonts/noto-naskh-arabic-LICENSE.txt",
} as const;

/** A rendition of an article's image (src/images). */
export function imageUrl(name: string): string {
  return `/img/${name}`;
}

/**
 * A search index of one edition's articles of one year (`/pagefind/en/2016/`), or of part
 * of a year (`/pagefind/en/2016-q3/`, `/pagefind/en/2016-07/`): Pagefind holds a whole index
 * in memory while it builds it, so the build writes several and the search page queries
 * them together (src/search/indexPlan.ts says which article goes where).
 */
export function searchIndexUrl(lang: string, date: DateTime, part?: string): string {
  return `/pagefind/${lang}/${date.toFormat("yyyy")}${part ? `-${part}` : ""}/`;
}

/** Archive page `n` of a listing, counted from its oldest (src/collections/paginate.ts): `/people/x/` → `/people/x/page/2/`. */
export function pageUrl(base: string, page: number): string {
  return `${base}page/${page}/`;
}

/** Percent-encodes a path segment (Arabic slugs become IRIs that every client accepts). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/** The absolute URL of a site-relative one. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * The file a URL is written to, below the output folder, with `/` separators:
 * `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. The one url→file mapping.
 */
export function outputPath(url: string): string {
  const path = decodeURIComponent(url).replace(/^\/+/, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** The URL of a file below the output folder: the inverse of `outputPath`. */
export function urlOfOutputPath(path: string): string {
  const url = `/${path.split("/").map(encodeSegment).join("/")}`;
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}
