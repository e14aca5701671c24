import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import Eleventy from "@11ty/eleventy";
import { prepareBuild, buildOptionsFromEnv } from "./currentBuild.ts";
import { formatProblem, type Problem } from "../model/problems.ts";
import { timed, timedAsync } from "./phases.ts";
import { SearchIndexer, setActiveSearchIndexer, type SearchIndexResult } from "../search/searchIndexer.ts";
import type { LoadOptions } from "../model/loadContent.ts";

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  pages: number;
  /** The search indexes (one per edition and year), and how many the previous build's served again. */
  search?: SearchIndexResult;
}

export interface RunBuildOptions extends LoadOptions {
  /** Where the site goes; replaced only when the whole build succeeds. */
  output: string;
  log?: (line: string) => void;
}

/**
 * The whole build, atomic: content is validated first, the site is written beside the
 * old one and swapped in only when every step succeeded. A failed build leaves `output`
 * exactly as it was.
 */
export async function runBuild(opts: RunBuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const prepared = prepareBuild(opts);
  for (const p of prepared.problems) log(formatProblem(p));
  if (!prepared.build) return { ok: false, problems: prepared.problems, pages: 0 };

  const staging = `${opts.output}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const eleventy = new Eleventy(join(PROJECT_DIR, "src", "pages"), staging, {
      configPath: join(PROJECT_DIR, ".eleventy.js"),
      quietMode: true,
    });
    // Pagefind indexes each article as it is rendered (src/build/bulkPages.ts hands pages over),
    // in its own process: the second core works while this one renders. Years that read as
    // they did in the published site keep their index from there.
    const search = await SearchIndexer.open(staging, { previous: opts.output });
    setActiveSearchIndexer(search);
    let pages: number;
    let indexed: SearchIndexResult;
    try {
      const results = (await timedAsync("eleventy render and write", () => eleventy.write())) as unknown;
      pages = countWritten(results);
      indexed = await timedAsync("search index", () => search.write());
    } finally {
      setActiveSearchIndexer(undefined);
      await search.close();
    }
    timed("swap in", () => swapIn(staging, opts.output));
    return { ok: true, problems: prepared.problems, pages, search: indexed };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Where the templates and .eleventy.js live: the code's own folder, whatever `root` holds the content. */
const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));

let swaps = 0;

function swapIn(staging: string, output: string): void {
  // Named per swap: a process that builds twice (tests, the preview) must not meet the
  // folder its last build is still deleting.
  const old = `${output}.old-${process.pid}-${++swaps}`;
  if (existsSync(output)) renameSync(output, old);
  renameSync(staging, output);
  discardInBackground(old);
}

/**
 * Deletes the replaced site in a detached process: removing tens of thousands of files
 * took longer than rendering them (10 s at 10,000 articles on our CI disk), and nothing
 * waits for it: the new site is already in place.
 */
function discardInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, dir], { detached: true, stdio: "ignore" }).unref();
}

function countWritten(results: unknown): number {
  // Eleventy resolves write() to [passthroughResults, templateResults].
  if (!Array.isArray(results)) return 0;
  const templates: unknown = results[1];
  return Array.isArray(templates) ? templates.flat(Infinity).length : 0;
}

export { buildOptionsFromEnv };
