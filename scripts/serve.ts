/**
 * A static file server for the built `_site/`, as a static host serves it: `/a/` → `a/index.html`,
 * unknown paths → `404.html` with status 404. Used by Playwright and for looking at a build
 * (`npm run serve`); `npm start` is the writers' live-reloading preview.
 */
import { createServer, type Server } from "node:http";
import { createReadStream } from "node:fs";
import { answer, contentType } from "../src/serve/staticSite.ts";

export function serveStatic(root: string): Server {
  return createServer((req, res) => {
    const found = answer(root, req.url ?? "/");
    if (found.status === 301) {
      res.writeHead(301, { Location: found.location }).end();
    } else if (!("file" in found)) {
      res.writeHead(found.status).end(found.status === 400 ? "Bad request" : "Forbidden");
    } else {
      res.writeHead(found.status, { "Content-Type": contentType(found.file) });
      createReadStream(found.file).on("error", () => res.end()).pipe(res);
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  const root = process.argv[2] ?? "_site";
  serveStatic(root).listen(port, "127.0.0.1", () => console.log(`Serving ${root}/ at http://127.0.0.1:${port}/`));
}
