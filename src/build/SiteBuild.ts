import type { Content } from "../model/loadContent.ts";
import type { Article } from "../model/types.ts";
import type { SiteConfig } from "../model/site.ts";
import type { MarkdownIt } from "markdown-it";
import { buildBulletin, type Bulletin, type DayArchive, type Edition, type MonthArchive, type TagListing, type YearArchive } from "../collections/bulletin.ts";
import type { Page } from "../collections/paginate.ts";
import type { TagKind } from "../model/types.ts";
import { createMarkdown, renderBody, type RenderedBody } from "../text/markdown.ts";
import { escapeHtml } from "../text/escape.ts";

/** One page to render: what an Eleventy pagination template receives as `entry`. */
export interface HomeEntry { edition: Edition; page: Page<Article> }
export interface ArticleEntry { edition: Edition; article: Article }
export interface TagEntry { edition: Edition; listing: TagListing; page: Page<Article> }
export interface TagIndexEntry { edition: Edition; kind: TagKind; listings: TagListing[] }
export interface DayEntry { edition: Edition; day: DayArchive }
export interface MonthEntry { edition: Edition; month: MonthArchive }
export interface YearEntry { edition: Edition; year: YearArchive }
export interface EditionEntry { edition: Edition }

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
  private readonly rendered = new WeakMap<Article, RenderedBody>();

  constructor(content: Content) {
    this.content = content;
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
  }

  /** The article body as HTML, dateline leading the first paragraph; rendered once per build. */
  bodyHtml(article: Article): string {
    return this.render(article).html;
  }

  /** The writer's summary, or the first paragraph as plain text. */
  summary(article: Article): string {
    return article.summary ?? this.render(article).firstParagraph;
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

  private render(article: Article): RenderedBody {
    let done = this.rendered.get(article);
    if (!done) {
      const lead = article.dateline ? `<span class="dateline">${escapeHtml(this.dateline(article))}</span>` : undefined;
      done = renderBody(this.md, article.body, lead);
      this.rendered.set(article, done);
    }
    return done;
  }
}
