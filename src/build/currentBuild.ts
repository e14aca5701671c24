import { DateTime } from "luxon";
import { loadContent, type LoadOptions } from "../model/loadContent.ts";
import { ContentError, hasErrors, type Problem } from "../model/problems.ts";
import { SiteBuild } from "./SiteBuild.ts";
import { timed } from "./phases.ts";
import { imageProblems } from "../images/imagePath.ts";

/**
 * The build Eleventy renders. `scripts/build.ts` prepares it before Eleventy starts (so
 * bad content stops the run before any file is written); under `eleventy --serve` the
 * config loads it on each rebuild instead.
 */
let prepared: SiteBuild | undefined;

export interface PrepareResult {
  build?: SiteBuild;
  problems: Problem[];
}

export function prepareBuild(opts: LoadOptions): PrepareResult {
  const content = timed("load and validate", () => loadContent(opts));
  const problems = [...content.problems, ...imageProblems(content.articles, opts.root)];
  if (hasErrors(problems)) return { problems };
  // This content was loaded for this build alone: each article's Markdown can go once rendered.
  prepared = timed("collections", () => new SiteBuild(content, { releaseSources: true }));
  return { build: prepared, problems };
}

/** The prepared build, or a fresh one (watch mode) that throws ContentError on bad content. */
export function currentBuild(): SiteBuild {
  if (prepared) {
    const build = prepared;
    prepared = undefined; // a later rebuild (watch mode) reads content again
    return build;
  }
  const result = prepareBuild({ root: process.cwd(), ...buildOptionsFromEnv() });
  if (!result.build) {
    // Shown by Eleventy's dev server to a writer: the problems, not where our code noticed them.
    const error = new ContentError(result.problems);
    error.stack = `${error.message}\n`;
    throw error;
  }
  prepared = undefined;
  return result.build;
}

/** `BULLETIN_PREVIEW=1` builds drafts and scheduled articles; `BULLETIN_NOW` fixes the clock. */
export function buildOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): { preview: boolean; now?: DateTime } {
  const now = env.BULLETIN_NOW ? DateTime.fromISO(env.BULLETIN_NOW, { setZone: true }) : undefined;
  if (now && !now.isValid) throw new Error(`BULLETIN_NOW="${env.BULLETIN_NOW}" is not an ISO 8601 date-time`);
  return { preview: env.BULLETIN_PREVIEW === "1" || env.BULLETIN_PREVIEW === "true", now };
}
