import { copyFile, link, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { formatProblem, type Problem } from "../model/problems.ts";
import type { LoadOptions } from "../model/loadContent.ts";
import { ContentError } from "../model/problems.ts";
import { ImageCache } from "../images/imageCache.ts";
import { SearchIndexer, type SearchIndexResult } from "../search/searchIndexer.ts";
import { cacheDir, prepareSite } from "../site/prepareSite.ts";
import type { Site } from "../site/Site.ts";
import { FolderSink, writePages } from "../site/render.ts";
import { runHosted } from "../eleventy/config.ts";
import { imageUrl, outputPath } from "../urls.ts";
import { timed, timedAsync } from "./phases.ts";
import { lockOutput, OutputLocked } from "./lock.ts";
import { discardInBackground, newGeneration, publishGeneration, sweepGenerations } from "./generations.ts";
import { DiskFullError, faultPoint, isDiskFull } from "./faults.ts";

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  pages: number;
  /** The search indexes (one per edition and year), and how many the previous build's served again. */
  search?: SearchIndexResult;
}

export interface RunBuildOptions extends LoadOptions {
  /** Where the site goes (`_site`): a link to the last complete build, replaced only when a whole build succeeds. */
  output: string;
  log?: (line: string) => void;
}

/**
 * The whole build, atomic: content is validated first, the site is written into a folder of
 * its own and `output` pointed at it only when every step succeeded (src/publish/generations.ts).
 * A failed build leaves `output` exactly as it was; one build at a time holds the output's lock.
 */
export async function runBuild(opts: RunBuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const lock = lockOutput(opts.output);
  try {
    if (lock.tookOverFrom) log(`A build that was stopped (process ${lock.tookOverFrom.pid}) left its lock; taking over.`);
    sweepGenerations(opts.output);
    const images = new ImageCache(join(cacheDir(opts.root), "img"));
    ImageCache.sweep(images.dir);
    faultPoint("locked");
    const prepared = await prepareSite({ ...opts, images, site: { releaseSources: true } });
    for (const p of prepared.problems) log(formatProblem(p));
    if (!prepared.site) return { ok: false, problems: prepared.problems, pages: 0 };
    const site = prepared.site;

    const staging = newGeneration(opts.output);
    try {
      // Pagefind indexes each article as it is rendered, in its own process: the second core
      // works while this one renders. Years that read as in the published site keep their index.
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
      faultPoint("before-publish");
      timed("swap in", () => publishGeneration(opts.output, staging));
      faultPoint("published");
      return { ok: true, problems: prepared.problems, pages, search: indexed };
    } catch (error) {
      discardInBackground(staging);
      if (isDiskFull(error) && !(error instanceof DiskFullError)) throw new DiskFullError("while writing the site", error);
      throw error;
    }
  } finally {
    lock.release();
  }
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
