import { spawnPreview } from "../../src/preview/spawnPreview.ts";
import type { FixtureSite } from "./fixtureSite.ts";

export interface PreviewProcess {
  /** `http://127.0.0.1:PORT`, without a closing slash. */
  url: string;
  /** Everything the preview printed so far, as a writer's terminal shows it. */
  output(): string;
  /** Ends the server process and its build process (one process group). */
  stop(): void;
}

/**
 * `npm start` in a fixture site, on a port the system picks (so runs never clash), with the
 * fixtures' clock; resolves once the first build is written.
 */
export async function startPreview(site: FixtureSite, env: Record<string, string> = {}): Promise<PreviewProcess> {
  const preview = spawnPreview(site.root, { port: 0, cwd: site.root, env: { BULLETIN_NOW: "2020-01-01T00:00:00+03:00", ...env } });
  const text = preview.output;
  const stop = () => preview.stop("SIGKILL");
  try {
    await until(() => /pages written/.test(text()), text);
  } catch (error) {
    stop();
    throw error;
  }
  const url = /Preview at (http:\/\/\S+?)\/? /.exec(text())![1]!;
  return { url, output: text, stop };
}

/** Polls `check` until it holds; throws (with `context`) after a minute rather than hanging a run. */
export async function until(check: () => boolean | Promise<boolean>, context: () => string = () => ""): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`gave up waiting; output so far:\n${context()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
