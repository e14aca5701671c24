/**
 * Serving a built site as a static host does: `/a/` → `a/index.html`, `/a` → a redirect to
 * `/a/` when `a` is a folder, unknown paths → `404.html` with status 404. Shared by
 * `npm run serve` (scripts/serve.ts, which Playwright uses) and the writers' preview
 * (src/preview/previewServer.ts), so both answer a URL alike.
 */
import { statSync } from "node:fs";
import { extname, join, normalize, relative, resolve, sep } from "node:path";

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

export function contentType(file: string): string {
  return TYPES[extname(file)] ?? "application/octet-stream";
}

/** What a request for a URL gets from the site in `root`. */
export type Answer =
  /**
   * A file to send. `wanted` is the file the URL names, relative to the site with `/`
   * separators (`2016/07/15/index.html`), even when it does not exist and 404.html is sent.
   */
  | { status: 200 | 404; file: string; wanted: string }
  | { status: 301; location: string }
  | { status: 400 | 403 };

export function answer(root: string, url: string): Answer {
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return { status: 400 };
  }
  let file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return { status: 403 };
  if (statOrUndefined(file)?.isDirectory()) {
    if (!path.endsWith("/")) return { status: 301, location: `${encodeURI(path)}/` };
    file = join(file, "index.html");
  } else if (path.endsWith("/") || extname(path) === "") {
    // A page that does not exist (yet): it would be the index.html of a folder.
    file = join(file, "index.html");
  }
  const wanted = relative(base, file).split(sep).join("/");
  if (statOrUndefined(file)?.isFile()) return { status: 200, file, wanted };
  return { status: 404, file: join(base, "404.html"), wanted };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
