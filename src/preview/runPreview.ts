import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { watch } from "chokidar";
import type { FromWorker, ToWorker } from "./messages.ts";
import { startPreviewServer } from "./previewServer.ts";
import { sweepGenerations } from "../publish/generations.ts";

export interface PreviewOptions {
  /** The bulletin's folder: holds content/; the preview is written to its `.preview/`. */
  root: string;
  /** 0 takes any free port. */
  port: number;
  /** The address to listen on; 127.0.0.1 (this machine only) unless given. */
  host?: string;
  log?: (line: string) => void;
}

/** Where the code lives (src/, layouts/), whatever folder holds the content. */
const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const WORKER = fileURLToPath(new URL("./previewWorker.ts", import.meta.url));

/** Saves arrive as bursts of events (an editor's temporary file, then the rename): one batch each. */
const SETTLE_MS = 25;

/**
 * `npm start`: serves `.preview/` with live reload (src/preview/previewServer.ts) and watches the
 * bulletin's files (chokidar). A saved article goes to the build process, which keeps
 * everything in memory and writes that article's page first (src/preview/PreviewSite.ts);
 * a stylesheet or script in layouts/assets is copied alone; any other change (site.yaml,
 * people, topics, layouts, src) starts a new build process, because code needs a fresh
 * module graph and settings touch every page. Pages stay served throughout: a failed build
 * leaves the last good ones in place.
 */
export async function runPreview(opts: PreviewOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const root = resolve(opts.root);
  const output = join(root, ".preview");
  mkdirSync(output, { recursive: true });
  const articles = join(root, "content", "articles") + sep;
  const assets = join(PROJECT_DIR, "layouts", "assets") + sep;
  const watched = [join(root, "content"), join(PROJECT_DIR, "src"), join(PROJECT_DIR, "layouts")];

  const server = await startPreviewServer(output, opts.port, log, { host: opts.host });
  const url = server.url;
  log(`Preview at ${url} (${relative(process.cwd(), output) || "."}); the first build is under way.`);

  let worker: ChildProcess | undefined;
  const startWorker = () => {
    const child = fork(WORKER, [output], {
      cwd: root,
      execArgv: ["--import", import.meta.resolve("tsx")],
      // tsx reads the JSX settings from the code's tsconfig.json, wherever the content is.
      env: { ...process.env, TSX_TSCONFIG_PATH: join(PROJECT_DIR, "tsconfig.json") },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message: FromWorker) => {
      if (message.type === "problems") server.problems(message.lines);
      else server.written(message.phase, message.paths);
    });
    child.on("exit", (code, signal) => {
      // A build process stopped half way leaves its half-written site (a folder in .preview.builds/).
      sweepGenerations(output);
      if (worker !== child) return;
      worker = undefined;
      if (signal) return;
      const stopped = `Preview: the build stopped (exit code ${code}); the last good pages are still served. Save a file to try again.`;
      log(stopped);
      server.problems([stopped]);
    });
    worker = child;
  };
  const stopWorker = async () => {
    const child = worker;
    worker = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  };
  const send = (message: ToWorker) => {
    if (worker?.connected) worker.send(message);
  };

  // Events are gathered for a moment, then sorted: article files, assets, or a new build.
  const saved = new Set<string>();
  const copied = new Set<string>();
  let restart = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    timer = undefined;
    const paths = [...saved];
    const files = [...copied];
    const changedCode = restart;
    const fresh = changedCode || !worker;
    saved.clear();
    copied.clear();
    restart = false;
    if (fresh) {
      log(changedCode ? "Preview: settings or code changed; building everything again." : "Preview: building everything again.");
      await stopWorker();
      startWorker();
      return;
    }
    if (paths.length > 0) send({ type: "articles", paths });
    for (const path of files) send({ type: "asset", path });
  };
  const watcher = watch(watched, {
    ignoreInitial: true,
    // As src/model/loadContent.ts skips them: editor backups, hidden folders.
    ignored: (path: string) => hiddenBelow(path, watched) || path.includes(`${sep}node_modules${sep}`),
  });
  watcher.on("all", (event, path) => {
    if (event === "addDir" || event === "unlinkDir") return; // their files come as events of their own
    if (path.startsWith(articles)) {
      if (!path.endsWith(".md")) return;
      saved.add(path);
    } else if (path.startsWith(assets)) {
      copied.add(path);
    } else {
      restart = true;
    }
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SETTLE_MS);
  });
  watcher.on("error", (error) => log(`Preview: watching files failed: ${error instanceof Error ? error.message : String(error)}`));
  // The first build starts once the watcher has looked through the files: a file added while
  // it still was would count as one it found, and its save go unseen (ignoreInitial).
  await new Promise<void>((done) => watcher.once("ready", () => done()));
  startWorker();

  return {
    url,
    async stop() {
      clearTimeout(timer);
      await watcher.close();
      await stopWorker();
      await server.close();
    },
  };
}

/** True when a name below one of the watched folders starts with a dot. */
function hiddenBelow(path: string, folders: readonly string[]): boolean {
  for (const folder of folders) {
    if (path === folder || !path.startsWith(folder + sep)) continue;
    return path.slice(folder.length + 1).split(sep).some((name) => name.startsWith("."));
  }
  return false;
}
