/**
 * `npm run build`: validate content, build the site into _site/, incrementally when the last
 * build's record allows (src/publish/incremental.ts), atomically either way. Exits 1 with
 * `file:LINE: message` lines on bad content, and leaves _site/ untouched.
 *
 *   npm run build -- --full    build everything, whatever the last build's record says
 */
import { runBuild, buildOptionsFromEnv } from "../src/publish/runBuild.ts";
import { reportFailure } from "./reportFailure.ts";
import { limitHeapGrowth } from "../src/publish/heap.ts";
import { scheduledLine } from "../src/collections/scheduled.ts";

limitHeapGrowth();

const started = performance.now();
try {
  const result = await runBuild({ root: process.cwd(), output: "_site", ...buildOptionsFromEnv(), full: process.argv.includes("--full") });
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === "error").length;
    console.error(`\nBuild failed: ${errors} error${errors === 1 ? "" : "s"}. _site/ was left as it was.`);
    process.exitCode = 1;
  } else {
    // An incremental build has said what it did, in one line, itself.
    if (!result.incremental) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const search = result.search;
      const reused = search && search.reused > 0 ? ` (${search.reused} of ${search.indexes} search indexes unchanged, kept from the last build)` : "";
      console.log(`Built ${result.pages} pages into _site/ in ${seconds} s.${reused}`);
    }
    const scheduled = result.scheduled && scheduledLine(result.scheduled);
    if (scheduled) console.log(scheduled);
  }
} catch (error) {
  reportFailure(error);
}
