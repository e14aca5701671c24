import { join, relative, sep } from "node:path";
import * as pagefind from "pagefind";
import type { SearchIndexResult } from "./indexSite.ts";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

/**
 * The Pagefind index of one build, fed each page as Eleventy renders it rather than by
 * reading the finished site back: Pagefind indexes in its own process, on the second core,
 * while this one renders, and it never parses the listings, feeds and archives (only pages
 * with `data-pagefind-body` are sent; Pagefind would skip the rest anyway). Same index as
 * `indexSite` gives for the written folder: pages are named by their path in it.
 */
export class SearchIndexer {
  private readonly pending: Promise<{ errors: string[] }>[] = [];

  private constructor(private readonly index: PagefindIndex, private readonly outputDir: string) {}

  static async open(outputDir: string): Promise<SearchIndexer> {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`search index: ${created.errors.join("; ") || "Pagefind could not start"}`);
    return new SearchIndexer(created.index, outputDir);
  }

  /** A rendered page, written at `outputPath`; pages without `data-pagefind-body` are not searchable. */
  add(outputPath: string, html: string): void {
    if (!html.includes("data-pagefind-body")) return;
    const sourcePath = relative(this.outputDir, outputPath).split(sep).join("/");
    this.pending.push(this.index.addHTMLFile({ sourcePath, content: html }));
  }

  /** Waits for every page, then writes the index into `<outputDir>/pagefind/`. */
  async write(): Promise<SearchIndexResult> {
    const added = await Promise.all(this.pending);
    const errors = added.flatMap((a) => a.errors);
    if (errors.length > 0) throw new Error(`search index: ${errors.join("; ")}`);
    const written = await this.index.writeFiles({ outputPath: join(this.outputDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages: added.length };
  }

  async close(): Promise<void> {
    await pagefind.close();
  }
}

let active: SearchIndexer | undefined;

/** The index of the build in progress, if it indexes as it renders (`npm run build`; not the preview). */
export function activeSearchIndexer(): SearchIndexer | undefined {
  return active;
}

export function setActiveSearchIndexer(indexer: SearchIndexer | undefined): void {
  active = indexer;
}
