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
  /** Pages sent and not yet indexed, oldest first; see `add`. */
  private readonly inFlight: Promise<unknown>[] = [];
  /** Set once no searchable page is to come: Pagefind is writing its files. */
  private written?: Promise<SearchIndexResult>;

  private constructor(private readonly index: PagefindIndex, private readonly outputDir: string) {}

  static async open(outputDir: string): Promise<SearchIndexer> {
    const created = await pagefind.createIndex({});
    if (!created.index) throw new Error(`search index: ${created.errors.join("; ") || "Pagefind could not start"}`);
    return new SearchIndexer(created.index, outputDir);
  }

  /**
   * A rendered page, written at `outputPath`; pages without `data-pagefind-body` are not
   * searchable. Returns a Promise when Pagefind has fallen behind, for the caller to wait
   * on: unbounded, the pages queued for it held gigabytes at 10,000 articles.
   */
  add(outputPath: string, html: string): Promise<unknown> | undefined {
    const content = searchablePart(html);
    if (!content) return undefined;
    if (this.written) {
      throw new Error(`search index: ${outputPath} is searchable (data-pagefind-body) but was rendered after the index was written; searchable page types go in SEARCHABLE_TEMPLATES (src/build/bulkPages.ts)`);
    }
    const sourcePath = relative(this.outputDir, outputPath).split(sep).join("/");
    const added = this.index.addHTMLFile({ sourcePath, content });
    this.pending.push(added);
    this.inFlight.push(added);
    if (this.inFlight.length < MAX_IN_FLIGHT) return undefined;
    return this.inFlight.shift();
  }

  /**
   * No searchable page is to come: Pagefind writes its files now, in its own process, while
   * the listings, feeds and archives render. A searchable page added after this is an error.
   */
  seal(): void {
    if (this.written) return;
    this.written = this.writeIndex();
    // Awaited by `write`; until then a failure must not count as unhandled.
    this.written.catch(() => undefined);
  }

  /** Waits for every page and writes the index into `<outputDir>/pagefind/`, if `seal` has not already. */
  async write(): Promise<SearchIndexResult> {
    this.seal();
    return this.written!;
  }

  private async writeIndex(): Promise<SearchIndexResult> {
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

const MAX_IN_FLIGHT = 200;

/**
 * What Pagefind reads of a page: `<html lang>` (the index's language) and the element
 * marked `data-pagefind-body` (text, title from its h1, filters, sort keys all sit inside
 * it). Sending only that halves what goes down the pipe to Pagefind. Undefined for a page
 * without it; the whole page when its end cannot be found.
 */
export function searchablePart(html: string): string | undefined {
  const marker = html.indexOf("data-pagefind-body");
  if (marker === -1) return undefined;
  const start = html.lastIndexOf("<", marker);
  const htmlTag = /<html\b[^>]*>/i.exec(html);
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1]?.toLowerCase();
  if (!htmlTag || !tag) return html;
  const end = closingTagEnd(html, start, tag);
  if (end === -1) return html;
  return `<!doctype html>\n${htmlTag[0]}<body>${html.slice(start, end)}</body></html>`;
}

/** The index just past the tag that closes the `tag` element opened at `start`, counting nested ones. */
function closingTagEnd(html: string, start: number, tag: string): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return -1;
}

let active: SearchIndexer | undefined;

/** The index of the build in progress, if it indexes as it renders (`npm run build`; not the preview). */
export function activeSearchIndexer(): SearchIndexer | undefined {
  return active;
}

export function setActiveSearchIndexer(indexer: SearchIndexer | undefined): void {
  active = indexer;
}
