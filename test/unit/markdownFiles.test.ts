import { test } from "node:test";
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { listFiles } from "../../src/model/markdownFiles.mjs";
import { readAhead } from "../../src/publish/readAhead.mjs";
import { readContentCached } from "../../src/publish/contentCache.ts";
import { article, makeFixtureSite, FIXTURE_NOW } from "../support/fixtureSite.ts";

test("the article files listed on a thread of their own are those listed here, with the same stats", async () => {
  const site = makeFixtureSite({ "content/articles/2016/07/.2016-07-11-backup.md": article("title: An editor's backup\ndate: 2016-07-11T10:00:00+03:00") });
  try {
    const dir = join(site.root, "content", "articles");
    const here = listFiles(dir);
    assert.ok(here.paths.length === 3 && here.paths.every((p) => p.endsWith(".md") && !p.includes("/.")), "Markdown files only, hidden ones skipped");
    assert.deepEqual([...here.paths].sort(), here.paths, "in path order");
    assert.ok(here.stats.every((n) => n > 0), "each file stat-ed");
    const there = await readAhead(dir).listing();
    assert.deepEqual(there, here);
    assert.deepEqual(await readAhead(join(site.root, "no-such-folder")).listing(), { dir: join(site.root, "no-such-folder"), paths: [], stats: new Float64Array(0) });
  } finally {
    site.remove();
  }
});

test("a listing of another folder than the content's is not used: a build from a relative root still finds each file's record", async () => {
  const site = makeFixtureSite();
  try {
    const opts = { root: site.root, now: FIXTURE_NOW };
    const first = readContentCached(opts);
    // As the bench's builds are started, with the bulletin named relative to the working folder.
    const listed = listFiles(join(relative(process.cwd(), site.root), "content", "articles"));
    const again = readContentCached(opts, first.records, undefined, listed);
    assert.equal(again.read, 0, "no file read again");
    assert.deepEqual(again.gone, []);
    const fromThread = readContentCached(opts, first.records, undefined, await readAhead(join(site.root, "content", "articles")).listing());
    assert.equal(fromThread.read, 0);
    assert.ok(fromThread.records.every((r, i) => r === first.records[i]), "each file keeps its record");
  } finally {
    site.remove();
  }
});
