/**
 * The HTTP server around ./staticSite.ts's handler, for `npm run serve` and `npm start`
 * alike: time limits so that a slow or silent client cannot hold a connection for ever, an
 * answer to malformed requests that never takes the server down, and listening on the next
 * port when the one asked for is taken.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { Duplex } from "node:stream";

export interface ServerLimits {
  /** Time for a client to send a request's headers (slowloris), ms. */
  headersTimeout: number;
  /** Time for a whole request, ms. */
  requestTimeout: number;
  /** How long an idle kept-alive connection stays open, ms. */
  keepAliveTimeout: number;
  /** A connection where nothing moves for this long is closed (a reader that stopped reading), ms. */
  idleTimeout: number;
  /** How often the limits above are looked at, ms. */
  checkEvery: number;
}

/** Generous for a person's browser on this machine, short enough that nobody holds a connection. */
export const LIMITS: ServerLimits = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, idleTimeout: 60_000, checkEvery: 1_000 };

/** Tries the next port when one is taken, as far as this many. */
export const PORT_TRIES = 10;

/** The raw answers to a request Node could not parse (no response object exists then). */
const CLIENT_ERRORS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

/**
 * An HTTP server answering with `handler`, within `limits`. Any problem with one client (a
 * malformed request, a timeout, a reset) ends that client's connection and nothing else;
 * errors of the server itself after it listens go to `log`.
 */
export function createSiteServer(handler: RequestListener, opts: { limits?: ServerLimits; log?: (line: string) => void } = {}): Server {
  const limits = opts.limits ?? LIMITS;
  const log = opts.log ?? ((line: string) => console.error(line));
  /** Connections with a response under way: a raw error answer would land in its middle. */
  const answering = new WeakSet<Duplex>();
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      connectionsCheckingInterval: limits.checkEvery,
      requireHostHeader: true,
    },
    (req, res) => {
      answering.add(req.socket);
      res.once("close", () => answering.delete(req.socket));
      handler(req, res);
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeout;
  server.timeout = limits.idleTimeout;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code !== "ECONNRESET" && socket.writable && !answering.has(socket)) {
      socket.write(`HTTP/1.1 ${CLIENT_ERRORS[error.code ?? ""] ?? "400 Bad Request"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  // Once listening, an error of the server itself (too many open files, say) is reported, not fatal.
  server.on("error", (error) => {
    if (server.listening) log(`Server: ${error.message}`);
  });
  return server;
}

/** A port or address that cannot be listened on, said for a person. */
export class ListenError extends Error {}

/**
 * Listens on `host`:`port`, or on the next free port when that one is taken, up to `tries`
 * ports (0: any free port). Resolves with the port listened on. A failure rejects with a
 * `ListenError` whose message is meant for the terminal.
 */
export async function listen(server: Server, opts: { port: number; host: string; tries?: number; log: (line: string) => void }): Promise<number> {
  const tries = opts.port === 0 ? 1 : Math.max(1, opts.tries ?? PORT_TRIES);
  for (let tried = 0; ; tried++) {
    const port = opts.port === 0 ? 0 : opts.port + tried;
    const error = await new Promise<NodeJS.ErrnoException | undefined>((done) => {
      const failed = (e: NodeJS.ErrnoException) => done(e);
      server.once("error", failed);
      server.listen(port, opts.host, () => {
        server.off("error", failed);
        done(undefined);
      });
    });
    if (!error) {
      const address = server.address();
      return typeof address === "object" && address ? address.port : port;
    }
    const last = tried + 1 >= tries || port + 1 > 65535;
    if (error.code === "EADDRINUSE" && !last) {
      opts.log(`Port ${port} is in use; trying ${port + 1}.`);
      continue;
    }
    throw new ListenError(listenFailure(error, opts.host, opts.port, port));
  }
}

function listenFailure(error: NodeJS.ErrnoException, host: string, first: number, last: number): string {
  const ports = first === last ? `port ${first} is` : `ports ${first} to ${last} are`;
  switch (error.code) {
    case "EADDRINUSE":
      return `Cannot listen on ${host}: ${ports} in use. Stop what uses it, or pick another port.`;
    case "EACCES":
      return `Cannot listen on ${host} port ${last}: permission denied (ports below 1024 need privileges).`;
    case "EADDRNOTAVAIL":
      return `Cannot listen on ${host}: it is not an address of this machine.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot listen on ${host}: no such host name.`;
    default:
      return `Cannot listen on ${host} port ${last}: ${error.message}`;
  }
}
