import { performance } from "node:perf_hooks";

/**
 * Build phases as User Timing measures (`performance.getEntriesByType("measure")`), named
 * `bulletin:<phase>`. `npm run bench` prints them; they cost nothing when nobody reads them.
 */
export const PHASE_PREFIX = "bulletin:";

export function timed<T>(phase: string, run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(PHASE_PREFIX + phase, { start, end: performance.now() });
  }
}

export async function timedAsync<T>(phase: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    performance.measure(PHASE_PREFIX + phase, { start, end: performance.now() });
  }
}

/** The phases measured so far in this process, in order, in milliseconds. */
export function phaseTimings(): { phase: string; ms: number }[] {
  return performance
    .getEntriesByType("measure")
    .filter((m) => m.name.startsWith(PHASE_PREFIX))
    .map((m) => ({ phase: m.name.slice(PHASE_PREFIX.length), ms: m.duration }));
}
