import type { DateTime } from "luxon";
import type { Lang } from "./model/schema.ts";
import type { TagKind } from "./model/types.ts";

/**
 * The URL scheme of design/CONTENT.md, in one place. English is the default edition at the
 * root; every other language mirrors the scheme under `/<lang>/`.
 */
export const DEFAULT_LANG: Lang = "en";

export function editionPrefix(lang: Lang): string {
  return lang === DEFAULT_LANG ? "" : `/${lang}`;
}

export function homeUrl(lang: Lang): string {
  return `${editionPrefix(lang)}/`;
}

export function articleUrl(lang: Lang, date: DateTime, slug: string): string {
  return `${editionPrefix(lang)}/${date.toFormat("yyyy/MM/dd")}/${encodeSegment(slug)}/`;
}

export function dayUrl(lang: Lang, date: DateTime): string {
  return `${editionPrefix(lang)}/${date.toFormat("yyyy/MM/dd")}/`;
}

export function monthUrl(lang: Lang, date: DateTime): string {
  return `${editionPrefix(lang)}/${date.toFormat("yyyy/MM")}/`;
}

export function yearUrl(lang: Lang, date: DateTime): string {
  return `${editionPrefix(lang)}/${date.toFormat("yyyy")}/`;
}

/**
 * A search index of one edition's articles of one year (`/pagefind/en/2016/`), or of part
 * of a year (`/pagefind/en/2016-q3/`, `/pagefind/en/2016-07/`): Pagefind holds a whole index
 * in memory while it builds it, so the build writes several and the search page queries
 * them together (src/search/indexPlan.ts says which article goes where).
 */
export function searchIndexUrl(lang: Lang, date: DateTime, part?: string): string {
  return `/pagefind/${lang}/${date.toFormat("yyyy")}${part ? `-${part}` : ""}/`;
}

export function tagSection(kind: TagKind): "people" | "topics" {
  return kind === "person" ? "people" : "topics";
}

export function tagIndexUrl(lang: Lang, kind: TagKind): string {
  return `${editionPrefix(lang)}/${tagSection(kind)}/`;
}

export function tagUrl(lang: Lang, kind: TagKind, slug: string): string {
  return `${tagIndexUrl(lang, kind)}${encodeSegment(slug)}/`;
}

export function tagFeedUrl(lang: Lang, kind: TagKind, slug: string): string {
  return `${tagUrl(lang, kind, slug)}feed.xml`;
}

/** `/people/x/` → `/people/x/page/2/`; page 1 is the base itself. */
export function pageUrl(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

/** Percent-encodes a path segment (Arabic slugs become IRIs that every client accepts). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment);
}

/** The absolute URL of a site-relative one. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The file Eleventy writes for a URL: `/a/b/` → `a/b/index.html`, `/feed.xml` → `feed.xml`. */
export function outputPath(url: string): string {
  const path = decodeURIComponent(url);
  return path.endsWith("/") ? `${path}index.html` : path;
}
