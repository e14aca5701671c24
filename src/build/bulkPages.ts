import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SiteBuild } from "./SiteBuild.ts";
import type { PageData } from "../pages/pageData.ts";
import { jsxToHtml } from "../eleventy/jsxToHtml.ts";
import { activeSearchIndexer } from "../search/searchIndexer.ts";
import { recordRenderTime } from "./phases.ts";
import * as articlePages from "../pages/article.11ty.tsx";
import * as tagPages from "../pages/tag.11ty.tsx";
import * as homePages from "../pages/home.11ty.tsx";
import * as dayPages from "../pages/archive.11ty.tsx";

/**
 * The page types that come by the thousand (one per article, per listing page, per day) are
 * written here, from the same page modules in src/pages, rather than paginated by Eleventy:
 * Eleventy clones a whole Template, with its data, for every paginated page, and keeps every
 * page's HTML until the build ends. At 100,000 articles that passed 4 GiB before the first
 * page was written. Here a page is rendered, handed to the search index, written, and let go;
 * writes run on libuv's threads while the next page renders. Eleventy still renders every
 * other page (feeds, sitemaps, indexes, month and year archives); src/eleventy/config.ts
 * calls this before Eleventy starts (articles) and after it is done (listings), for
 * `npm run build` and the `npm start` preview alike.
 */
export interface PageModule {
  data: { pagination: { data: string }; permalink: (data: PageData<never>) => string };
  render: (data: PageData<never>) => unknown;
  /** For searchable pages: the URL of the search index the page goes in. */
  searchIndex?: (data: PageData<never>) => string;
}

/**
 * Written first, before Eleventy's own pages: the only pages Pagefind indexes. Once they are
 * sent, Pagefind writes its index while everything else renders (the index took as long as
 * all the rendering at 10,000 articles), so no page type with `data-pagefind-body` may be
 * left out of this list (the indexer refuses one that comes later).
 */
export const SEARCHABLE_TEMPLATES: Record<string, PageModule> = {
  "article.11ty.tsx": articlePages as unknown as PageModule,
};

/** Written after Eleventy's own pages. */
export const LISTING_TEMPLATES: Record<string, PageModule> = {
  "tag.11ty.tsx": tagPages as unknown as PageModule,
  "home.11ty.tsx": homePages as unknown as PageModule,
  "archive.11ty.tsx": dayPages as unknown as PageModule,
};

/** File names in src/pages that Eleventy is told to ignore, with their modules. */
export const BULK_TEMPLATES: Record<string, PageModule> = { ...SEARCHABLE_TEMPLATES, ...LISTING_TEMPLATES };

/** Enough writes in flight to keep the disk busy, few enough that pages do not pile up in memory. */
const MAX_WRITES_IN_FLIGHT = 64;

export interface BulkPage {
  url: string;
  outputPath: string;
  inputPath: string;
}

/** One page to render: its page type, and the entry it renders. */
export interface QueuedPage {
  file: string;
  page: PageModule;
  entry: unknown;
  /** Shared by the pages of one type: their render time is recorded once all are done. */
  ofType: { ms: number; done: number; total: number };
}

/** The pages of `templates`, in order, taken one at a time (by `writeBulkPages`, possibly in two goes). */
export function pageQueue(build: SiteBuild, templates: Record<string, PageModule>): Iterator<QueuedPage> {
  return (function* () {
    for (const [file, page] of Object.entries(templates)) {
      const entries = entriesOf(build, page.data.pagination.data);
      const ofType = { ms: 0, done: 0, total: entries.length };
      if (entries.length === 0) recordRenderTime(file, 0, 0);
      for (const entry of entries) yield { file, page, entry, ofType };
    }
  })();
}

export interface WriteOptions {
  /**
   * Pages to render while the search index has fallen behind (listings: they wait for
   * nothing), instead of waiting for it; whatever is left of them stays in the queue.
   */
  whileWaiting?: Iterator<QueuedPage>;
}

/**
 * Renders and writes the pages of `pages` (page types, or a queue from `pageQueue`) for
 * `build` into `outputDir`; the pages written, in order, with those taken from `whileWaiting`.
 */
export async function writeBulkPages(build: SiteBuild, outputDir: string, pages: Record<string, PageModule> | Iterator<QueuedPage> = BULK_TEMPLATES, opts: WriteOptions = {}): Promise<BulkPage[]> {
  const queue = isQueue(pages) ? pages : pageQueue(build, pages);
  const written: BulkPage[] = [];
  const writing = new Set<Promise<void>>();
  const made = new Set<string>();
  let failed: { error: unknown } | undefined;

  /** Renders one page, hands it to the search index and starts writing it; returns the index's Promise if it is behind. */
  const renderOne = async ({ file, page, entry, ofType }: QueuedPage): Promise<{ behind?: Promise<unknown> }> => {
    const data = { build, entry } as PageData<never>;
    const path = page.data.permalink(data);
    let html: string;
    try {
      const started = performance.now();
      html = await jsxToHtml(page.render(data));
      ofType.ms += performance.now() - started;
    } catch (error) {
      throw new Error(`${file} could not render ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (++ofType.done === ofType.total) recordRenderTime(file, ofType.ms, ofType.total);
    const outputPath = join(outputDir, path);
    const behind = activeSearchIndexer()?.add(outputPath, html, page.searchIndex?.(data));
    const write: Promise<void> = writeOut(outputPath, html, made)
      .catch((error: unknown) => void (failed ??= { error }))
      .finally(() => writing.delete(write));
    writing.add(write);
    if (writing.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(writing);
    if (failed) {
      await Promise.allSettled(writing);
      throw failed.error;
    }
    written.push({ url: path.replace(/^\/?/, "/").replace(/index\.html$/, ""), outputPath, inputPath: `./src/pages/${file}` });
    return { behind };
  };

  for (let next = queue.next(); !next.done; next = queue.next()) {
    const { behind } = await renderOne(next.value);
    if (!behind) continue;
    // Pagefind, the slower, has fallen behind: render pages that wait for nothing meanwhile.
    let caughtUp = false;
    behind.then(() => (caughtUp = true), () => (caughtUp = true));
    while (!caughtUp && opts.whileWaiting) {
      const filler = opts.whileWaiting.next();
      if (filler.done) break;
      const also = await renderOne(filler.value);
      if (also.behind) await also.behind;
      // Lets Pagefind's replies in.
      await new Promise((resume) => setImmediate(resume));
    }
    await behind;
  }
  await Promise.all(writing);
  if (failed) throw failed.error;
  return written;
}

function isQueue(pages: Record<string, PageModule> | Iterator<QueuedPage>): pages is Iterator<QueuedPage> {
  return typeof (pages as Iterator<QueuedPage>).next === "function";
}

async function writeOut(outputPath: string, html: string, made: Set<string>): Promise<void> {
  const dir = dirname(outputPath);
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  await writeFile(outputPath, html);
}

/** `build.pages.article` → the entries, as Eleventy's pagination would have read them. */
function entriesOf(build: SiteBuild, dataPath: string): unknown[] {
  const name = dataPath.replace(/^build\.pages\./, "") as keyof SiteBuild["pages"];
  const entries: unknown = build.pages[name];
  if (!Array.isArray(entries)) throw new Error(`bulk pages: ${dataPath} is not a list of pages`);
  return entries;
}
