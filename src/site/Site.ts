import type { MarkdownIt } from "markdown-it";
import type { DateTime } from "luxon";
import type { Content } from "../model/loadContent.ts";
import type { Article } from "../model/types.ts";
import type { SiteConfig } from "../model/site.ts";
import type { CroppedImage, ImageCrop, ResponsiveImage } from "../images/imageCache.ts";
import { buildBulletin, type Bulletin, type Edition, type RelatedMemory } from "../collections/editions.ts";
import { createMarkdown, markdownText, renderBody, type RenderedBody } from "../text/markdown.ts";
import type { LiveUpdate } from "../model/live.ts";
import { escapeHtml } from "../text/escape.ts";
import { absoluteUrl } from "../urls.ts";
import { KINDS, pageTypes, typeOf, type Page, type PageKind, type PageType } from "../pages/pageTypes.ts";
import { latestOf, newestModification } from "../seo/lastModified.ts";
import { articleBody } from "../model/body.ts";

export interface SiteOptions {
  /** Every article image's renditions, made before rendering (src/site/prepareSite.ts). */
  images?: ReadonlyMap<Article, ResponsiveImage>;
  /** The crops of the site's share image, which stand in for a photo in structured data. */
  shareImage?: CroppedImage;
  /**
   * Let each article's Markdown go once it is rendered (its HTML is kept where a feed needs
   * it, its first paragraph always): for a build that renders each article once, from
   * content loaded for it alone. Bodies are mostly two-byte strings (curly quotes, the
   * dateline's dash): 700 MB at 100,000 articles.
   */
  releaseSources?: boolean;
  /**
   * Articles whose HTML to keep once rendered, because more than one page prints it whole
   * (the feeds, which render after the articles). Every body kept took about 8 KB an article.
   */
  keepBodies?: (site: Site) => Iterable<Article>;
  /** First paragraphs already worked out, kept across builds (the preview's); this build's are added. */
  firstParagraphs?: WeakMap<Article, string>;
  /** An article's first paragraph as the last build worked it out, if its file is the same (the incremental build's record). */
  lastFirstParagraph?: (article: Article) => string | undefined;
  /** The last build's related stories, for the incremental build (src/collections/staleRelated.ts). */
  related?: RelatedMemory;
}

/** An article's photo as other sites show it: the largest JPEG rendition, absolute. */
export interface SharedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

/**
 * The bulletin as pages show it: the validated content, its editions and listings
 * (src/collections), the renditions of its images, and the articles' bodies as HTML.
 * Everything a page prints is prepared here or in the collections; pages and layouts only
 * choose and print. One Site per build (the preview makes one per save).
 */
export class Site {
  readonly config: SiteConfig;
  readonly bulletin: Bulletin;
  readonly content: Content;
  private readonly md: MarkdownIt;
  private readonly images: ReadonlyMap<Article, ResponsiveImage>;
  private readonly shareImage: CroppedImage | undefined;
  private readonly bodies = new WeakMap<Article, string>();
  private readonly kept: Set<Article>;
  private readonly firstParagraphs: WeakMap<Article, string>;
  private readonly lastFirstParagraph: SiteOptions["lastFirstParagraph"];
  /** Articles whose Markdown was let go once rendered (see `SiteOptions.releaseSources`). */
  private readonly released = new WeakSet<Article>();
  private readonly releaseSources: boolean;
  private readonly memos = new Map<string, unknown>();
  /** Each kind's pages, listed once: a build goes through them several times (rendering, the sitemap, fingerprints, search indexes). */
  private readonly pageLists = new Map<PageKind, readonly Page[]>();
  private readonly latest = new WeakMap<readonly Article[], DateTime | undefined>();

  constructor(content: Content, options: SiteOptions = {}) {
    this.content = content;
    this.config = content.site;
    this.bulletin = buildBulletin(content, { related: options.related });
    this.md = createMarkdown({ allowHtml: this.config.allowHtml });
    this.images = options.images ?? new Map();
    this.shareImage = options.shareImage;
    this.releaseSources = options.releaseSources ?? false;
    this.firstParagraphs = options.firstParagraphs ?? new WeakMap();
    this.lastFirstParagraph = options.lastFirstParagraph;
    this.kept = new Set(options.keepBodies?.(this) ?? []);
  }

  get editions(): Edition[] {
    return this.bulletin.editions;
  }

  /** Drafts and scheduled stories are built too, and marked. */
  get preview(): boolean {
    return this.content.preview;
  }

  /** The build's clock, in the bulletin's time zone. */
  get now(): DateTime {
    return this.content.now;
  }

  /** The absolute URL of a site-relative one. */
  absolute(url: string): string {
    return absoluteUrl(this.config.baseUrl, url);
  }

  /** The article body as HTML, dateline leading the first paragraph; rendered once per build. */
  body(article: Article): string {
    return this.bodies.get(article) ?? this.render(article, this.releaseSources).html;
  }

  /** The first paragraph, if this build has worked it out (for the build's record). */
  knownFirstParagraph(article: Article): string | undefined {
    return this.firstParagraphs.get(article) ?? this.lastFirstParagraph?.(article);
  }

  /**
   * A live story as its page shows it: the intro (dateline leading it) and each update's
   * HTML, newest first. Rendered when asked: one page shows it.
   */
  liveParts(article: Article): { intro: string; updates: { update: LiveUpdate; html: string }[] } {
    const live = article.live;
    if (!live) return { intro: this.body(article), updates: [] };
    const lead = article.dateline ? `<span class="dateline">${escapeHtml(this.dateline(article))}</span>` : undefined;
    const intro = live.intro ? renderBody(this.md, live.intro, lead).html : "";
    const updates = [...live.updates].reverse().map((update, i, all) => ({
      update,
      // Without an intro, the dateline leads the first update filed (the last shown).
      html: renderBody(this.md, update.body, !live.intro && i === all.length - 1 ? lead : undefined).html,
    }));
    return { intro, updates };
  }

  /** A live update's text, plain, one string per paragraph, for structured data. */
  updateText(update: LiveUpdate): string[] {
    return markdownText(this.md, update.body);
  }

  /** The writer's summary, or the first paragraph as plain text. */
  summary(article: Article): string {
    return article.summary ?? this.knownFirstParagraph(article) ?? this.render(article, false).firstParagraph;
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

  /** The article's image, resized, or undefined for an article without one. */
  image(article: Article): ResponsiveImage | undefined {
    return article.image ? this.images.get(article) : undefined;
  }

  /**
   * The rendition the article page itself publishes, so social cards, feeds and structured
   * data never point at a file that was not written. JPEG: every network and reader takes it.
   */
  sharedImage(article: Article): SharedImage | undefined {
    const img = this.image(article);
    if (!img || !article.image) return undefined;
    const { alt, caption, credit } = article.image;
    return { url: this.absolute(img.largestJpeg), width: img.width, height: img.height, alt, caption, credit };
  }

  /**
   * The 16:9, 4:3 and 1:1 crops (src/images) structured data gives for the article: of its
   * photo, or of the site's share image when it has none, so that every story is eligible for
   * a large preview. Empty when no images were prepared (model-only tests).
   */
  crops(article: Article): ImageCrop[] {
    return (this.image(article) ?? this.shareImage)?.crops ?? [];
  }

  /** Every image file the site publishes below `/img/` (renditions and crops), each once. */
  *imageFiles(): Generator<{ name: string; path: string }> {
    const done = new Set<string>();
    const sets = [...this.content.articles.map((a) => this.image(a)), this.shareImage];
    for (const set of sets) {
      for (const file of set?.files ?? []) {
        if (done.has(file.name)) continue;
        done.add(file.name);
        yield file;
      }
    }
  }

  /**
   * A value worked out once per build and shared by the pages that need it (the feeds' absolute
   * bodies, say), made by `make` on first use. Kept here, with the build, rather than in a
   * module's memory, where it would outlive the build or mix two builds' values.
   */
  shared<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, make());
    return this.memos.get(key) as T;
  }

  /** Every page of the site, kind by kind (src/pages/pageTypes.ts); with `which`, of the kinds it picks. */
  *pages(which?: (type: PageType<Page>) => boolean): Generator<Page> {
    for (const kind of KINDS) {
      const type = pageTypes[kind] as unknown as PageType<Page>;
      if (which && !which(type)) continue;
      let list = this.pageLists.get(kind);
      if (!list) this.pageLists.set(kind, (list = [...type.pages(this)]));
      yield* list;
    }
  }

  /** What the page table says of `page`'s kind (its sitemap entry, alternates…). */
  pageType<P extends Page>(page: P): PageType<P> {
    return typeOf(page);
  }

  /**
   * The latest change among `articles` (src/seo/lastModified.ts), worked out once per list:
   * every page of a listing shares its list, and the sitemap asks for each.
   */
  latestChange(articles: readonly Article[]): DateTime | undefined {
    if (!this.latest.has(articles)) this.latest.set(articles, newestModification(articles));
    return this.latest.get(articles);
  }

  /**
   * The latest change of a whole paginated listing: its pages' latest changes, each worked
   * out once (the listing's pages ask for theirs too). The same as `latestChange` of all its
   * stories, first of equal ones included (its pages hold them in order, front first), at a
   * look at each story once a build instead of twice: the front pages of 22,000 people and
   * topics looking through all their stories again took 0.3 s at 100,000 articles.
   */
  listingChange(pages: readonly { items: readonly Article[] }[]): DateTime | undefined {
    return latestOf(pages.map((p) => this.latestChange(p.items)));
  }

  /** Renders the body; `release` lets the Markdown go after (its page, the one page showing it whole, has it). */
  private render(article: Article, release: boolean): RenderedBody {
    if (this.released.has(article)) {
      throw new Error(`${article.source}: its Markdown was rendered and let go, and is asked for again; keep its HTML (SiteOptions.keepBodies) or build without releaseSources`);
    }
    const lead = article.dateline ? `<span class="dateline">${escapeHtml(this.dateline(article))}</span>` : undefined;
    const done = renderBody(this.md, articleBody(article), lead);
    this.firstParagraphs.set(article, done.firstParagraph);
    if (this.kept.has(article)) this.bodies.set(article, done.html);
    if (release) {
      article.body = "";
      this.released.add(article);
    }
    return done;
  }
}
