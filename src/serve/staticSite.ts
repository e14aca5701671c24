/**
 * Serving a built site as a static host does: `/a/` → `a/index.html`, `/a` → a redirect to
 * `/a/` when `a` is a folder, unknown paths → `404.html` with status 404 (the edition's own,
 * `ar/404.html`, for a path below `/ar/`). Shared by
 * `npm run serve` (scripts/serve.ts, which Playwright uses) and the writers' preview
 * (src/preview/previewServer.ts), so both answer a request alike: `answer` maps a URL to a
 * file, `siteHandler` answers the HTTP request (the server around it: ./siteServer.ts).
 *
 * Neither ever sends a file from outside its folder: paths are compared after resolving
 * symbolic links, the folder's own included (the build may make it a link to a generation
 * folder). Neither redirects anywhere but to a path of its own site.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type RequestListener, type ServerResponse } from "node:http";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pipeline } from "node:stream";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function contentType(file: string): string {
  return TYPES[extname(file)] ?? "application/octet-stream";
}

/** A file to send. */
export interface FileAnswer {
  status: 200 | 404;
  /**
   * The file to send, its real path (inside the site); for a 404, the site's 404.html, or
   * undefined when there is none.
   */
  file: string | undefined;
  /**
   * The file the URL names, relative to the site with `/` separators (`2016/07/15/index.html`),
   * even when it does not exist and 404.html is sent.
   */
  wanted: string;
}

/** What a request for a URL gets from the site in `root`. */
export type Answer = FileAnswer | { status: 301; location: string } | { status: 400 | 403 };

/** A file that exists, by its real path; or one whose real path leaves the site. */
type Found = { real: string; stats: Stats } | "outside" | undefined;

export function answer(root: string, url: string): Answer {
  // The site's real path, resolved at each request: the folder may be a link that a build moves.
  const base = realOrUndefined(resolve(root)) ?? resolve(root);
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url, "http://localhost");
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  if (path.includes("\0")) return { status: 400 };
  const named = join(base, path);
  if (!within(base, named)) return { status: 403 };
  const at = locate(base, named);
  if (at === "outside") return { status: 403 };
  let file = named;
  if (at?.stats.isDirectory()) {
    if (!path.endsWith("/")) {
      // Built from the folder's place in the site, never from the request's text: the
      // decoded path could start with `//` or `/\`, which browsers take for another host.
      const location = `/${relative(base, named).split(sep).map(encodeURIComponent).join("/")}/${parsed.search}`;
      return isSitePath(location) ? { status: 301, location } : { status: 400 };
    }
    file = join(named, "index.html");
  } else if (path.endsWith("/") || extname(path) === "") {
    // A page that does not exist (yet): it would be the index.html of a folder.
    file = join(named, "index.html");
  }
  const wanted = relative(base, file).split(sep).join("/");
  const found = file === named ? at : locate(base, file);
  if (found === "outside") return { status: 403 };
  if (found?.stats.isFile()) return { status: 200, file: found.real, wanted };
  // An edition's own not-found page (`/ar/404.html`) for a miss below its prefix, as hosts
  // that allow a 404 page per folder serve it; the site's `/404.html` otherwise.
  const first = wanted.includes("/") ? wanted.slice(0, wanted.indexOf("/")) : "";
  for (const page of [...(first ? [join(base, first, "404.html")] : []), join(base, "404.html")]) {
    const notFound = locate(base, page);
    if (notFound !== "outside" && notFound?.stats.isFile()) return { status: 404, file: notFound.real, wanted };
  }
  return { status: 404, file: undefined, wanted };
}

/** A redirect target of this same site: one `/`, then anything but a second `/` or a `\`. */
export function isSitePath(location: string): boolean {
  return /^\/(?![/\\])/.test(location) && !/[\u0000-\u0020\u007f]/.test(location);
}

export interface SiteOptions {
  /** Whether a request's Host header names this server (./hosts.ts `hostCheck`: DNS rebinding). */
  hosts: (hostHeader: string | undefined) => boolean;
  /** Files served at fixed URL paths beside the site (the preview's live-reload script). */
  extra?: Readonly<Record<string, string>>;
  /** Headers added to every file sent. */
  headers?: Readonly<OutgoingHttpHeaders>;
  /**
   * Rewrites every HTML page before it is sent (the preview adds its live-reload script);
   * `html` is undefined when there is no file to send (a 404 before any 404.html exists).
   */
  page?: (html: string | undefined, found: FileAnswer) => string;
}

/** The methods a static site answers; anything else is 405. */
const ALLOW = "GET, HEAD";

/**
 * The request handler of both servers: GET and HEAD only (405 otherwise), only for the
 * host names the server answers for (403 otherwise), then the site's answer for the URL.
 * HEAD sends the same headers as GET and no body.
 */
export function siteHandler(root: string, opts: SiteOptions): RequestListener {
  return (req, res) => {
    try {
      respond(root, opts, req, res);
    } catch {
      // A file that vanished between looking and reading, most likely: never the whole server.
      if (res.headersSent) res.destroy();
      else sendText(req, res, 500);
    }
  };
}

function respond(root: string, opts: SiteOptions, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") return sendText(req, res, 405, { Allow: ALLOW });
  if (!opts.hosts(req.headers.host)) {
    return sendText(req, res, 403, {}, "This server does not answer for that host name: open it at the address it printed.\n");
  }
  const extra = opts.extra?.[(req.url ?? "/").split("?")[0]!];
  if (extra !== undefined) return sendFile(req, res, 200, extra, opts.headers);
  const found = answer(root, req.url ?? "/");
  if (found.status === 301) return sendText(req, res, 301, { Location: found.location });
  if (!("wanted" in found)) return sendText(req, res, found.status);
  if (opts.page && (found.file === undefined || found.file.endsWith(".html"))) {
    const html = opts.page(found.file === undefined ? undefined : readOrUndefined(found.file), found);
    return send(req, res, found.status, { ...opts.headers, "Content-Type": TYPES[".html"] }, Buffer.from(html));
  }
  if (found.file === undefined) return sendText(req, res, 404);
  sendFile(req, res, found.status, found.file, opts.headers);
}

/**
 * Sends a file: opened once (without following a link its name may have become since it was
 * checked, and without waiting on a pipe), its size taken from what was opened.
 */
function sendFile(req: IncomingMessage, res: ServerResponse, status: number, file: string, headers: Readonly<OutgoingHttpHeaders> = {}): void {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  let size: number;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`${file} is not a file`);
    size = stats.size;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  res.writeHead(status, { ...headers, ...COMMON, "Content-Type": contentType(file), "Content-Length": size });
  if (req.method === "HEAD") {
    closeSync(fd);
    return void res.end();
  }
  // pipeline: a reader that goes away closes the file too.
  pipeline(createReadStream(file, { fd }), res, () => {});
}

/** Headers on every answer: no guessing of types (a text file is never run as a script). */
const COMMON: OutgoingHttpHeaders = { "X-Content-Type-Options": "nosniff" };

function sendText(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}, text = `${STATUS_CODES[status] ?? ""}\n`): void {
  send(req, res, status, { ...headers, "Content-Type": TYPES[".txt"] }, Buffer.from(text));
}

function send(req: IncomingMessage, res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer): void {
  res.writeHead(status, { ...headers, ...COMMON, "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Where `path` really is, if it exists; "outside" when that leaves the site's real path `base`. */
function locate(base: string, path: string): Found {
  const real = realOrUndefined(path);
  if (real === undefined) return undefined;
  if (!within(base, real)) return "outside";
  try {
    return { real, stats: statSync(real) };
  } catch {
    return undefined;
  }
}

function within(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A page's text; undefined when it went away since it was found (the preview rewrites pages as they are served). */
function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}
