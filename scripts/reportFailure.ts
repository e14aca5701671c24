import { ContentError, formatProblem } from "../src/model/problems.ts";
import { DiskFullError } from "../src/publish/faults.ts";

/**
 * The last word of a failed command: content problems as `file:LINE: message`, anything
 * else in one line. The stack trace only with DEBUG set, for developers.
 */
export function reportFailure(error: unknown): void {
  process.exitCode = 1;
  const root = rootCause(error);
  if (root instanceof ContentError) {
    for (const p of root.problems) console.error(formatProblem(p));
    console.error("\nBuild failed. _site/ was left as it was.");
    return;
  }
  const message = root instanceof Error ? root.message : String(root);
  console.error(`Build failed: ${message}\n_site/ was left as it was.${process.env.DEBUG ? "" : " (Set DEBUG=1 for details.)"}`);
  if (process.env.DEBUG) console.error(error);
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 10 && current instanceof Error; i++) {
    // A full disk is said as such, not as the system call that found it.
    if (current instanceof ContentError || current instanceof DiskFullError) return current;
    const next = (current as Error & { originalError?: unknown }).originalError ?? current.cause;
    if (!next) break;
    current = next;
  }
  return current;
}
