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
interface PageModule {
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

/** Renders and writes the pages of `templates` for `build` into `outputDir`; the pages written, in order. */
export async function writeBulkPages(build: SiteBuild, outputDir: string, templates: Record<string, PageModule> = BULK_TEMPLATES): Promise<BulkPage[]> {
  const written: BulkPage[] = [];
  const writing = new Set<Promise<void>>();
  const made = new Set<string>();
  let failed: { error: unknown } | undefined;
  for (const [file, page] of Object.entries(templates)) {
    const entries = entriesOf(build, page.data.pagination.data);
    let renderMs = 0;
    for (const entry of entries) {
      const data = { build, entry } as PageData<never>;
      const path = page.data.permalink(data);
      let html: string;
      try {
        const started = performance.now();
        html = await jsxToHtml(page.render(data));
        renderMs += performance.now() - started;
      } catch (error) {
        throw new Error(`${file} could not render ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      const outputPath = join(outputDir, path);
      const behind = activeSearchIndexer()?.add(outputPath, html, page.searchIndex?.(data));
      if (behind) await behind;
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
    }
    recordRenderTime(file, renderMs, entries.length);
  }
  await Promise.all(writing);
  if (failed) throw failed.error;
  return written;
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
