import { runBuild, buildOptionsFromEnv } from "../src/publish/runBuild.ts";
import type { BuildMemory } from "../src/publish/buildMemory.ts";
import { scheduledLine } from "../src/collections/scheduled.ts";
import { reportFailure } from "./reportFailure.ts";

export interface BuildRequest {
  /** The bulletin's folder (the build writes its `_site` there). */
  root: string;
  /** The command's arguments: `--full` is the only one. */
  args: readonly string[];
  /** The build's environment: BULLETIN_NOW and BULLETIN_PREVIEW (`buildOptionsFromEnv`), DEBUG. */
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  memory?: BuildMemory;
}

/**
 * `npm run build` as the writer sees it: the build, what it did (or every problem, and that
 * `_site/` was left as it was), the scheduled stories waiting. Returns the exit code. Shared
 * by scripts/build.ts and the warm build process (src/publish/warmServer.ts), which sends the
 * lines to the `npm run build` that asked for it.
 */
export async function buildAndReport(request: BuildRequest): Promise<number> {
  const { out, err } = request;
  const started = performance.now();
  try {
    const result = await runBuild({
      root: request.root,
      output: "_site",
      ...buildOptionsFromEnv(request.env),
      full: request.args.includes("--full"),
      log: out,
      memory: request.memory,
    });
    if (!result.ok) {
      const errors = result.problems.filter((p) => p.severity === "error").length;
      err(`\nBuild failed: ${errors} error${errors === 1 ? "" : "s"}. _site/ was left as it was.`);
      return 1;
    }
    // An incremental build has said what it did, in one line, itself.
    if (!result.incremental) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const search = result.search;
      const reused = search && search.reused > 0 ? ` (${search.reused} of ${search.indexes} search indexes unchanged, kept from the last build)` : "";
      out(`Built ${result.pages} pages into _site/ in ${seconds} s.${reused}`);
    }
    const scheduled = result.scheduled && scheduledLine(result.scheduled);
    if (scheduled) out(scheduled);
    return 0;
  } catch (error) {
    reportFailure(error, { err, debug: Boolean(request.env.DEBUG) });
    return 1;
  }
}
