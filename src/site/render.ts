import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Site } from "./Site.ts";
import type { SearchIndexer } from "../search/searchIndexer.ts";
import { typeOf, type Page, type PageKind } from "../pages/pageTypes.ts";
import { jsxToHtml } from "./jsxToHtml.ts";
import { outputPath } from "../urls.ts";
import { recordRenderTime } from "../publish/phases.ts";
import { faultPoint } from "../publish/faults.ts";

/**
 * The one renderer: pages of the page table (src/pages/pageTypes.ts) to text, for
 * `npm run build` (src/publish) and for the preview (src/preview) alike. A page is rendered,
 * handed to the search index when it is searchable, written, and let go: nothing holds the
 * whole site in memory (Eleventy's pagination, which did, passed 4 GiB at 100,000 articles).
 */

/** Where rendered pages go: a folder, or the preview's folder that skips unchanged pages. */
export interface PageSink {
  /** Writes `text` at `path` (below the output, `/` separators); may start the write and return before it ends. */
  put(path: string, text: string): Promise<unknown>;
  /** Waits for every write started. */
  settle(): Promise<void>;
}

/** A page's text: HTML for JSX layouts, or what a text page (feed, sitemap) returns. */
export async function renderPage(page: Page, site: Site): Promise<string> {
  const out: unknown = await typeOf(page).render(page, site);
  if (typeof out === "string") return out;
  return jsxToHtml(out);
}

export interface WriteOptions {
  /** The search index of this build: searchable pages are handed to it as they are rendered. */
  search?: SearchIndexer;
  /**
   * Pages to render while the search index has fallen behind (they wait for nothing),
   * instead of waiting for it; whatever is left of them is rendered after `pages`.
   */
  whileWaiting?: Iterator<Page>;
}

/** Times of rendering (not writing) by page kind, for `npm run bench`. */
class RenderTimes {
  private readonly byKind = new Map<PageKind, { ms: number; pages: number }>();
  add(kind: PageKind, ms: number): void {
    const t = this.byKind.get(kind) ?? { ms: 0, pages: 0 };
    t.ms += ms;
    t.pages++;
    this.byKind.set(kind, t);
  }
  record(): void {
    for (const [kind, t] of this.byKind) recordRenderTime(kind, t.ms, t.pages);
  }
}

/**
 * Renders and writes `pages` (then what is left of `whileWaiting`) into `sink`; the number
 * of pages written. Searchable pages must come first: the search index is written while the
 * rest renders (it took as long as all the rendering at 10,000 articles), and whenever it
 * falls behind, pages from `whileWaiting` fill the wait.
 */
export async function writePages(site: Site, pages: Iterable<Page>, sink: PageSink, opts: WriteOptions = {}): Promise<number> {
  const times = new RenderTimes();
  let written = 0;
  const one = async (page: Page): Promise<{ behind?: Promise<unknown> }> => {
    const path = outputPath(page.url);
    const started = performance.now();
    let text: string;
    try {
      text = await renderPage(page, site);
    } catch (error) {
      throw new Error(`${page.kind} page ${page.url} could not be rendered: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    times.add(page.kind, performance.now() - started);
    const index = typeOf(page).searchIndex?.(page, site);
    const behind = opts.search?.add(path, text, index);
    await sink.put(path, text);
    if (++written === 1) faultPoint("first-page-written");
    return { behind };
  };
  try {
    for (const page of pages) {
      const { behind } = await one(page);
      if (!behind) continue;
      // The search index, the slower of the two, has fallen behind: render pages that wait for nothing meanwhile.
      let caughtUp = false;
      behind.then(() => (caughtUp = true), () => (caughtUp = true));
      while (!caughtUp && opts.whileWaiting) {
        const filler = opts.whileWaiting.next();
        if (filler.done) break;
        const also = await one(filler.value);
        if (also.behind) await also.behind;
        // Lets the search index's replies in.
        await new Promise((resume) => setImmediate(resume));
      }
      await behind;
    }
    opts.search?.seal();
    if (opts.whileWaiting) for (let next = opts.whileWaiting.next(); !next.done; next = opts.whileWaiting.next()) await one(next.value);
    await sink.settle();
  } catch (error) {
    // Writes already started must end before the caller deletes the folder they write into.
    await sink.settle().catch(() => undefined);
    throw error;
  } finally {
    times.record();
  }
  return written;
}

/** Enough writes in flight to keep the disk busy, few enough that pages do not pile up in memory. */
const MAX_WRITES_IN_FLIGHT = 64;

/** Pages written into a folder, on libuv's threads while the next page renders. */
export class FolderSink implements PageSink {
  private readonly writing = new Set<Promise<void>>();
  private readonly made = new Set<string>();
  private failed: { error: unknown } | undefined;

  constructor(readonly dir: string) {}

  async put(path: string, text: string): Promise<void> {
    this.throwIfFailed();
    const write: Promise<void> = this.write(join(this.dir, path), text)
      .catch((error: unknown) => void (this.failed ??= { error }))
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
    if (this.writing.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.writing);
    this.throwIfFailed();
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.writing]);
    this.throwIfFailed();
  }

  private async write(file: string, text: string): Promise<void> {
    const folder = dirname(file);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    await writeFile(file, text);
  }

  private throwIfFailed(): void {
    if (this.failed) throw this.failed.error;
  }
}
