import { setFlagsFromString } from "node:v8";

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
  setFlagsFromString("--heap-growing-percent=100");
}
