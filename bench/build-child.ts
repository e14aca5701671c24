/**
 * One full build of a bench corpus, in its own process so that its time and memory are its
 * own: `node --import tsx bench/build-child.ts <content root> <output>`. Prints one JSON line
 * (pages written, build phases, peak RSS) for scripts/bench.ts.
 */
import { runBuild } from "../src/build/runBuild.ts";
import { phaseTimings } from "../src/build/phases.ts";
import { formatProblem } from "../src/model/problems.ts";

const [root, output] = process.argv.slice(2);
if (!root || !output) {
  console.error("usage: build-child.ts <content root> <output>");
  process.exit(2);
}
const started = performance.now();
const result = await runBuild({ root, output, log: () => {} });
const errors = result.problems.filter((p) => p.severity === "error");
console.log(JSON.stringify({
  ok: result.ok,
  pages: result.pages,
  ms: performance.now() - started,
  phases: phaseTimings(),
  maxRssKiB: process.resourceUsage().maxRSS,
  // CPU time of this process (not of Pagefind's): steadier than wall time on a busy machine.
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  errors: errors.slice(0, 5).map(formatProblem),
}));
process.exitCode = result.ok ? 0 : 1;
