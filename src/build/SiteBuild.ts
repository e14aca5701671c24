import type { Content } from "../model/loadContent.ts";
import type { Article } from "../model/types.ts";
import type { SiteConfig } from "../model/site.ts";
import type { MarkdownIt } from "markdown-it";
import { buildBulletin, type Bulletin, type DayArchive, type Edition, type MonthArchive, type TagListing, type YearArchive } from "../collections/bulletin.ts";
import type { Page } from "../collections/paginate.ts";
import type { TagKind } from "../model/types.ts";
import { createMarkdown, renderBody, type RenderedBody } from "../text/markdown.ts";
import { escapeHtml } from "../text/escape.ts";
import { EDITION_FEED_SIZE, TAG_FEED_SIZE } from "../feeds/feedModel.ts";

/** One page to render: what an Eleventy pagination template receives as `entry`. */
export interface HomeEntry { edition: Edition; page: Page<Article> }
export interface ArticleEntry { edition: Edition; article: Article }
export interface TagEntry { edition: Edition; listing: TagListing; page: Page<Article> }
export interface TagIndexEntry { edition: Edition; kind: TagKind; listings: TagListing[] }
export interface DayEntry { edition: Edition; day: DayArchive }
export interface MonthEntry { edition: Edition; month: MonthArchive }
export interface YearEntry { edition: Edition; year: YearArchive }
export interface EditionEntry { edition: Edition }

export interface SiteBuildOptions {
  /**
   * Let each article's Markdown go once it is rendered (its HTML is kept where a feed needs
   * it, its first paragraph always): for a build that renders each article once, from
   * content loaded for it alone. Bodies are mostly two-byte strings (curly quotes, the
   * dateline's dash): 700 MB at 100,000 articles.
   */
  releaseSources?: boolean;
}

/**
 * Everything a build renders, prepared once. A class on purpose: Eleventy merges plain
 * objects in its data cascade, and this one holds every article; an instance is passed
 * by reference.
 */
export class SiteBuild {
  readonly site: SiteConfig;
  readonly bulletin: Bulletin;
  readonly content: Content;
  readonly pages: {
    home: HomeEntry[];
    article: ArticleEntry[];
    tag: TagEntry[];
    tagIndex: TagIndexEntry[];
    day: DayEntry[];
    month: MonthEntry[];
    year: YearEntry[];
    edition: EditionEntry[];
  };
  private readonly md: MarkdownIt;
  /**
   * Bodies as HTML, kept only for the articles a feed carries (feeds render after the
   * articles): every body kept took about 8 KB an article (most are two-byte strings: the
   * dateline's dash), 800 MB at 100,000 articles. Each is rendered once either way.
   */
  private readonly bodies = new WeakMap<Article, string>();
  private readonly inFeeds: Set<Article>;
  /** First paragraphs, for teasers and descriptions of articles without a summary: small, all kept. */
  private readonly firstParagraphs = new WeakMap<Article, string>();
  /** Articles whose Markdown was let go once rendered (see `SiteBuildOptions.releaseSources`). */
  private readonly released = new WeakSet<Article>();
  private readonly releaseSources: boolean;

  constructor(content: Content, options: SiteBuildOptions = {}) {
    this.content = content;
    this.releaseSources = options.releaseSources ?? false;
    this.site = content.site;
    this.bulletin = buildBulletin(content);
    this.md = createMarkdown({ allowHtml: this.site.allowHtml });
    const editions = this.bulletin.editions;
    this.pages = {
      home: editions.flatMap((edition) => edition.home.map((page) => ({ edition, page }))),
      article: editions.flatMap((edition) => edition.articles.map((article) => ({ edition, article }))),
      tag: editions.flatMap((edition) =>
        [...edition.people, ...edition.topics].flatMap((listing) => listing.pages.map((page) => ({ edition, listing, page })))),
      tagIndex: editions.flatMap((edition) => [
        { edition, kind: "person" as const, listings: edition.people },
        { edition, kind: "topic" as const, listings: edition.topics },
      ]),
      day: editions.flatMap((edition) => edition.days.map((day) => ({ edition, day }))),
      month: editions.flatMap((edition) => edition.months.map((month) => ({ edition, month }))),
      year: editions.flatMap((edition) => edition.years.map((year) => ({ edition, year }))),
      edition: editions.map((edition) => ({ edition })),
    };
    this.inFeeds = new Set(editions.flatMap((edition) => [
      ...edition.articles.slice(0, EDITION_FEED_SIZE),
      ...[...edition.people, ...edition.topics].flatMap((listing) => listing.articles.slice(0, TAG_FEED_SIZE)),
    ]));
  }

  /** The article body as HTML, dateline leading the first paragraph; rendered once per build. */
  bodyHtml(article: Article): string {
    return this.bodies.get(article) ?? this.render(article, this.releaseSources).html;
  }

  /** The writer's summary, or the first paragraph as plain text. */
  summary(article: Article): string {
    return article.summary ?? this.firstParagraphs.get(article) ?? this.render(article, false).firstParagraph;
  }

  /** "Moscow, SANA –" in English, "موسكو-سانا" in Arabic; empty without a dateline. */
  dateline(article: Article): string {
    if (!article.dateline) return "";
    const edition = this.bulletin.edition(article.lang);
    return edition.strings.dateline(article.dateline, edition.agency);
  }

  /** Markdown from the registry (bios), rendered with the same settings as articles. */
  markdown(source: string): string {
    return source ? this.md.render(source) : "";
  }

  /** Renders the body; `release` lets the Markdown go after (its page, the one page showing it whole, has it). */
  private render(article: Article, release: boolean): RenderedBody {
    if (this.released.has(article)) {
      throw new Error(`${article.source}: its Markdown was rendered and let go, and is asked for again; keep its HTML (SiteBuild.bodies) or build without releaseSources`);
    }
    const lead = article.dateline ? `<span class="dateline">${escapeHtml(this.dateline(article))}</span>` : undefined;
    const done = renderBody(this.md, article.body, lead);
    this.firstParagraphs.set(article, done.firstParagraph);
    if (this.inFeeds.has(article)) this.bodies.set(article, done.html);
    if (release) {
      article.body = "";
      this.released.add(article);
    }
    return done;
  }
}
