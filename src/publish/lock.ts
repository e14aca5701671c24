import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";

/**
 * One build at a time on an output folder. Two `npm run build` at once both used to finish
 * "successfully", each swapping in its own site and sharing half-written cache entries. The
 * lock is a file beside the output (`_site.lock`) created exclusively (O_EXCL), holding the
 * owner's process id and start time; a lock whose owner is no longer running (a build killed
 * by Ctrl-C, `kill -9` or a power cut) is recognised as stale and taken over.
 */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the owner took the lock (ISO), for the message a second build prints. */
  since: string;
  /** The owner's start time as the kernel counts it, so that a recycled pid is not taken for the owner. */
  started?: string;
}

export class OutputLocked extends Error {
  constructor(readonly path: string, readonly owner: LockOwner) {
    super(`another build (process ${owner.pid}, started ${owner.since}) is writing this site; wait for it to finish, or stop it. (${path})`);
    this.name = "OutputLocked";
  }
}

export interface Lock {
  /** Set when a stale lock of a killed build was taken over. */
  tookOverFrom?: LockOwner;
  release(): void;
}

/** Takes the lock of `output`, or throws OutputLocked while another live build holds it. */
export function lockOutput(output: string): Lock {
  const path = `${output}.lock`;
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), started: startTimeOf(process.pid) };
  let tookOverFrom: LockOwner | undefined;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      const owner = readOwner(path);
      if (owner && ownerAlive(owner)) throw new OutputLocked(path, owner);
      tookOverFrom = owner;
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    break;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    // Only our own lock: a build that outlived us and took over must keep its own.
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
  };
  process.on("exit", release);
  return { tookOverFrom, release };
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.since === "string"
      ? { pid: owner.pid, host: String(owner.host ?? ""), since: owner.since, started: owner.started }
      : undefined;
  } catch {
    // Empty or torn: its writer was killed between creating and filling it.
    return undefined;
  }
}

function ownerAlive(owner: LockOwner): boolean {
  // A lock taken on another machine (a shared disk) cannot be checked: it is honoured.
  if (owner.host && owner.host !== hostname()) return true;
  if (!processAlive(owner.pid)) return false;
  const started = startTimeOf(owner.pid);
  return !owner.started || !started || started === owner.started;
}

/** Whether a process with this id is running (on this machine). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), where Linux tells. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}
