import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { DateTime } from "luxon";
import { formatProblem, hasErrors, type Problem } from "../model/problems.ts";
import type { LoadOptions } from "../model/loadContent.ts";
import type { ListedFiles } from "../model/markdownFiles.mjs";
import { readAhead } from "./readAhead.mjs";
import { growHeapFreely } from "./heap.ts";
import { ContentError } from "../model/problems.ts";
import { ImageCache } from "../images/imageCache.ts";
import { SearchIndexer, type SearchIndexResult } from "../search/searchIndexer.ts";
import { cacheDir, prepareImages, prepareShareImage, prepareSite } from "../site/prepareSite.ts";
import { Site } from "../site/Site.ts";
import { pageTable } from "../site/fingerprints.ts";
import { imageProblems } from "../images/imagePath.ts";
import { articlesInFeeds } from "../feeds/feedModel.ts";
import { FolderSink, writePages } from "../site/render.ts";
import { runHosted } from "../eleventy/config.ts";
import { imageUrl, outputPath } from "../urls.ts";
import { timed, timedAsync } from "./phases.ts";
import { lockOutput, OutputLocked } from "./lock.ts";
import { currentGeneration, discardInBackground, newGeneration, publishGeneration, sweepGenerations } from "./generations.ts";
import { codeDigest, loadState, saveJson, saveState, statePath, STATE_FORMAT, type BuildKey, type BuildState, type PartsReader } from "./buildState.ts";
import { readContentCached } from "./contentCache.ts";
import type { BuildMemory } from "./buildMemory.ts";
import { sharedReads } from "../site/changes.ts";
import { changeListPath, finishedRecords, incrementalBuild, searchIndexes } from "./incremental.ts";
import { filesBelow, finishInterrupted } from "./applyChanges.ts";
import { DiskFullError, faultPoint, isDiskFull } from "./faults.ts";
import { scheduledStories, type ScheduledStories } from "../collections/scheduled.ts";

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  /** Pages rendered. */
  pages: number;
  /** The search indexes (one per edition and year), and how many the previous build's served again. */
  search?: SearchIndexResult;
  /** An incremental build: files written into the site, and removed from it. */
  incremental?: { written: number; removed: number };
  /** A full build: why the previous build's record could not be used. */
  full?: string;
  /** Stories dated after the build's clock, for the summary (src/collections/scheduled.ts). */
  scheduled?: ScheduledStories;
}

export interface RunBuildOptions extends LoadOptions {
  /** Where the site goes (`_site`): a link to the last complete build, replaced only when a whole build succeeds. */
  output: string;
  log?: (line: string) => void;
  /** Build everything, whatever the record of the last build says. */
  full?: boolean;
  /** Where a process that builds again and again keeps the record and the articles between builds (the warm build process). */
  memory?: BuildMemory;
}

/**
 * `npm run build`. Incremental when the record of the last build vouches for the published
 * site (src/publish/incremental.ts); otherwise a full build, announced in one line with the
 * reason, atomic: content is validated first, the site is written into a folder of its own
 * and `output` pointed at it only when every step succeeded (src/publish/generations.ts).
 * Either way a failed build leaves `output` exactly as it was, and one build at a time holds
 * the output's lock.
 */
export async function runBuild(opts: RunBuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const lock = lockOutput(opts.output);
  let ahead: ReturnType<typeof readAhead> | undefined;
  try {
    if (lock.tookOverFrom) log(`A build that was stopped (process ${lock.tookOverFrom.pid}) left its lock; taking over.`);
    const cache = cacheDir(opts.root);
    const path = statePath(cache, opts.output);
    // The record's parts are read and the article files listed and stat-ed on another thread
    // while this one parses the record (src/publish/readAhead.mjs). With no record to read, or
    // one kept in memory, there is nothing to overlap: the thread only adds its start (30–40 ms
    // at 10,000 articles: 66–78 ms listed here, 103–107 ms there).
    ahead = opts.memory || opts.full || !existsSync(path) ? undefined : readAhead(join(resolve(opts.root), "content", "articles"));
    const generation = currentGeneration(opts.output);
    if (generation && finishInterrupted(generation)) log("The last build was stopped while it changed the site; what it had begun is finished.");
    sweepGenerations(opts.output);
    const images = new ImageCache(join(cache, "img"));
    ImageCache.sweep(images.dir);
    faultPoint("locked");
    const key = buildKey(opts);
    const heapBack = ahead ? growHeapFreely() : () => {};
    const previous = opts.full ? { why: "asked for" } : await timedAsync("last build's record", () => usableState(path, key, generation, opts.memory, ahead?.parts));
    const listing = ahead?.listing() ?? Promise.resolve(undefined);
    if ("state" in previous) {
      try {
        return await incrementalBuild({ opts: { ...opts, log }, state: previous.state, statePath: path, key, images, generation: generation!, log, started, listing });
      } finally {
        heapBack();
      }
    }
    heapBack();
    log(`Full build: ${previous.why}.`);
    const result = await fullBuild(opts, images, log, { path, key }, listing);
    return { ...result, full: previous.why };
  } catch (error) {
    if (isDiskFull(error) && !(error instanceof DiskFullError)) throw new DiskFullError("while writing the site", error);
    throw error;
  } finally {
    ahead?.close();
    lock.release();
  }
}

/** Everything built again, into a new folder swapped in whole; the record for the next build written. */
async function fullBuild(opts: RunBuildOptions, images: ImageCache, log: (line: string) => void, record: { path: string; key: BuildKey }, listing: Promise<ListedFiles | undefined>): Promise<BuildResult> {
  // This build lets each article's Markdown go once rendered: none of its articles can be kept for the next.
  opts.memory?.content.forget();
  const listed = await timedAsync("list files", () => listing);
  const read = timed("load and validate", () => readContentCached(opts, [], undefined, listed));
  const { content } = read;
  const problems: Problem[] = [...content.problems, ...imageProblems(content.articles, opts.root)];
  const resized = hasErrors(problems) ? undefined : await timedAsync("images", () => prepareImages(content, opts.root, images, problems));
  for (const p of problems) log(formatProblem(p));
  if (!resized || hasErrors(problems)) return { ok: false, problems, pages: 0 };
  const shareImage = await timedAsync("share image", () => prepareShareImage(images));
  // This content was loaded for this build alone: each article's Markdown can go once rendered.
  const site = timed("collections", () => new Site(content, { images: resized, shareImage, keepBodies: articlesInFeeds, releaseSources: true }));

  const staging = newGeneration(opts.output);
  try {
    // Pagefind indexes each article as it is rendered, in its own process: the second core
    // works while this one renders. Indexes that read as in the published site keep their files.
    const search = await SearchIndexer.open(staging, { previous: opts.output });
    let pages = 0;
    let indexed: SearchIndexResult;
    try {
      await timedAsync("render and write", () => runHosted(staging, async (dir) => {
        pages = await writeSite(site, dir, search);
      }));
      indexed = await timedAsync("search index", () => search.write());
    } finally {
      await search.close();
    }
    const { table } = timed("fingerprints", () => pageTable(site));
    const state: BuildState = {
      key: record.key,
      generation: staging,
      articles: finishedRecords(read, site),
      pages: table,
      searchIndexes: Object.fromEntries([...searchIndexes(site)].map(([url, index]) => [url, index.digest])),
      shared: sharedReads(site),
    };
    faultPoint("before-publish");
    timed("swap in", () => publishGeneration(opts.output, staging));
    faultPoint("published");
    // After the swap: a record of a site that is not the published one is never used (`usableState`).
    const parts = timed("record", () => saveState(record.path, state, content.site.timeZone));
    opts.memory?.remember(record.path, { ...state, parts });
    saveJson(changeListPath(opts.output), { full: true, written: filesBelow(staging), removed: [] });
    return { ok: true, problems, pages, search: indexed, scheduled: scheduledStories(content) };
  } catch (error) {
    discardInBackground(staging);
    throw error;
  }
}

/** What the build's output depends on besides content: the code, Node, the settings and the build's options. */
function buildKey(opts: RunBuildOptions): BuildKey {
  let settings: string;
  try {
    settings = readFileSync(join(opts.root, "content", "site.yaml"), "utf8");
  } catch {
    settings = "";
  }
  const options = JSON.stringify({ preview: opts.preview ?? false, languages: (opts.languages ?? []).map((l) => l.lang) });
  return {
    format: STATE_FORMAT,
    code: codeDigest(),
    node: process.version,
    settings: createHash("sha256").update(settings).update("\0").update(options).digest("hex"),
  };
}

/** The record of the last build, if it can vouch for the published site; otherwise why not. */
async function usableState(path: string, key: BuildKey, generation: string | undefined, memory?: BuildMemory, readParts?: PartsReader): Promise<{ state: BuildState } | { why: string }> {
  if (!generation) return { why: "there is no published site to build on" };
  const kept = memory?.recall(path);
  const loaded = kept ? { state: kept } : await loadState(path, readParts);
  if ("why" in loaded) return loaded;
  const { state } = loaded;
  if (state.key.code !== key.code) return { why: "the code or its dependencies changed" };
  if (state.key.node !== key.node) return { why: `Node changed (${state.key.node} to ${key.node})` };
  if (state.key.settings !== key.settings) return { why: "content/site.yaml or the build's options changed" };
  if (state.key.format !== key.format) return { why: "the record of the previous build comes from another version" };
  if (state.generation !== generation) return { why: "the published site is not the one the record describes" };
  return { state };
}

/** Every page and image of `site` into `dir`; searchable pages first, handed to `search`. The number of pages. */
async function writeSite(site: Site, dir: string, search?: SearchIndexer): Promise<number> {
  const sink = new FolderSink(dir);
  const pages = await writePages(site, site.pages((type) => type.searchIndex !== undefined), sink, {
    search,
    whileWaiting: site.pages((type) => type.searchIndex === undefined),
  });
  faultPoint("pages-written");
  await copyImages(site, dir);
  return pages;
}

/** The renditions and crops of the site's images, from the cache into its `/img/`: hard links where the disk allows. */
async function copyImages(site: Site, dir: string): Promise<void> {
  let first = true;
  for (const file of site.imageFiles()) {
    const target = join(dir, outputPath(imageUrl(file.name)));
    if (first) await mkdir(dirname(target), { recursive: true });
    first = false;
    // A link shares the cache's verified bytes; nothing ever writes into either.
    await link(file.path, target).catch(() => copyFile(file.path, target));
  }
}

/**
 * The bulletin written into `dir` in place, without the lock and the swap: what
 * `npx @11ty/eleventy` does (.eleventy.js). Bad content throws ContentError.
 */
export async function writeSiteInto(dir: string, opts: LoadOptions): Promise<void> {
  const images = new ImageCache(join(cacheDir(opts.root), "img"));
  const prepared = await prepareSite({ ...buildOptionsFromEnv(), ...opts, images });
  if (!prepared.site) throw new ContentError(prepared.problems);
  await writeSite(prepared.site, dir);
}

/** `BULLETIN_PREVIEW=1` builds drafts and scheduled articles; `BULLETIN_NOW` fixes the clock. */
export function buildOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { preview: boolean; now?: DateTime } {
  const now = env.BULLETIN_NOW ? DateTime.fromISO(env.BULLETIN_NOW, { setZone: true }) : undefined;
  if (now && !now.isValid) throw new Error(`BULLETIN_NOW="${env.BULLETIN_NOW}" is not an ISO 8601 date-time`);
  return { preview: env.BULLETIN_PREVIEW === "1" || env.BULLETIN_PREVIEW === "true", now };
}

export { OutputLocked };
