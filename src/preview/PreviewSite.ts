import { cpSync, existsSync, renameSync, rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { join, relative, sep } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";
import { ContentError, formatProblem, hasErrors, sortProblems, type Problem } from "../model/problems.ts";
import { setImageOutputRoot } from "../images/responsiveImage.ts";
import { outputPath } from "../urls.ts";
import type { LiveContent } from "./LiveContent.ts";
import { PageTable, type Template } from "./PageTable.ts";
import { PreviewBuild } from "./PreviewBuild.ts";
import { SiteOutput } from "./SiteOutput.ts";
import { nearbyUrls } from "./nearbyUrls.ts";

/** What the preview has just written: whole site, the saved article, pages near it, the rest, a stylesheet or script. */
export type WritePhase = "site" | "article" | "nearby" | "rest" | "asset";

export interface PreviewSiteOptions {
  /** The folder served (`.preview/`). */
  output: string;
  /** Copied to `<output>/assets/` (Eleventy's passthrough copy of layouts/assets). */
  assets: string;
  log(line: string): void;
  /** Pages written or removed (paths below `output`): the browser may reload. */
  written(paths: string[], phase: WritePhase): void;
}

/** How long a pass over the whole site renders before letting a newer save in. */
const SLICE_MS = 8;

/**
 * The preview's site: the whole of it rendered once into `.preview/`, then, after each
 * saved article, the article's page first (with its translations), then the listings,
 * archives and neighbours near it, then a pass over every page in the background that
 * writes only the pages whose text changed. A newer save stops that pass at the next page
 * and starts over; so the saved article is always the next page rendered.
 */
export class PreviewSite {
  private build?: SiteBuild;
  private output?: SiteOutput;
  /** Bumped by every save: stops the work of older saves. */
  private generation = 0;
  private readonly pending = new Set<string>();
  private running?: Promise<void>;

  constructor(
    private readonly content: LiveContent,
    private readonly templates: readonly Template[],
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

  /** Renders every page into a folder beside the output and swaps it in; nothing is written when content has errors. */
  private async buildAll(): Promise<void> {
    const started = performance.now();
    const content = this.content.content();
    if (this.printProblems(content.problems)) return;
    const build = new PreviewBuild(content);
    const staging = `${this.opts.output}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    const output = new SiteOutput(staging);
    setImageOutputRoot(staging);
    try {
      if (existsSync(this.opts.assets)) cpSync(this.opts.assets, join(staging, "assets"), { recursive: true });
      for (const page of new PageTable(build, this.templates).all()) await output.put(page.outputPath, await page.render());
      await output.settle();
    } catch (error) {
      setImageOutputRoot(this.opts.output);
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    swapIn(staging, this.opts.output);
    output.movedTo(this.opts.output);
    setImageOutputRoot(this.opts.output);
    this.generation++;
    this.output = output;
    this.build = build;
    const pages = output.paths().length;
    this.opts.log(`Preview: ${pages.toLocaleString("en")} pages written in ${seconds(started)}${content.preview ? " (drafts and scheduled stories included, marked)" : ""}.`);
    this.opts.written([], "site");
  }

  private async applyChanges(paths: string[]): Promise<void> {
    const generation = this.generation;
    const started = performance.now();
    const change = this.content.update(paths);
    const content = this.content.content();
    const files = paths.map((p) => relative(this.content.root, p).split(sep).join("/")).join(", ");
    const ownWarnings = this.content.problemsOf(paths).filter((p) => p.severity === "warning");
    if (this.printProblems([...ownWarnings, ...content.problems.filter((p) => p.severity === "error")])) return;
    const old = this.build;
    if (!old || !this.output) return this.buildAll();
    const output = this.output;
    const build = new PreviewBuild(content);
    const table = new PageTable(build, this.templates);
    this.build = build;
    await output.settle();

    // 1. The saved articles and their translations (whose language links point at them).
    const first = new Set<Article>();
    for (const article of change.after) {
      first.add(article);
      for (const other of build.bulletin.translationsOf(article)) first.add(other);
    }
    // A translation the story no longer names, as it is in the new build.
    const bySource = new Map(content.articles.map((a) => [a.source, a]));
    for (const article of change.before) {
      for (const other of old.bulletin.translationsOf(article)) {
        const now = bySource.get(other.source);
        if (now) first.add(now);
      }
    }
    const written: string[] = [];
    for (const article of first) {
      const page = table.articlePage(article);
      if (page && (await output.put(page.outputPath, await page.render()))) written.push(page.outputPath);
    }
    const live = new Set(content.articles.map((a) => a.url));
    for (const article of change.before) {
      if (live.has(article.url)) continue;
      const path = outputPath(article.url).replace(/^\//, "");
      await output.remove(path);
      written.push(path);
    }
    await output.settle();
    this.opts.written(written, "article");
    const pages = change.after.map((a) => a.url).join(" ");
    this.opts.log(`${files}: ${pages ? `${pages} updated` : "removed"} in ${millis(started)}`);

    // 2. Listings, archives, neighbours and feeds that show them.
    const firstUrls = new Set([...first].map((a) => a.url));
    const near = new Set([...nearbyUrls(old, change.before), ...nearbyUrls(build, change.after)].filter((u) => !firstUrls.has(u)));
    const nearWritten = await this.renderUrls(table, output, near, generation);
    await output.settle();
    if (generation !== this.generation) return;
    if (nearWritten.length > 0) this.opts.written(nearWritten, "nearby");
    this.opts.log(`  listings and archives near it: ${nearWritten.length} pages updated in ${millis(started)}`);

    // 3. Everything else, in the background: a newer save goes first.
    void this.sweep(table, output, generation, new Set([...firstUrls, ...near].map((u) => outputPath(u).replace(/^\//, ""))));
  }

  /** Renders the pages at `urls` that exist in `table`; the paths written. */
  private async renderUrls(table: PageTable, output: SiteOutput, urls: Iterable<string>, generation?: number): Promise<string[]> {
    const written: string[] = [];
    for (const url of urls) {
      if (generation !== undefined && generation !== this.generation) break;
      const page = table.find(outputPath(url));
      if (page && (await output.put(page.outputPath, await page.render()))) written.push(page.outputPath);
    }
    return written;
  }

  /** Every page rendered again, only changed ones written; pages that no longer exist removed. */
  private async sweep(table: PageTable, output: SiteOutput, generation: number, done: Set<string>): Promise<void> {
    const started = performance.now();
    const written: string[] = [];
    const seen = new Set<string>();
    let slice = performance.now();
    try {
      for (const page of table.all()) {
        if (performance.now() - slice > SLICE_MS) {
          await nextTurn();
          slice = performance.now();
        }
        if (generation !== this.generation) return;
        seen.add(page.outputPath);
        if (done.has(page.outputPath)) continue;
        if (await output.put(page.outputPath, await page.render())) written.push(page.outputPath);
      }
      for (const path of output.paths()) {
        if (seen.has(path)) continue;
        await output.remove(path);
        written.push(path);
      }
      await output.settle();
    } catch (error) {
      if (generation === this.generation) this.report(error);
      return;
    }
    if (written.length > 0) this.opts.written(written, "rest");
    this.opts.log(`  rest of the site checked in ${seconds(started)}: ${written.length} more pages changed`);
  }

  /** Prints problems, errors and warnings alike; true when there are errors (nothing is written then). */
  private printProblems(problems: readonly Problem[]): boolean {
    for (const p of sortProblems(problems)) this.opts.log(formatProblem(p));
    if (!hasErrors(problems)) return false;
    const count = problems.filter((p) => p.severity === "error").length;
    this.opts.log(`Preview: ${count === 1 ? "1 problem" : `${count} problems`} to fix; the preview keeps showing the last good pages until then.`);
    return true;
  }

  private report(error: unknown): void {
    if (error instanceof ContentError) {
      for (const p of error.problems) this.opts.log(formatProblem(p));
      this.opts.log("Preview: the preview keeps showing the last good pages until this is fixed.");
    } else {
      this.opts.log(`Preview: a page could not be rendered; the last good pages are still served.\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
}

function swapIn(staging: string, output: string): void {
  const old = `${output}.old-${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  if (existsSync(output)) renameSync(output, old);
  renameSync(staging, output);
  if (!existsSync(old)) return;
  // Deleting ten thousand files takes seconds; the new pages are already in place, so nobody waits.
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, old], { detached: true, stdio: "ignore" }).unref();
}

function millis(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
