import { cpSync, existsSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Article } from "../model/types.ts";
import { ContentError, formatProblem, hasErrors, sortProblems, type Problem } from "../model/problems.ts";
import type { ImageCache } from "../images/imageCache.ts";
import { Site } from "../site/Site.ts";
import { prepareImages, prepareShareImage } from "../site/prepareSite.ts";
import { renderPage } from "../site/render.ts";
import { pageFingerprints, type Fingerprints } from "../site/fingerprints.ts";
import type { Page, PageKind } from "../pages/pageTypes.ts";
import { articlesInFeeds } from "../feeds/feedModel.ts";
import { imageUrl, outputPath } from "../urls.ts";
import { currentGeneration, newGeneration, publishGeneration } from "../publish/generations.ts";
import type { LiveContent } from "./LiveContent.ts";
import { SiteOutput } from "./SiteOutput.ts";
import { PACKAGE_ASSETS } from "../i18n/fonts.ts";

/** What the preview has just written: whole site, the saved article, pages near it, the rest, a stylesheet or script. */
export type WritePhase = "site" | "article" | "nearby" | "rest" | "asset";

export interface PreviewSiteOptions {
  /** The folder served (`.preview/`, a link to the last whole build, as `_site` is). */
  output: string;
  /** Copied to `<output>/assets/` (as Eleventy's passthrough copy does for `npm run build`). */
  assets: string;
  images: ImageCache;
  log(line: string): void;
  /** Pages written or removed (paths below `output`): the browser may reload. */
  written(paths: string[], phase: WritePhase): void;
  /**
   * The errors that keep the preview from being brought up to date, as `file:LINE: message`:
   * told after every attempt, an empty list once the content builds again (open pages show them).
   */
  problems?(lines: string[]): void;
}

/** How long a pass over the changed pages renders before letting a newer save in. */
const SLICE_MS = 8;

/** The kinds a reader looks at next after a save, written right after the article itself. */
const NEARBY: ReadonlySet<PageKind> = new Set(["home", "tag", "day", "month", "year", "tagIndex", "corrections"]);

/**
 * The preview's site: the whole of it rendered once into `.preview/`, then, after each saved
 * article, the pages whose inputs changed (src/site/fingerprints.ts, from what each page type
 * `reads`), in order: the article's page first (with its translations), then the listings
 * and archives, then the rest in the background. A newer save stops that work at the next
 * page and starts over, so the saved article is always the next page rendered. The pages come
 * from the same page table and renderer as `npm run build` (src/pages, src/site/render.ts).
 */
export class PreviewSite {
  private site?: Site;
  private output?: SiteOutput;
  /** What each written page was rendered from. */
  private fingerprints?: Fingerprints;
  /** Bumped by every save: stops the work of older saves. */
  private generation = 0;
  private readonly pending = new Set<string>();
  private running?: Promise<void>;
  /** First paragraphs, kept across builds: an article not edited is the same object in every build (see LiveContent). */
  private readonly firstParagraphs = new WeakMap<Article, string>();

  constructor(
    private readonly content: LiveContent,
    private readonly opts: PreviewSiteOptions,
  ) {}

  /** The first build; later saves queue behind it. */
  start(): Promise<void> {
    return this.serialised(() => this.buildAll());
  }

  /** Article files saved, added or removed (full paths). */
  changed(paths: readonly string[]): void {
    for (const path of paths) this.pending.add(path);
    this.generation++;
    void this.serialised(async () => {
      if (this.pending.size === 0) return;
      const batch = [...this.pending];
      this.pending.clear();
      await this.applyChanges(batch);
    });
  }

  /** A file of layouts/assets saved or removed: copied alone, no page changes. */
  assetChanged(path: string): void {
    void this.serialised(async () => {
      const rel = relative(this.opts.assets, path);
      const to = join(this.opts.output, "assets", rel);
      if (existsSync(path)) cpSync(path, to);
      else rmSync(to, { force: true });
      this.opts.written([["assets", ...rel.split(sep)].join("/")], "asset");
    });
  }

  /** Runs `work` after whatever is running; reports instead of throwing, so the preview keeps serving. */
  private serialised(work: () => Promise<void>): Promise<void> {
    const run = (this.running ?? Promise.resolve()).then(work).catch((error: unknown) => this.report(error));
    this.running = run;
    return run;
  }

  /** The Site of the content as it is now, or undefined (problems printed) when it has errors. */
  private async prepare(extraProblems: Problem[] = []): Promise<Site | undefined> {
    const content = this.content.content();
    const problems = [...extraProblems, ...content.problems];
    const images = hasErrors(problems) ? undefined : await prepareImages(content, this.content.root, this.opts.images, problems);
    if (this.printProblems(problems) || !images) return undefined;
    const shareImage = await prepareShareImage(this.opts.images);
    return new Site(content, { images, shareImage, keepBodies: articlesInFeeds, firstParagraphs: this.firstParagraphs });
  }

  /** Renders every page into a new folder and points the output at it; nothing is written when content has errors. */
  private async buildAll(): Promise<void> {
    const started = performance.now();
    const site = await this.prepare();
    if (!site) return;
    const staging = newGeneration(this.opts.output);
    const output = new SiteOutput(staging);
    try {
      if (existsSync(this.opts.assets)) cpSync(this.opts.assets, join(staging, "assets"), { recursive: true });
      for (const asset of PACKAGE_ASSETS) cpSync(asset.from, join(staging, asset.to));
      for (const page of site.pages()) await output.put(outputPath(page.url), await renderPage(page, site));
      await copyImages(site, output);
      await output.settle();
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    publishGeneration(this.opts.output, staging);
    this.generation++;
    this.output = output;
    this.site = site;
    this.fingerprints = pageFingerprints(site);
    const pages = output.paths().length;
    this.opts.log(`Preview: ${pages.toLocaleString("en")} pages written in ${seconds(started)}${site.preview ? " (drafts and scheduled stories included, marked)" : ""}.`);
    this.opts.written([], "site");
  }

  private async applyChanges(paths: string[]): Promise<void> {
    const generation = this.generation;
    const started = performance.now();
    const change = this.content.update(paths);
    const files = paths.map((p) => relative(this.content.root, p).split(sep).join("/")).join(", ");
    const ownWarnings = this.content.problemsOf(paths).filter((p) => p.severity === "warning");
    const old = this.site;
    if (!old || !this.output || !this.fingerprints || currentGeneration(this.opts.output) !== this.output.dir) return this.buildAll();
    const site = await this.prepare(ownWarnings);
    if (!site) return;
    const output = this.output;
    this.site = site;
    await output.settle();

    // 1. The saved articles and their translations (whose language links point at them), before anything else is worked out.
    const first = new Set<string>();
    for (const article of change.after) {
      first.add(article.url);
      for (const other of site.bulletin.translationsOf(article)) first.add(other.url);
    }
    // A translation the story no longer names, as it is in the new build.
    for (const article of change.before) for (const other of old.bulletin.translationsOf(article)) first.add(other.url);
    const articlePages = new Map<string, Page>();
    for (const page of site.pages((type) => type.searchIndex !== undefined)) if (first.has(page.url)) articlePages.set(page.url, page);
    const written: string[] = [];
    for (const page of articlePages.values()) if (await output.put(outputPath(page.url), await renderPage(page, site))) written.push(outputPath(page.url));
    const live = new Set(site.content.articles.map((a) => a.url));
    for (const article of change.before) {
      const path = outputPath(article.url);
      if (!live.has(article.url) && (await output.remove(path))) written.push(path);
    }
    await output.settle();
    this.opts.written(written, "article");
    this.opts.log(`${files}: ${change.after.length ? `${change.after.map((a) => a.url).join(" ")} updated` : "removed"} in ${millis(started)}`);

    // 2. Every other page whose inputs changed: listings and archives first, then the rest.
    const before = this.fingerprints;
    const now = pageFingerprints(site);
    this.fingerprints = now;
    const stale: Page[] = [];
    for (const [path, entry] of now) if (before.get(path)?.fingerprint !== entry.fingerprint && !articlePages.has(entry.page.url)) stale.push(entry.page);
    const removed = [...before.keys()].filter((path) => !now.has(path));
    const nearby = stale.filter((p) => NEARBY.has(p.kind));
    const rest = stale.filter((p) => !NEARBY.has(p.kind));
    const nearWritten = await this.renderPages(site, output, nearby, generation);
    for (const path of removed) if (await output.remove(path)) nearWritten.push(path);
    await output.settle();
    if (generation !== this.generation) return this.forget(stale);
    if (nearWritten.length > 0) this.opts.written(nearWritten, "nearby");
    this.opts.log(`  listings and archives: ${nearWritten.length} pages updated in ${millis(started)}`);

    // 3. Everything else, in the background: a newer save goes first.
    void this.finish(site, output, rest, generation, started).catch((error: unknown) => this.report(error));
  }

  private async finish(site: Site, output: SiteOutput, pages: Page[], generation: number, started: number): Promise<void> {
    const written = await this.renderPages(site, output, pages, generation);
    await copyImages(site, output);
    await output.settle();
    if (generation !== this.generation) return this.forget(pages);
    if (written.length > 0) this.opts.written(written, "rest");
    this.opts.log(`  rest of the site checked in ${seconds(started)}: ${written.length} more pages changed`);
  }

  /** Renders `pages`, yielding now and then; stops when a newer save arrives. The paths written. */
  private async renderPages(site: Site, output: SiteOutput, pages: Page[], generation: number): Promise<string[]> {
    const written: string[] = [];
    let slice = performance.now();
    for (const page of pages) {
      if (performance.now() - slice > SLICE_MS) {
        await nextTurn();
        slice = performance.now();
      }
      if (generation !== this.generation) break;
      const path = outputPath(page.url);
      if (await output.put(path, await renderPage(page, site))) written.push(path);
    }
    return written;
  }

  /** Pages a newer save interrupted: forgotten, so that the next comparison renders them whatever they read. */
  private forget(pages: Page[]): void {
    for (const page of pages) this.fingerprints?.delete(outputPath(page.url));
  }

  /** Prints problems, errors and warnings alike, and tells the errors; true when there are errors (nothing is written then). */
  private printProblems(problems: readonly Problem[]): boolean {
    const sorted = sortProblems(problems);
    for (const p of sorted) this.opts.log(formatProblem(p));
    this.opts.problems?.(sorted.filter((p) => p.severity === "error").map(formatProblem));
    if (!hasErrors(problems)) return false;
    const count = problems.filter((p) => p.severity === "error").length;
    this.opts.log(`Preview: ${count === 1 ? "1 problem" : `${count} problems`} to fix; the preview keeps showing the last good pages until then.`);
    return true;
  }

  private report(error: unknown): void {
    if (error instanceof ContentError) {
      for (const p of error.problems) this.opts.log(formatProblem(p));
      this.opts.log("Preview: the preview keeps showing the last good pages until this is fixed.");
      this.opts.problems?.(error.problems.filter((p) => p.severity === "error").map(formatProblem));
    } else {
      this.opts.log(`Preview: a page could not be rendered; the last good pages are still served.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.opts.problems?.([`Preview: a page could not be rendered (${error instanceof Error ? error.message : String(error)}); the last good pages are still served. The terminal has the details.`]);
    }
  }
}

/** The site's image renditions and crops into the preview's `/img/` (written once each: SiteOutput skips unchanged files). */
async function copyImages(site: Site, output: SiteOutput): Promise<void> {
  for (const file of site.imageFiles()) await output.copy(outputPath(imageUrl(file.name)), file.path);
}

function millis(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
