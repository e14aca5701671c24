import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SiteBuild } from "../../src/build/SiteBuild.ts";
import { LISTING_TEMPLATES, SEARCHABLE_TEMPLATES, pageQueue, writeBulkPages } from "../../src/build/bulkPages.ts";
import { setActiveSearchIndexer, type SearchIndexer } from "../../src/search/searchIndexer.ts";
import { hashTree, loadFixture } from "../support/fixtureSite.ts";

/** Writes articles then listings as the build does, with a search index that is always behind (or none). */
async function writeAll(slowIndex: boolean): Promise<{ order: string[]; files: Map<string, string> }> {
  const build = new SiteBuild(loadFixture());
  const out = mkdtempSync(join(tmpdir(), "bulletin-bulk-"));
  if (slowIndex) {
    // Every searchable page keeps the index busy for a while, as Pagefind is at 10,000 articles.
    const stub = { add: (_path: string, html: string) => (html.includes("data-pagefind-body") ? new Promise((r) => setTimeout(r, 30)) : undefined) };
    setActiveSearchIndexer(stub as unknown as SearchIndexer);
  }
  try {
    const listings = pageQueue(build, LISTING_TEMPLATES);
    const first = await writeBulkPages(build, out, SEARCHABLE_TEMPLATES, { whileWaiting: listings });
    const rest = await writeBulkPages(build, out, listings);
    return { order: [...first, ...rest].map((p) => p.url), files: hashTree(out) };
  } finally {
    setActiveSearchIndexer(undefined);
    rmSync(out, { recursive: true, force: true });
  }
}

test("while the search index is behind, listing pages are written meanwhile, and the site is the same", async () => {
  const waiting = await writeAll(true);
  const plain = await writeAll(false);
  assert.deepEqual(waiting.files, plain.files, "same files, same bytes");
  assert.deepEqual([...waiting.order].sort(), [...plain.order].sort(), "every page once");
  const isArticle = (url: string) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(url);
  const lastArticle = Math.max(...waiting.order.map((url, i) => (isArticle(url) ? i : -1)));
  const firstListing = waiting.order.findIndex((url) => url.startsWith("/people/") || url.startsWith("/topics/") || url === "/");
  assert.ok(firstListing !== -1 && firstListing < lastArticle, `a listing page came before the last article: ${waiting.order.join(" ")}`);
});
