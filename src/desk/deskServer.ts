import { createReadStream } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { answer, contentType } from "../serve/staticSite.ts";
import { loadSettings } from "../model/loadContent.ts";
import { ContentError, ProblemList, formatProblem } from "../model/problems.ts";
import { backendFromEnv, deskConfig } from "./deskConfig.ts";
import { VENDOR_SOURCES } from "./deskFiles.ts";

/** Where the code lives (src/, layouts/, node_modules/), whatever folder holds the content. */
const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN_DIR = join(PROJECT_DIR, "src", "desk", "admin");
const ASSETS_DIR = join(PROJECT_DIR, "layouts", "assets");
const HOST = "127.0.0.1";
/** Decap CMS sends a story's images inline (base64) with the save. */
const MAX_BODY = 50 * 1024 * 1024;
const PORT_TRIES = 10;

export interface DeskServerOptions {
  /** The bulletin's folder: holds content/. Stories are written below it. */
  root: string;
  /** 0 takes any free port; a port in use moves on to the next. */
  port: number;
  /** The preview's address: the desk's "view live" link. */
  previewUrl?: string;
  log?: (line: string) => void;
}

export interface DeskServer {
  /** `http://127.0.0.1:PORT/admin/`. */
  url: string;
  close(): Promise<void>;
}

/** The part of Express's request and response that decap-server's handlers use. */
interface ApiRequest {
  body: unknown;
}
interface ApiResponse {
  status(code: number): ApiResponse;
  json(body: unknown): void;
}
type ApiHandler = (req: ApiRequest, res: ApiResponse, next: () => unknown) => unknown;

/**
 * The web desk for `npm start`: Decap CMS at /admin/ with decap-server's local file-system
 * API at /api/v1, so a writer files stories into this folder's content/articles/ with no
 * GitHub account. One origin for both (no CORS), on 127.0.0.1 only; the API answers only
 * requests whose Host and Origin are this server's, so neither another site open in the
 * browser nor a DNS name rebound to 127.0.0.1 can write files through it.
 *
 * decap-server's own server listens on every interface unless BIND_HOST is set and allows
 * any localhost origin; its handlers are mounted here instead (`registerLocalFs`, its
 * exported middleware, given the two routes it registers).
 */
export async function startDeskServer(opts: DeskServerOptions): Promise<DeskServer> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const root = resolve(opts.root);
  const api = await decapApi(root);
  let port = 0;
  const origins = () => [`http://${HOST}:${port}`, `http://localhost:${port}`];

  const server = createServer((req, res) => {
    const host = req.headers.host ?? "";
    if (!origins().some((o) => o === `http://${host}`)) return void plain(res, 421, "This desk answers only at its own address (127.0.0.1).");
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === "/api/v1") {
      if (req.method !== "POST") return void plain(res, 405, "POST only.");
      if (!origins().includes(req.headers.origin ?? "")) return void plain(res, 403, "Only the desk's own page may save stories.");
      return void handleApi(api, req, res);
    }
    if (req.method !== "GET" && req.method !== "HEAD") return void plain(res, 405, "GET only.");
    if (path === "/" || path === "/admin") return void res.writeHead(302, { Location: "/admin/" }).end();
    if (path === "/admin/config.json") return void sendConfig(res, root, `http://${host}`, opts.previewUrl);
    if (path.startsWith("/admin/vendor/")) return void sendVendor(res, path.slice("/admin/vendor/".length));
    if (path.startsWith("/admin/")) return void sendFile(res, ADMIN_DIR, path.slice("/admin".length));
    if (path.startsWith("/assets/")) return void sendFile(res, ASSETS_DIR, path.slice("/assets".length));
    plain(res, 404, "Not found: the desk is at /admin/.");
  });

  port = await listen(server, opts.port, log);
  const url = `http://${HOST}:${port}/admin/`;
  return {
    url,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** decap-server's file-system API for `root`: its request validation, then its handler. */
async function decapApi(root: string): Promise<ApiHandler[]> {
  const require = createRequire(import.meta.url);
  const { registerLocalFs } = require("decap-server/dist/middlewares.js") as {
    registerLocalFs(app: unknown, opts: { logLevel?: string }): Promise<void>;
  };
  const handlers: ApiHandler[] = [];
  const app = {
    // Its logging, CORS and body parsing: this server checks the origin and reads the body itself.
    use() {},
    post(route: string, handler: ApiHandler) {
      if (route === "/api/v1") handlers.push(handler);
    },
  };
  // It reads the repository folder from the environment, once, as it registers.
  const before = process.env.GIT_REPO_DIRECTORY;
  process.env.GIT_REPO_DIRECTORY = root;
  try {
    await registerLocalFs(app, { logLevel: "warn" });
  } finally {
    if (before === undefined) delete process.env.GIT_REPO_DIRECTORY;
    else process.env.GIT_REPO_DIRECTORY = before;
  }
  if (handlers.length === 0) throw new Error("decap-server registered no /api/v1 handler: its middleware has changed");
  return handlers;
}

function handleApi(handlers: ApiHandler[], req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      plain(res, 413, "Too large.");
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (res.headersSent) return;
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return void plain(res, 400, "The body must be JSON.");
    }
    let status = 200;
    const response: ApiResponse = {
      status(code) {
        status = code;
        return response;
      },
      json(value) {
        if (res.headersSent) return;
        res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
        res.end(JSON.stringify(value));
      },
    };
    let next = 0;
    const run = async (): Promise<unknown> => handlers[next++]?.({ body }, response, run);
    run().catch((error: unknown) => {
      if (!res.headersSent) plain(res, 500, error instanceof Error ? error.message : String(error));
    });
  });
}

/** The configuration as the content is now: a person added to content/people/ is offered at the next load. */
function sendConfig(res: ServerResponse, root: string, origin: string, previewUrl: string | undefined): void {
  const problems = new ProblemList();
  try {
    const { site, people, topics } = loadSettings(root, problems);
    const config = deskConfig({ site, people, topics, backend: backendFromEnv(), localBackendUrl: `${origin}/api/v1`, siteUrl: previewUrl });
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
    res.end(JSON.stringify(config));
  } catch (error) {
    const message = error instanceof ContentError ? error.problems.map(formatProblem).join("\n") : error instanceof Error ? error.message : String(error);
    plain(res, 500, `The desk's configuration could not be made from content/:\n${message}`);
  }
}

function sendVendor(res: ServerResponse, name: string): void {
  const source = VENDOR_SOURCES.find((s) => s.pattern.test(name));
  if (!source) return void plain(res, 404, "Not found.");
  sendFile(res, join(PROJECT_DIR, source.dir), `/${name}`);
}

function sendFile(res: ServerResponse, dir: string, path: string): void {
  const found = answer(dir, path);
  if (found.status === 301) return void res.writeHead(301, { Location: found.location }).end();
  if (!("file" in found) || found.status !== 200 || !found.file) return void plain(res, found.status === 404 ? 404 : found.status, "Not found.");
  res.writeHead(200, { "Content-Type": contentType(found.file), "Cache-Control": "no-store" });
  createReadStream(found.file).on("error", () => res.end()).pipe(res);
}

function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${text}\n`);
}

async function listen(server: ReturnType<typeof createServer>, port: number, log: (line: string) => void): Promise<number> {
  for (let tried = 0; ; tried++) {
    const wanted = port === 0 ? 0 : port + tried;
    const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      const failed = (e: NodeJS.ErrnoException) => done(e);
      server.once("error", failed);
      server.listen(wanted, HOST, () => {
        server.off("error", failed);
        done(undefined);
      });
    });
    if (!error) return (server.address() as AddressInfo).port;
    if (error.code !== "EADDRINUSE" || port === 0 || tried + 1 >= PORT_TRIES) throw error;
    log(`Desk: port ${wanted} is in use; trying ${wanted + 1}.`);
  }
}
