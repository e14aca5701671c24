/**
 * A static file server for the built `_site/`, as a static host serves it: `/a/` → `a/index.html`,
 * unknown paths → `404.html` with status 404. Used by Playwright and for looking at a build
 * (`npm run serve`); `npm start` is the writers' live-reloading preview.
 */
import { createServer, type Server } from "node:http";
import { hostCheck } from "../src/serve/hosts.ts";
import { siteHandler } from "../src/serve/staticSite.ts";

/** The server for the site in `root`, not yet listening; it answers for 127.0.0.1 and localhost. */
export function serveStatic(root: string): Server {
  return createServer(siteHandler(root, { hosts: hostCheck("127.0.0.1") }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8080);
  const root = process.argv[2] ?? "_site";
  serveStatic(root).listen(port, "127.0.0.1", () => console.log(`Serving ${root}/ at http://127.0.0.1:${port}/`));
}
