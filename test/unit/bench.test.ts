import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../support/fixtureSite.ts";
import type { SizeResult } from "../../scripts/bench.ts";

// The bench's smoke run: it must keep working as the build grows, but times are not asserted
// (performance goals live in docs/performance.md, measured with `npm run bench`).

/** `npm run bench -- ARGS` in `cwd` (the repository unless given), with BENCH_GENERATOR as given (unset when undefined). */
function bench(args: string[], opts: { generator?: string; cwd?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.BENCH_GENERATOR;
  if (opts.generator !== undefined) env.BENCH_GENERATOR = opts.generator;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", ...args], { encoding: "utf8", env, cwd: opts.cwd });
}

test("npm run bench makes its corpus from a plain clone, with the project's own bench/gen-corpus.mjs; BENCH_GENERATOR names another", () => {
  // A clone with nothing beside it: no ../shared/ to borrow a generator from.
  const clone = join(mkdtempSync(join(tmpdir(), "bench-clone-")), "bulletin");
  try {
    for (const path of ["scripts", "bench/gen-corpus.mjs", "content/site.yaml", "package.json", "tsconfig.json"]) cpSync(join(PROJECT_ROOT, path), join(clone, path), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(clone, "node_modules"));
    const run = bench(["--prepare", "--sizes", "37", "--no-hugo"], { cwd: clone });
    assert.equal(run.status, 0, run.stderr);
    const corpus = join(clone, "bench", ".work", "37");
    const articles = (readdirSync(join(corpus, "content", "articles"), { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".md"));
    assert.equal(articles.length, 37);
    const own = createHash("sha256").update(readFileSync(join(clone, "bench", "gen-corpus.mjs"))).digest("hex").slice(0, 16);
    assert.equal((JSON.parse(readFileSync(join(corpus, "corpus.json"), "utf8")) as { generator: string }).generator, own, "made by bench/gen-corpus.mjs");

    const elsewhere = bench(["--prepare", "--sizes", "37", "--no-hugo"], { cwd: clone, generator: "/nonexistent/gen-corpus.mjs" });
    assert.equal(elsewhere.status, 1);
    assert.match(elsewhere.stderr, /corpus generator not found at \/nonexistent\/gen-corpus\.mjs/);
  } finally {
    rmSync(dirname(clone), { recursive: true, force: true });
  }
});

test("npm run bench builds a 200-article corpus into a page per article plus its listings, then measures the everyday builds over it, by themselves and handed to the warm build process", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const json = join(dir, "results.json");
    const run = bench(["--sizes", "200", "--runs", "1", "--no-hugo", "--no-bare", "--no-check", "--json", json], { generator: process.env.BENCH_GENERATOR });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\| 200 \| [\d,]+ \| [\d.]+ s \|/, "the table has a row for 200 articles");
    const [result] = JSON.parse(readFileSync(json, "utf8")) as SizeResult[];
    const site = join("bench", ".work", "200", "_site");
    const articlePages = (readdirSync(site, { recursive: true, encoding: "utf8" }) as string[])
      .filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f.split("\\").join("/")));
    // The site left is the last everyday build's: the 200 articles and the first story of a new week.
    assert.equal(articlePages.length, 201, "one page per article, and one for the story filed last");
    const filed = result!.incremental?.["file one story"];
    assert.ok(filed && filed.pages > 0 && filed.pages < result!.build.pages, "filing a story is measured, and renders a few pages, not all");
    assert.match(filed.said, /^1 story added: \d+ pages written/m);
    assert.match(result!.incremental?.["delete one story"]?.said ?? "", /^1 story removed: /m);
    assert.match(result!.incremental?.["change a registry entry's description"]?.said ?? "", /no story changed: \d+ pages written/m);
    // A correction to an older story: its note alone leaves the search index as it was; its text corrected re-indexes it.
    assert.match(result!.incremental?.["add a correction's note to a story from a year before"]?.said ?? "", /^1 story changed: \d+ pages written, 0 removed, [\d,]+ pages unchanged/m);
    assert.match(result!.incremental?.["correct the text of a story from a year before"]?.said ?? "", /^1 story changed: \d+ pages written, 0 removed, search index en\/\S+ re-indexed/m);
    // The same builds handed to `npm run warm` (the bench fails if the warm build process does not take one).
    assert.match(result!.warm?.["file one story"]?.said ?? "", /^1 story added: \d+ pages written/m);
    assert.match(result!.warm?.["file the first story of a new week"]?.said ?? "", /^1 story added: /m);
    assert.ok(result!.build.pages > 200, "listings, archives and feeds besides the articles");
    assert.ok(result!.build.phases["render and write"]! > 0, "the build's phases are reported");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
