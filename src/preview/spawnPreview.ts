import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface PreviewChild {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together, as a terminal shows them. */
  output(): string;
  /** Ends the server and its build process (one process group); nothing if already gone. */
  stop(signal?: NodeJS.Signals): void;
}

const START = fileURLToPath(new URL("../../scripts/start.ts", import.meta.url));

/** `npm start` for the bulletin at `root`, as a child process of its own group (for tests and the preview bench). */
export function spawnPreview(root: string, opts: { port: number | string; cwd: string; env?: Record<string, string> }): PreviewChild {
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), START, "--root", root, "--port", String(opts.port)], {
    cwd: opts.cwd,
    env: { ...process.env, BULLETIN_PREVIEW: "1", DEBUG: "", ...opts.env },
    detached: true,
  });
  let text = "";
  child.stdout!.on("data", (d: Buffer) => (text += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (text += d.toString()));
  return {
    child,
    output: () => text,
    stop(signal = "SIGTERM") {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}
