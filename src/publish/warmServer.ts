import { chmodSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { dirname, join } from "node:path";
import { BuildMemory } from "./buildMemory.ts";
import { clearTimings, phaseTimings } from "./phases.ts";

/**
 * The warm build process (`npm run warm`): a process that stays up beside a bulletin and runs
 * the builds `npm run build` hands it (scripts/launch.mjs), as Bazel's server does for its
 * client. A build in a new process spends time that has nothing to do with the story filed:
 * starting Node and importing the code (0.4 s), reading and checking the last build's record
 * (0.4 s at 10,000 articles, 4.3 s at 100,000), and running code V8 has not optimised yet.
 * Here the code stays loaded and compiled, and the last build's record and articles stay in
 * memory (src/publish/buildMemory.ts).
 * Each build is the same build `npm run build` runs (src/publish/runBuild.ts): the same
 * checks, the same lock, the same atomic publish, the same output byte for byte.
 *
 * It answers on a Unix socket in the bulletin's cache folder (`SOCKET`), in a folder only its
 * user can open. Each request is one JSON line; each answer line is JSON too:
 *
 *   → {"build":{"root":"/abs/bulletin","node":"v20.19.0","args":["--full"],"env":{"BULLETIN_NOW":"…"}}}
 *   ← {"out":"1 story added: …"}  {"err":"content/articles/x.md:3: …"}  {"exit":0}
 *   ← {"refused":"the code changed since it started"}   (the client then builds by itself)
 *
 * It refuses, and the client builds by itself, when the request is not for its bulletin or
 * comes from another Node, and when the code changed since it started (it then stops: it
 * cannot build with code it no longer has). Builds run one at a time, in the order asked. A
 * client that goes away does not stop a build: it finishes, as atomic as ever. It stops
 * after `idleMs` without a build, on SIGINT or SIGTERM, and may be killed at any moment: a
 * build killed half-way is finished or undone by the next (src/publish/applyChanges.ts).
 */
export const SOCKET = join(".bulletin-cache", "warm", "build.sock");

/** Longest request line taken: a request is a few hundred bytes. */
const MAX_REQUEST = 64 * 1024;
/** How long a client may take to send its request line. */
const REQUEST_TIMEOUT_MS = 10_000;

export interface WarmBuild {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  memory: BuildMemory;
}

export interface WarmServerOptions {
  /** The bulletin's folder, its real path; the process runs in it (the socket's path is relative to it). */
  root: string;
  /** Runs one build (scripts/buildReport.ts), returning its exit code. */
  build(request: WarmBuild): Promise<number>;
  /** A digest of the code builds run; asked before each build, compared with the one at start. */
  code(): string;
  /** Stop after this long without a build. */
  idleMs: number;
  log(line: string): void;
}

export interface WarmServer {
  /** Resolves when the server has stopped, with why. */
  stopped: Promise<string>;
  stop(why: string): void;
}

/** The environment variables a build reads: the clock, preview, and the developers' DEBUG. Nothing else is taken from a client. */
const BUILD_ENV = ["BULLETIN_NOW", "BULLETIN_PREVIEW", "DEBUG"];

export async function startWarmServer(opts: WarmServerOptions): Promise<WarmServer> {
  const code = opts.code();
  const memory = new BuildMemory();
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let finish!: (why: string) => void;
  const stopped = new Promise<string>((resolve) => (finish = resolve));
  let closing = false;

  const stop = (why: string) => {
    if (closing) return;
    closing = true;
    clearTimeout(idle);
    // Closing a server listening on a path removes the socket file.
    server.close(() => finish(why));
    server.unref();
  };
  const waitIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(`no build for ${Math.round(opts.idleMs / 60000)} min`), opts.idleMs);
    idle.unref();
  };

  const server = createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("error", () => socket.destroy());
    // A client that connects and says nothing is let go; one waiting for its build is not.
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    const onData = (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline === -1) {
        if (buffer.length > MAX_REQUEST) answer(socket, { refused: "the request is too long" }, true);
        return;
      }
      socket.off("data", onData);
      socket.setTimeout(0);
      const request = parseRequest(buffer.slice(0, newline));
      if (typeof request === "string") return answer(socket, { refused: request }, true);
      if (realPath(request.root) !== opts.root) return answer(socket, { refused: `it builds ${opts.root}, not ${request.root}` }, true);
      if (request.node !== process.version) return answer(socket, { refused: `it runs Node ${process.version}, not ${request.node}` }, true);
      queue = queue.then(() => serve(socket, request));
    };
    socket.on("data", onData);
  });

  async function serve(socket: Socket, request: Request): Promise<void> {
    if (closing) return answer(socket, { refused: "it is stopping" }, true);
    clearTimeout(idle);
    if (opts.code() !== code) {
      answer(socket, { refused: "the code changed since it started, so it stops" }, true);
      return stop("the code changed");
    }
    const started = performance.now();
    clearTimings();
    let exit = 1;
    try {
      exit = await opts.build({
        args: request.args,
        env: request.env,
        out: (line) => answer(socket, { out: line }),
        err: (line) => answer(socket, { err: line }),
        memory,
      });
    } catch (error) {
      // buildAndReport reports every failure itself; this is a bug in the server.
      answer(socket, { err: `Build failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    // What a failed build read is not kept: the next starts from the record on disk.
    if (exit !== 0) memory.forget();
    answer(socket, { exit }, true);
    // Where the time went, for whoever watches the process: the phases that took a tenth of a second or more.
    const phases = new Map<string, number>();
    for (const p of phaseTimings()) phases.set(p.phase, (phases.get(p.phase) ?? 0) + p.ms);
    const slow = [...phases].filter(([, ms]) => ms >= 100).map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)}`).join(", ");
    opts.log(`${new Date().toISOString()} build${request.args.length ? ` ${request.args.join(" ")}` : ""}: exit ${exit} in ${((performance.now() - started) / 1000).toFixed(1)} s${slow ? ` (${slow})` : ""}`);
    waitIdle();
  }

  mkdirSync(dirname(join(opts.root, SOCKET)), { recursive: true, mode: 0o700 });
  chmodSync(dirname(join(opts.root, SOCKET)), 0o700);
  await listenOnce(server, opts.root);
  waitIdle();
  return { stopped, stop };
}

interface Request {
  root: string;
  node: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** The request in `line`, or why it is not one. Only the fields a build reads are kept. */
export function parseRequest(line: string): Request | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "the request is not JSON";
  }
  const build = (value as { build?: unknown } | null)?.build as Record<string, unknown> | undefined;
  if (!build || typeof build !== "object") return "the request asks for no build";
  const { root, node, args, env } = build;
  if (typeof root !== "string" || typeof node !== "string") return "the request names no bulletin or Node";
  if (!Array.isArray(args) || !args.every((a) => typeof a === "string")) return "the request's arguments are not strings";
  const kept: NodeJS.ProcessEnv = {};
  if (env !== undefined && (typeof env !== "object" || env === null)) return "the request's environment is not an object";
  for (const name of BUILD_ENV) {
    const v = (env as Record<string, unknown> | undefined)?.[name];
    if (typeof v === "string") kept[name] = v;
  }
  return { root, node, args: args as string[], env: kept };
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function answer(socket: Socket, message: object, end = false): void {
  if (socket.destroyed || !socket.writable) return;
  socket.write(`${JSON.stringify(message)}\n`);
  if (end) socket.end();
}

/** Listens on the socket; one left by a process that was killed is replaced, one that answers is not. */
async function listenOnce(server: Server, root: string): Promise<void> {
  const path = join(root, SOCKET);
  // Relative to the bulletin: a Unix socket's path may not be longer than 107 bytes.
  const where = process.cwd() === root ? SOCKET : path;
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(where, () => {
          server.off("error", reject);
          resolve();
        });
      });
      chmodSync(path, 0o600);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt > 0) throw error;
      if (await answers(where)) throw new AlreadyWarm(root);
      rmSync(path, { force: true });
    }
  }
}

export class AlreadyWarm extends Error {
  constructor(root: string) {
    super(`a warm build process already runs for ${root}`);
  }
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
