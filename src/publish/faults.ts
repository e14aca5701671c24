/**
 * Faults the build must survive: a full disk, and being killed at any moment. A full disk is
 * reported as a full disk (it was once blamed on the article whose image was being saved);
 * kills are rehearsed by the tests through `faultPoint`.
 */

/** The disk (or the user's quota) is full: nothing is wrong with the content. */
export class DiskFullError extends Error {
  constructor(what: string, cause: unknown) {
    super(`the disk is full (${what}): free some space and build again; the published site was left as it was`, { cause });
    this.name = "DiskFullError";
  }
}

export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOSPC" || code === "EDQUOT" || (error instanceof Error && /ENOSPC|no space left/i.test(error.message));
}

/**
 * A named moment of the build where tests make it fail: with `BULLETIN_FAULT=kill:<name>` in
 * the environment, the process kills itself there with SIGKILL (nothing runs after, as with a
 * power cut or `kill -9`); with `BULLETIN_FAULT=enospc:<name>`, the write there fails as on a
 * full disk. Does nothing otherwise. Tests only; see test/unit/faults.test.ts.
 */
export function faultPoint(name: string): void {
  const fault = process.env.BULLETIN_FAULT;
  if (fault === `kill:${name}`) process.kill(process.pid, "SIGKILL");
  if (fault === `enospc:${name}`) throw Object.assign(new Error(`ENOSPC: no space left on device, write (BULLETIN_FAULT at ${name})`), { code: "ENOSPC" });
}
