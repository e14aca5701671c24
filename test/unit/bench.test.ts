import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { SizeResult } from "../../scripts/bench.ts";

// The bench's smoke run: it must keep working as the build grows, but times are not asserted
// (performance goals live in docs/performance.md, measured with `npm run bench`).
const generator = process.env.BENCH_GENERATOR ?? resolve("..", "shared", "bench", "gen-corpus.mjs");

test("npm run bench builds a 200-article corpus into a page per article plus its listings, then measures the everyday builds over it", { skip: !existsSync(generator) && "the shared corpus generator is not beside the repository" }, () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const json = join(dir, "results.json");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--sizes", "200", "--runs", "1", "--no-hugo", "--no-bare", "--no-check", "--json", json], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\| 200 \| [\d,]+ \| [\d.]+ s \|/, "the table has a row for 200 articles");
    const [result] = JSON.parse(readFileSync(json, "utf8")) as SizeResult[];
    const site = join("bench", ".work", "200", "site");
    const articlePages = (readdirSync(site, { recursive: true, encoding: "utf8" }) as string[])
      .filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f.split("\\").join("/")));
    // The site left is the last everyday build's: the 200 articles and the first story of a new week.
    assert.equal(articlePages.length, 201, "one page per article, and one for the story filed last");
    const filed = result!.incremental?.["file one story"];
    assert.ok(filed && filed.pages > 0 && filed.pages < result!.build.pages, "filing a story is measured, and renders a few pages, not all");
    assert.match(filed.said, /^1 story added: \d+ pages written/m);
    assert.match(result!.incremental?.["delete one story"]?.said ?? "", /^1 story removed: /m);
    assert.match(result!.incremental?.["change a registry entry's description"]?.said ?? "", /no story changed: \d+ pages written/m);
    assert.ok(result!.build.pages > 200, "listings, archives and feeds besides the articles");
    assert.ok(result!.build.phases["render and write"]! > 0, "the build's phases are reported");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
