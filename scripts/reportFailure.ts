import { ContentError, formatProblem } from "../src/model/problems.ts";
import { DiskFullError } from "../src/publish/faults.ts";

/**
 * The last word of a failed command: content problems as `file:LINE: message`, anything
 * else in one line. The stack trace only with DEBUG set, for developers. The caller sets the
 * exit code.
 */
export function reportFailure(error: unknown, to = { err: (line: string) => console.error(line), debug: Boolean(process.env.DEBUG) }): void {
  const { err, debug } = to;
  const root = rootCause(error);
  if (root instanceof ContentError) {
    for (const p of root.problems) err(formatProblem(p));
    err("\nBuild failed. _site/ was left as it was.");
    return;
  }
  const message = root instanceof Error ? root.message : String(root);
  err(`Build failed: ${message}\n_site/ was left as it was.${debug ? "" : " (Set DEBUG=1 for details.)"}`);
  if (debug) err(error instanceof Error && error.stack ? error.stack : String(error));
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
