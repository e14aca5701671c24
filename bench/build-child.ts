/**
 * One full build of a bench corpus, in its own process so that its time and memory are its
 * own: `node --import tsx bench/build-child.ts <content root> <output>`. Prints one JSON line
 * (pages written, build phases, peak RSS) for scripts/bench.ts.
 */
import { readFileSync } from "node:fs";
import { buildOptionsFromEnv, runBuild } from "../src/publish/runBuild.ts";
import { phaseTimings, renderTimings } from "../src/publish/phases.ts";
import { formatProblem } from "../src/model/problems.ts";
import { limitHeapGrowth } from "../src/publish/heap.ts";

const [root, output] = process.argv.slice(2);
if (!root || !output) {
  console.error("usage: build-child.ts <content root> <output>");
  process.exit(2);
}
// As npm run build does (scripts/build.ts).
limitHeapGrowth();
const started = performance.now();
// Pagefind runs as a child process that Node never waits for, so neither /usr/bin/time nor
// resourceUsage() sees its memory: its high-water mark is read from /proc while it lives.
const childPeaks = new Map<number, number>();
// The build's processes together: Node's and Pagefind's resident sets added up, sampled.
let combinedPeakKiB = 0;
const sampler = setInterval(() => {
  combinedPeakKiB = Math.max(combinedPeakKiB, sampleChildren(childPeaks) + residentKiB(process.pid));
}, 250);
const said: string[] = [];
// The bench's fixed clock (BULLETIN_NOW), as npm run build reads it: without it the builds
// ran at the real date, and a story the bench dates after its "now" was published anyway.
const result = await runBuild({ root, output, ...buildOptionsFromEnv(), log: (line) => said.push(line) });
clearInterval(sampler);
const errors = result.problems.filter((p) => p.severity === "error");
console.log(JSON.stringify({
  ok: result.ok,
  pages: result.pages,
  said,
  ms: performance.now() - started,
  phases: phaseTimings(),
  renders: renderTimings(),
  maxRssKiB: process.resourceUsage().maxRSS,
  childMaxRssKiB: Math.max(0, ...childPeaks.values()),
  combinedPeakKiB,
  // CPU time of this process (not of Pagefind's): steadier than wall time on a busy machine.
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
  errors: errors.slice(0, 5).map(formatProblem),
}));
process.exitCode = result.ok ? 0 : 1;

/**
 * Peak resident set (VmHWM, KiB) of each child process, where /proc exists (Linux); returns
 * their resident sets now, added up.
 */
function sampleChildren(peaks: Map<number, number>): number {
  let now = 0;
  try {
    for (const pid of readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number)) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const hwm = /VmHWM:\s+(\d+)/.exec(status)?.[1];
      if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm)));
      now += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
  } catch {
    // Not Linux, or the child just ended: this sample is skipped.
  }
  return now;
}

/** Resident set now (KiB), or 0 where /proc cannot tell. */
function residentKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
