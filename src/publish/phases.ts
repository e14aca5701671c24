import { performance, type PerformanceMeasure } from "node:perf_hooks";

/**
 * Build phases as User Timing measures (`performance.getEntriesByType("measure")`), named
 * `bulletin:<phase>`, with the process's peak resident set so far at the phase's end (which
 * phase raised the peak). `npm run bench` prints them; they cost nothing when nobody reads them.
 */
export const PHASE_PREFIX = "bulletin:";

export function timed<T>(phase: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    measure(phase, start);
  }
}

export async function timedAsync<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    measure(phase, start);
  }
}

function measure(phase: string, start: number): void {
  performance.measure(PHASE_PREFIX + phase, { start, end: performance.now(), detail: { peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) } });
}

/** The phases measured so far in this process, in order: milliseconds, and the peak resident set (MiB) at the end. */
export function phaseTimings(): { phase: string; ms: number; peakMiB: number }[] {
  return performance
    .getEntriesByType("measure")
    .filter((m) => m.name.startsWith(PHASE_PREFIX))
    .map((m) => ({ phase: m.name.slice(PHASE_PREFIX.length), ms: m.duration, peakMiB: ((m as PerformanceMeasure).detail as { peakMiB: number }).peakMiB }));
}

const RENDER_PREFIX = "bulletin-render:";

/** Time spent rendering `pages` pages of one page type (not writing them), for `npm run bench`. */
export function recordRenderTime(template: string, ms: number, pages: number): void {
  performance.measure(RENDER_PREFIX + template, { start: 0, duration: ms, detail: { pages } });
}

/** The render times recorded so far, by page type. */
export function renderTimings(): { template: string; ms: number; pages: number }[] {
  return performance
    .getEntriesByType("measure")
    .filter((m) => m.name.startsWith(RENDER_PREFIX))
    .map((m) => ({ template: m.name.slice(RENDER_PREFIX.length), ms: m.duration, pages: ((m as PerformanceMeasure).detail as { pages: number }).pages }));
}

/** Forgets the measures so far: a process that builds again and again (the warm build process) would otherwise keep every build's. */
export function clearTimings(): void {
  for (const name of new Set(performance.getEntriesByType("measure").map((m) => m.name))) {
    if (name.startsWith(PHASE_PREFIX) || name.startsWith(RENDER_PREFIX)) performance.clearMeasures(name);
  }
}
