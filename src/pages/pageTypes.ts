import type { DateTime } from "luxon";
import type { Site } from "../site/Site.ts";
import type { JsonLdNode, PageFacts } from "../seo/jsonLd.ts";
import type { HeadExtras } from "../seo/headMeta.ts";
import type { Alternate } from "../seo/alternates.ts";
import type { SinceLastBuild } from "../site/changes.ts";
import { homePages, type HomePage } from "./home.tsx";
import { articlePages, type ArticlePage } from "./article.tsx";
import { tagPages, type TagPage } from "./tag.tsx";
import { tagIndexPages, type TagIndexPage } from "./tagIndex.tsx";
import { dayPages, type DayPage } from "./day.tsx";
import { dayEmailPages, dayEmailTextPages, type DayEmailPage, type DayEmailTextPage } from "./dayEmail.tsx";
import { monthPages, type MonthPage } from "./month.tsx";
import { yearPages, type YearPage } from "./year.tsx";
import { correctionsPages, type CorrectionsPage } from "./corrections.tsx";
import { searchPages, type SearchPage } from "./search.tsx";
import { notFoundPages, type NotFoundPage } from "./notFound.tsx";
import { atomFeedPages, type AtomFeedPage } from "./atomFeed.ts";
import { jsonFeedPages, type JsonFeedPage } from "./jsonFeed.ts";
import { tagFeedPages, type TagFeedPage } from "./tagFeed.ts";
import { sitemapPages, type SitemapPage } from "./sitemap.ts";
import { newsSitemapPages, type NewsSitemapPage } from "./newsSitemap.ts";
import { robotsPages, type RobotsPage } from "./robots.ts";
import { deskConfigPages, type DeskConfigPage } from "./deskConfig.ts";

/**
 * Every page the bulletin writes is one value of this union: its kind, its URL, and the
 * subject it shows (the article, the listing page, the feed's edition…), prepared by the
 * page type's `pages` from the collections. Layouts get the page in their context and never
 * look anything up by URL.
 */
export type Page =
  | HomePage
  | ArticlePage
  | TagPage
  | TagIndexPage
  | DayPage
  | DayEmailPage
  | DayEmailTextPage
  | MonthPage
  | YearPage
  | CorrectionsPage
  | SearchPage
  | NotFoundPage
  | AtomFeedPage
  | JsonFeedPage
  | TagFeedPage
  | SitemapPage
  | NewsSitemapPage
  | RobotsPage
  | DeskConfigPage;

/** The pages that are HTML documents (layouts/BasePage.tsx); the rest are feeds, sitemaps, robots.txt. */
export type HtmlPage = HomePage | ArticlePage | TagPage | TagIndexPage | DayPage | MonthPage | YearPage | CorrectionsPage | SearchPage | NotFoundPage;

export type PageKind = Page["kind"];
export type PageOf<K extends PageKind> = Extract<Page, { kind: K }>;

/** What a page renders to: a JSX tree (HTML pages, through src/site/jsxToHtml.ts) or finished text. */
export type Rendered = unknown;

/** Everything the bulletin knows about one kind of page. */
export interface PageType<P extends Page> {
  /** Every page of this kind, in a stable order. Listings are not sorted or filtered here: the collections did that once. */
  pages(site: Site): Iterable<P>;
  render(page: P, site: Site): Rendered;
  /**
   * What the page shows, as strings that change whenever what it prints changes (see
   * src/site/reads.ts): the incremental build and the preview render a page again only when
   * these changed. A page type that forgets something it prints is a bug the equivalence
   * tests (test/unit/incremental.test.ts) are there to catch.
   */
  reads(page: P, site: Site): string[];
  /** Pages readers land on and search engines list: the time their content last changed (the sitemap's `lastmod`). */
  lastmod?(page: P, site: Site): DateTime | undefined;
  /** The same page in the other editions, this one included (`hreflang`); empty when it has none. */
  alternates?(page: P, site: Site): Alternate[];
  /** The file of a sitemap split by year that lists the page (`/sitemaps/<group>.xml`): an article its year's; every other page `pages`. */
  sitemapGroup?(page: P, site: Site): string;
  /** What the page is, for structured data (beside the site and its publisher, on every page). */
  structuredData?(page: P, site: Site, facts: PageFacts): JsonLdNode[];
  /** OpenGraph and feed links beyond what every page has. */
  head?(page: P, site: Site): HeadExtras;
  /** Searchable pages: the search index (src/search) the page goes in. Searchable pages render first. */
  searchIndex?(page: P, site: Site): string;
  /**
   * For kinds with very many pages: true when the page certainly reads as it did in the last
   * build, given what changed since, so that the incremental build keeps its fingerprint
   * without reading it again (at 100,000 articles, reading every article page took seconds).
   * Never true of a page whose reads changed: test/unit/incremental.test.ts compares every
   * step with a full build.
   */
  unchanged?(page: P, site: Site, since: SinceLastBuild): boolean;
}

export const pageTypes = {
  article: articlePages,
  home: homePages,
  tag: tagPages,
  tagIndex: tagIndexPages,
  day: dayPages,
  dayEmail: dayEmailPages,
  dayEmailText: dayEmailTextPages,
  month: monthPages,
  year: yearPages,
  corrections: correctionsPages,
  search: searchPages,
  notFound: notFoundPages,
  atomFeed: atomFeedPages,
  jsonFeed: jsonFeedPages,
  tagFeed: tagFeedPages,
  sitemap: sitemapPages,
  newsSitemap: newsSitemapPages,
  robots: robotsPages,
  deskConfig: deskConfigPages,
} satisfies { [K in PageKind]: PageType<PageOf<K>> };

/** The page type of `page`. TypeScript cannot see that a kind's entry takes that kind's pages; this says it once. */
export function typeOf<P extends Page>(page: P): PageType<P> {
  return pageTypes[page.kind] as unknown as PageType<P>;
}

/** The page types in the order the renderer writes them: searchable kinds first (the search index builds while the rest renders). */
export const KINDS = Object.keys(pageTypes) as PageKind[];
