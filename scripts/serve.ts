/**
 * A static file server for the built `_site/`, as a static host serves it: `/a/` → `a/index.html`,
 * unknown paths → `404.html` with status 404. Used by Playwright and for looking at a build
 * (`npm run serve`); `npm start` is the writers' live-reloading preview.
 */
import { createServer, type Server } from "node:http";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";

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
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

export function serveStatic(root: string, port: number): Server {
  const base = resolve(root);
  return createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    const stat = statOrUndefined(file);
    if (stat?.isDirectory()) {
      if (!path.endsWith("/")) {
        res.writeHead(301, { Location: `${encodeURI(path)}/` }).end();
        return;
      }
      file = join(file, "index.html");
    }
    let status = 200;
    if (!statOrUndefined(file)?.isFile()) {
      status = 404;
      file = join(base, "404.html");
    }
    res.writeHead(status, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).on("error", () => res.end()).pipe(res);
  });
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  const root = process.argv[2] ?? "_site";
  serveStatic(root, port).listen(port, "127.0.0.1", () => console.log(`Serving ${root}/ at http://127.0.0.1:${port}/`));
}
