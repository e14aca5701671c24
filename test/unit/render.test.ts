import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Site } from "../../src/site/Site.ts";
import { FolderSink, writePages, type PageSink } from "../../src/site/render.ts";
import type { SearchIndexer } from "../../src/search/searchIndexer.ts";
import { hashTree, loadFixture } from "../support/fixtureSite.ts";

/** Writes searchable pages then the rest, as the build does, with a search index that is always behind (or none). */
async function writeAll(slowIndex: boolean): Promise<{ order: string[]; files: Map<string, string> }> {
  const site = new Site(loadFixture());
  const out = mkdtempSync(join(tmpdir(), "bulletin-render-"));
  // Every searchable page keeps the index busy for a while, as Pagefind is at 10,000 articles.
  const search = slowIndex
    ? ({ add: (_path: string, html: string) => (html.includes("data-pagefind-body") ? new Promise((r) => setTimeout(r, 30)) : undefined), seal: () => {} } as unknown as SearchIndexer)
    : undefined;
  const order: string[] = [];
  const folder = new FolderSink(out);
  const sink: PageSink = { put: (path, text) => (order.push(path), folder.put(path, text)), settle: () => folder.settle() };
  try {
    await writePages(site, site.pages((t) => t.searchIndex !== undefined), sink, { search, whileWaiting: site.pages((t) => t.searchIndex === undefined) });
    return { order, files: hashTree(out) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test("while the search index is behind, other pages are written meanwhile, and the site is the same", async () => {
  const waiting = await writeAll(true);
  const plain = await writeAll(false);
  assert.deepEqual(waiting.files, plain.files, "same files, same bytes");
  assert.deepEqual([...waiting.order].sort(), [...plain.order].sort(), "every page once");
  const isArticle = (path: string) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path);
  const lastArticle = Math.max(...waiting.order.map((path, i) => (isArticle(path) ? i : -1)));
  const firstOther = waiting.order.findIndex((path) => !isArticle(path));
  assert.ok(firstOther !== -1 && firstOther < lastArticle, `another page came before the last article: ${waiting.order.join(" ")}`);
});

test("every page of the site is written once, at the file of its URL", async () => {
  const { files } = await writeAll(false);
  for (const path of ["index.html", "2016/07/15/talks-after-midnight/index.html", "people/vladimir-putin/index.html", "people/vladimir-putin/feed.xml", "topics/index.html", "2016/index.html", "2016/07/index.html", "2016/07/15/index.html", "corrections/index.html", "search/index.html", "404.html", "feed.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt"]) {
    assert.ok(files.has(path), `${path} is written`);
  }
});
