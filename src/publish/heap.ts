import { setFlagsFromString } from "node:v8";

/** The growth a command set (`limitHeapGrowth`), in percent; undefined where V8's own applies (tests, the preview). */
let limit: number | undefined;

/**
 * Lets V8's heap grow to at most twice what was live after its last full collection (its
 * default allows four times). A build allocates gigabytes of short-lived page text over a
 * live set that stays small (about 170 MB at 10,000 articles), so by default Node's resident
 * set ends near four times that: 740–790 MiB. Twice keeps it at 550–580 MiB for the same CPU
 * time; 1.5 times saved a little more memory for 10% more CPU (docs/performance.md).
 * Process-wide, so it is called by the commands that build (scripts/build.ts and the
 * bench's child), not by the code they share with tests and the preview.
 */
export function limitHeapGrowth(): void {
  limit = 100;
  setFlagsFromString(`--heap-growing-percent=${limit}`);
}

/**
 * Lifts that limit while a build reads the last build's record and builds on it, where a
 * command set one; returns what puts it back. Such a build is the other way round: what it
 * reads all stays (at 100,000 articles, 300 MB of records and 600 MB once the articles are
 * made from them) and it renders a few pages. Growing by at most twice on the way, V8
 * collected the whole heap seven times (0.4–0.6 s of a 5 s build); with up to five times,
 * six, and filing a story took 0.3 s less, Node's peak 60–100 MB more (1.03–1.10 GB).
 */
export function growHeapFreely(): () => void {
  const was = limit;
  if (was === undefined) return () => {};
  setFlagsFromString("--heap-growing-percent=400");
  return () => setFlagsFromString(`--heap-growing-percent=${was}`);
}
