import { createHash, type Hash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

export interface SearchIndexResult {
  /** Pages in the search indexes: those with `data-pagefind-body`, the articles. */
  pages: number;
  /** Indexes written: one per edition and year (`/pagefind/en/2016/`). */
  indexes: number;
  /** Of those, how many were taken unchanged from the previous build. */
  reused: number;
}

export interface SearchIndexerOptions {
  /**
   * The site the last build published (`_site/`): a year whose articles read exactly as
   * they did then keeps its index from there instead of being indexed again.
   */
  previous?: string;
}

/**
 * Beside each index, what it was made from: a digest of Pagefind's version and of every
 * page sent to it (path and searchable HTML, in order). Equal digests, equal index.
 */
const STAMP = "bulletin-index.json";
const PAGEFIND_VERSION = pagefindVersion();

/** The installed Pagefind's version (its package.json is not among the package's exports). */
function pagefindVersion(): string {
  const main = fileURLToPath(import.meta.resolve("pagefind"));
  const pkg = JSON.parse(readFileSync(join(dirname(main), "..", "package.json"), "utf8")) as { name?: string; version?: string };
  if (pkg.name !== "pagefind" || !pkg.version) throw new Error(`search index: cannot tell Pagefind's version from ${main}`);
  return pkg.version;
}

interface Stamp {
  digest: string;
  pages: number;
}

/** One index being filled: the pages of one edition and year. */
interface OpenIndex {
  url: string;
  digest: Hash;
  pages: number;
  /** The previous build's index of the same year, if it has one: pages are held back until the year is complete. */
  previous?: Stamp;
  held: { sourcePath: string; content: string }[];
  /** Started once pages go to Pagefind. */
  index?: Promise<PagefindIndex>;
  pending: Promise<{ errors: string[] }>[];
}

/**
 * The search indexes of one build, fed each page as it is rendered rather than by reading
 * the finished site back: Pagefind indexes in its own process, on the second core, while
 * this one renders, and it never parses the listings, feeds and archives (only pages with
 * `data-pagefind-body` are sent).
 *
 * One index per edition and year (`searchIndexUrl` in src/urls.ts), because Pagefind holds
 * an index in memory until it is written: one index of 10,000 articles took 1.8 GiB,
 * 100,000 took 14 GiB. Articles come newest first, one edition after the other, so when the
 * first page of another year arrives the year before is complete: it is written and let go
 * before the next is begun. Memory is that of one year (or part of one: src/search/indexPlan.ts),
 * whatever the size of the archive; the search page queries the indexes together.
 *
 * Years also make rebuilds cheap: a bulletin's past years rarely change, and Pagefind,
 * which cannot add to an index, took as long as all the rendering. A year whose pages
 * digest the same as in the previous build gets that build's files (hard-linked) instead.
 * Only years the previous build indexed are held back to compare; the rest stream to
 * Pagefind as they render.
 */
export class SearchIndexer {
  private current?: OpenIndex;
  /** Indexes complete and written (or being written), by URL. */
  private readonly written = new Map<string, Promise<{ pages: number; reused: boolean }>>();
  /** Pages sent and not yet indexed, oldest first, with their length; see `add`. */
  private readonly inFlight: { added: Promise<unknown>; chars: number; done: boolean }[] = [];
  private inFlightChars = 0;
  /** Set once no searchable page is to come. */
  private sealed = false;
  /**
   * The index last finished, until it is written: the next one starts after it, so that
   * Pagefind holds one index at a time (it works on one core either way).
   */
  private lastWritten: Promise<unknown> = Promise.resolve();

  private constructor(private readonly outputDir: string, private readonly options: SearchIndexerOptions) {}

  static async open(outputDir: string, options: SearchIndexerOptions = {}): Promise<SearchIndexer> {
    return new SearchIndexer(outputDir, options);
  }

  /**
   * A rendered page, written at `path` (below the output folder, `/` separators), for the
   * index at `indexUrl`; pages without `data-pagefind-body` are not searchable. Returns a
   * Promise when Pagefind has fallen behind, for the caller to wait on: unbounded, the pages
   * queued for it would hold gigabytes at 100,000 articles.
   */
  add(path: string, html: string, indexUrl?: string): Promise<unknown> | undefined {
    const content = searchablePart(html);
    if (!content) return undefined;
    if (this.sealed) {
      throw new Error(`search index: ${path} is searchable (data-pagefind-body) but was rendered after the index was written; searchable pages render first (src/site/render.ts)`);
    }
    if (!indexUrl) {
      throw new Error(`search index: ${path} is searchable (data-pagefind-body) but its page type names no index (give it a searchIndex, as src/pages/article.tsx does)`);
    }
    const open = this.indexFor(indexUrl, path);
    const sourcePath = path;
    open.digest.update(`${sourcePath}\0${withoutIgnored(content)}\0`);
    open.pages++;
    if (open.previous) {
      open.held.push({ sourcePath, content });
      return undefined;
    }
    const added = this.send(open, sourcePath, content);
    const sent = { added, chars: content.length, done: false };
    this.inFlight.push(sent);
    this.inFlightChars += sent.chars;
    const settled = () => {
      sent.done = true;
      this.inFlightChars -= sent.chars;
    };
    added.then(settled, settled);
    while (this.inFlight[0]?.done) this.inFlight.shift();
    if (this.inFlightChars < MAX_IN_FLIGHT_CHARS) return undefined;
    return this.inFlight.shift()?.added;
  }

  /**
   * No searchable page is to come: Pagefind writes the last index now, in its own process,
   * while the listings, feeds and archives render. A searchable page added after this is an error.
   */
  seal(): void {
    this.sealed = true;
    if (this.current) this.finish(this.current);
    this.current = undefined;
  }

  /** Waits for every page and every index to be written into `<outputDir>/pagefind/`. */
  async write(): Promise<SearchIndexResult> {
    this.seal();
    const done = await Promise.all(this.written.values());
    return {
      pages: done.reduce((sum, d) => sum + d.pages, 0),
      indexes: done.length,
      reused: done.filter((d) => d.reused).length,
    };
  }

  async close(): Promise<void> {
    await pagefind.close();
  }

  private indexFor(url: string, outputPath: string): OpenIndex {
    if (this.current?.url === url) return this.current;
    if (this.written.has(url)) {
      throw new Error(`search index: ${outputPath} belongs in ${url}, which is already written; searchable pages must come grouped by index (newest first, one edition after the other)`);
    }
    if (this.current) this.finish(this.current);
    const digest = createHash("sha256").update(`pagefind ${PAGEFIND_VERSION}\0`);
    this.current = { url, digest, pages: 0, previous: this.previousStamp(url), held: [], pending: [] };
    return this.current;
  }

  private send(open: OpenIndex, sourcePath: string, content: string): Promise<{ errors: string[] }> {
    open.index ??= this.lastWritten.then(() => pagefind.createIndex({})).then((created) => {
      if (!created.index) throw new Error(`search index: ${created.errors.join("; ") || "Pagefind could not start"}`);
      return created.index;
    });
    const added = open.index.then((index) => index.addHTMLFile({ sourcePath, content }));
    open.pending.push(added);
    return added;
  }

  private finish(open: OpenIndex): void {
    const done = this.complete(open);
    // Awaited by `write`; until then a failure must not count as unhandled.
    this.lastWritten = done.catch(() => undefined);
    this.written.set(open.url, done);
  }

  private async complete(open: OpenIndex): Promise<{ pages: number; reused: boolean }> {
    const digest = open.digest.digest("hex");
    const dir = this.dirOf(this.outputDir, open.url);
    if (open.previous?.digest === digest) {
      linkTree(this.dirOf(this.options.previous!, open.url), dir);
      return { pages: open.pages, reused: true };
    }
    for (const page of open.held) this.send(open, page.sourcePath, page.content);
    open.held = [];
    if (!open.index) return { pages: 0, reused: false };
    const index = await open.index;
    const added = await Promise.all(open.pending);
    const errors = added.flatMap((a) => a.errors);
    if (errors.length > 0) throw new Error(`search index: ${errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`search index ${open.url}: ${written.errors.join("; ")}`);
    await index.deleteIndex();
    writeFileSync(join(dir, STAMP), JSON.stringify({ digest, pages: open.pages } satisfies Stamp));
    return { pages: open.pages, reused: false };
  }

  private previousStamp(url: string): Stamp | undefined {
    if (!this.options.previous) return undefined;
    try {
      const stamp = JSON.parse(readFileSync(join(this.dirOf(this.options.previous, url), STAMP), "utf8")) as Partial<Stamp>;
      return typeof stamp.digest === "string" && typeof stamp.pages === "number" ? { digest: stamp.digest, pages: stamp.pages } : undefined;
    } catch {
      // No index of this year last time (or no last time): this year streams to Pagefind.
      return undefined;
    }
  }

  private dirOf(site: string, url: string): string {
    return join(site, ...url.split("/").filter(Boolean));
  }
}

/**
 * `from` recreated at `to` with hard links: instant, and safe, since the previous site is
 * only ever moved aside and deleted, never written into. Copies where links cannot be made.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/**
 * How much searchable text may wait for Pagefind (about 400 articles): while Pagefind, the
 * slower of the two, is this far behind, `writeBulkPages` renders listing pages instead of
 * waiting, so a longer queue buys no time; and every page waiting is held in memory twice
 * (the text, and Pagefind's message for it). At 100,000 articles, Node peaked at 2.9 GiB
 * with 2 million characters, 3.2 GiB with 10 million, 3.0 GiB with 40 million and no listings
 * rendered meanwhile.
 */
const MAX_IN_FLIGHT_CHARS = 2_000_000;

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

/**
 * What decides a page's part of its search index: `searchablePart` without the elements
 * Pagefind ignores (`data-pagefind-ignore`) that hold nothing else for it (no filter, meta,
 * sort key or weight: no other `data-pagefind-` attribute). A correction's note, a photo's
 * caption and the dates shown are such elements: adding a correction to a story from a year
 * before re-indexed that year (3.8–4.4 s of a 5.3 s build at 10,000 articles) though its
 * index came out the same. Pagefind itself is sent the whole part. The digest of every index
 * is taken the same way: about 8 µs a page over `searchablePart` (0.08 s of a full build at
 * 10,000 articles).
 */
export function searchKey(html: string): string | undefined {
  const part = searchablePart(html);
  return part === undefined ? undefined : withoutIgnored(part);
}

function withoutIgnored(part: string): string {
  let out = "";
  let from = 0;
  const ignored = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>/gi;
  for (let m = ignored.exec(part); m; m = ignored.exec(part)) {
    const end = closingTagEnd(part, m.index, m[1]!.toLowerCase());
    if (end === -1) break;
    // Kept when Pagefind reads anything in it (a filter's value is its element's text).
    if (/data-pagefind-(?!ignore\b)/i.test(part.slice(m.index, end))) continue;
    out += part.slice(from, m.index);
    from = end;
    ignored.lastIndex = end;
  }
  return out + part.slice(from);
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
