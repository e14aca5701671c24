/**
 * A static file server for the built `_site/`, as a static host serves it: `/a/` → `a/index.html`,
 * unknown paths → `404.html` with status 404. Used by Playwright and for looking at a build
 * (`npm run serve`); `npm start` is the writers' live-reloading preview. For this machine
 * only (127.0.0.1), never for production: docs/security.md.
 *
 *   PORT=8081 npm run serve        another port (the next free one when it is taken)
 *   npm run serve -- --strict-port  fail rather than take another port (Playwright waits on one)
 */
import type { Server } from "node:http";
import { parseArgs } from "node:util";
import { hostCheck } from "../src/serve/hosts.ts";
import { createSiteServer, listen, ListenError } from "../src/serve/siteServer.ts";
import { siteHandler } from "../src/serve/staticSite.ts";

const HOST = "127.0.0.1";

/** The server for the site in `root`, not yet listening; it answers for 127.0.0.1 and localhost. */
export function serveStatic(root: string): Server {
  return createSiteServer(siteHandler(root, { hosts: hostCheck(HOST) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "strict-port": { type: "boolean", default: false } } });
  const root = positionals[0] ?? "_site";
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT=${process.env.PORT}: not a port number`);
    process.exit(2);
  }
  const server = serveStatic(root);
  try {
    const at = await listen(server, { port, host: HOST, tries: values["strict-port"] ? 1 : undefined, log: (line) => console.log(line) });
    console.log(`Serving ${root}/ at http://${HOST}:${at}/`);
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
