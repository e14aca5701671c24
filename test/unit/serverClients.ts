/**
 * Clients for the server tests: raw HTTP requests (any method, any Host header, any path as
 * sent), and the two servers (`npm run serve`'s and the preview's) started on a folder, on
 * 127.0.0.1 and a port the system picks.
 */
import { request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serveStatic } from "../../scripts/serve.ts";
import { startPreviewServer } from "../../src/preview/previewServer.ts";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request, with the path exactly as given (nothing normalised or encoded) and any headers. */
export function send(origin: string, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: hostname, port, path, method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, no closing slash. */
  origin: string;
  close(): Promise<void>;
}

/** The two servers that share src/serve/: each test about both runs against each. */
export const SERVERS: { name: string; start(root: string): Promise<RunningServer> }[] = [
  {
    name: "npm run serve",
    async start(root) {
      const server: Server = serveStatic(root);
      await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
      return {
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => {
          server.closeAllConnections();
          return new Promise((closed) => server.close(() => closed()));
        },
      };
    },
  },
  {
    name: "the preview",
    async start(root) {
      const preview = await startPreviewServer(root, 0, () => {});
      const { port } = new URL(preview.url);
      return { origin: `http://127.0.0.1:${port}`, close: () => preview.close() };
    },
  },
];
