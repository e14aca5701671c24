import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";
import { exposureWarning, hostCheck, localUrl, sameOrigin } from "../serve/hosts.ts";
import { createSiteServer, listen, type ServerLimits } from "../serve/siteServer.ts";
import { siteHandler, type FileAnswer } from "../serve/staticSite.ts";
import { escapeHtml } from "../text/escape.ts";
import { ENGLISH, LANGUAGES } from "../i18n/languages.ts";
import type { WritePhase } from "./PreviewSite.ts";

/** Below this path the preview answers itself; no page of the bulletin starts with a dot. */
const LIVE = "/.preview-live";
const CLIENT = fileURLToPath(new URL("./liveClient.js", import.meta.url));
/** Saves kept for pages that reconnect late; one older than these reloads its page to be safe. */
const KEPT = 500;
/**
 * The largest message a page may send, in bytes. Pages never send any: this only bounds what
 * a hostile client can make the server hold (ws allows 100 MiB by default).
 */
const MAX_MESSAGE = 1024;
/** Writes waiting for a page that does not read them, in bytes: beyond this it is dropped (it reconnects and catches up). */
const MAX_UNREAD = 4 * 1024 * 1024;
/** A page's connection is pinged this often, and dropped when it did not answer the last ping (gone without a word). */
const HEARTBEAT_MS = 30_000;
/** Problems shown on a page at most (the terminal lists them all), and the characters of each. */
const SHOWN_PROBLEMS = 20;
const PROBLEM_CHARS = 1000;

/**
 * What a page's live-reload connection is told: pages written (paths below the served folder);
 * the errors that keep the preview from being brought up to date (`file:LINE: message`, the
 * first few of `total`; none once fixed); or reload now.
 */
export type LiveMessage =
  | { id: string; phase: WritePhase; paths: string[] }
  | { id: string; problems: string[]; total: number }
  | { reload: true };
type ProblemsMessage = Extract<LiveMessage, { problems: string[] }>;

export interface PreviewServerOptions {
  /** The address or name to listen on; 127.0.0.1 (this machine only) unless given. */
  host?: string;
  /** Time limits for clients (tests shorten them). */
  limits?: ServerLimits;
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT` (or the --host name), without a closing slash. */
  url: string;
  /** Tells open pages what was written: each reloads if its own file is among `paths`, or for `site`. */
  written(phase: WritePhase, paths: readonly string[]): void;
  /**
   * The errors that keep the preview from being brought up to date, as `file:LINE: message`
   * (an empty list once there are none): open pages show them, and so do pages opened later,
   * until they are fixed.
   */
  problems(lines: readonly string[]): void;
  close(): Promise<void>;
}

/**
 * Serves the preview's folder as scripts/serve.ts serves _site/ (src/serve/), with a small
 * script added to every page (src/preview/liveClient.js) that reloads it when the preview
 * rewrites it.
 *
 * Each page is served with the number of the last write so far, and its connection asks for
 * the writes after that number: a write that lands while the page loads, reloads or
 * reconnects is still seen. A page reloads only when its own file changed, so a save does not
 * reload every open tab once per step (article, listings, the rest of the site).
 *
 * While a save has errors, the pages stay as they were, so the server also keeps the current
 * errors and tells every page, open or opened later: liveClient.js shows them over the page,
 * as text, until they are fixed. They are numbered with the writes, so a page that reconnects
 * catches up on them too.
 *
 * The preview shows drafts, so it listens on 127.0.0.1 unless told otherwise, answers only
 * for its own host names (DNS rebinding), takes WebSocket connections only from its own
 * pages, and no client, however malformed what it sends, can stop it (docs/security.md).
 */
export async function startPreviewServer(dir: string, port: number, log: (line: string) => void, opts: PreviewServerOptions = {}): Promise<PreviewServer> {
  const host = opts.host ?? "127.0.0.1";
  const hosts = hostCheck(host);
  /** Changes on each start: a page served by an earlier `npm start` cannot trust its numbers. */
  const epoch = Date.now().toString(36);
  const history: { n: number; message: LiveMessage }[] = [];
  let last = 0;
  /** The errors now, as last told (an empty list: none). */
  let problems: ProblemsMessage | undefined;

  const server = createSiteServer(
    siteHandler(dir, {
      hosts,
      extra: { [`${LIVE}/client.js`]: CLIENT },
      headers: { "Cache-Control": "no-store" },
      page: (html, found) => withLiveScript(html, found, `${epoch}:${last}`),
    }),
    { limits: opts.limits, log },
  );

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE, perMessageDeflate: false });
  sockets.on("error", (error) => log(`Preview: live reload: ${error.message}`));
  /** Connections that answered the last ping. */
  const answered = new WeakSet<WebSocket>();
  server.on("upgrade", (req, socket: Duplex, head) => {
    // Whatever happens to the connection from here, it is this client's problem only.
    socket.on("error", () => socket.destroy());
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== LIVE) return refuseUpgrade(socket, 404);
    // A page of another site (or of a rebound name) must not hear which drafts were saved.
    if (!hosts(req.headers.host) || !sameOrigin(req.headers.origin, req.headers.host)) return refuseUpgrade(socket, 403);
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A malformed frame or an oversize message is an 'error' on the connection: drop it.
      ws.on("error", () => ws.terminate());
      answered.add(ws);
      ws.on("pong", () => answered.add(ws));
      const messages = missed(url.searchParams.get("since") ?? "");
      // A page served while there were errors was never told them: tell it now.
      if (problems && problems.problems.length > 0 && !messages.includes(problems)) messages.push(problems);
      for (const message of messages) ws.send(JSON.stringify(message));
    });
  });
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!answered.delete(ws)) ws.terminate();
      else ws.ping();
    }
  }, HEARTBEAT_MS).unref();

  /** The writes a page served at `since` has not seen; one reload if they are no longer known. */
  function missed(since: string): LiveMessage[] {
    const [from, count] = since.split(":");
    const n = Number(count);
    if (from !== epoch || !Number.isInteger(n) || n > last) return [{ reload: true }];
    // Writes after `n` that were dropped from the history: what the page missed is unknown.
    if (history.length > 0 && history[0]!.n > n + 1) return [{ reload: true }];
    return history.filter((h) => h.n > n).map((h) => h.message);
  }

  /** Numbers a message after the last one, keeps it for pages that reconnect, and tells every open page. */
  function tell<M extends LiveMessage & { id: string }>(body: Omit<M, "id">): M {
    last++;
    const message = { id: `${epoch}:${last}`, ...body } as M;
    history.push({ n: last, message });
    if (history.length > KEPT) history.shift();
    const text = JSON.stringify(message);
    for (const ws of sockets.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_UNREAD) ws.terminate();
      else ws.send(text);
    }
    return message;
  }

  const at = await listen(server, { port, host, log });
  const warning = exposureWarning(host, at);
  if (warning) log(warning);
  return {
    url: localUrl(host, at),
    written(phase, paths) {
      tell({ phase, paths: [...paths] });
    },
    problems(lines) {
      const shown = lines.slice(0, SHOWN_PROBLEMS).map((line) => (line.length > PROBLEM_CHARS ? `${line.slice(0, PROBLEM_CHARS - 1)}…` : line));
      // The same errors again (each attempt tells them): nothing new for the pages.
      if (JSON.stringify(shown) === JSON.stringify(problems?.problems ?? []) && lines.length === (problems?.total ?? 0)) return;
      problems = tell({ problems: shown, total: lines.length });
    },
    async close() {
      clearInterval(heartbeat);
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((done) => sockets.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Ends a WebSocket request that is not taken, with its status. */
function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

/**
 * A page of the preview with the live-reload script, naming the file it is and the write it
 * was served at, and the words of its problems overlay in the page's language; `html` is
 * undefined when there is no file yet (a 404 before the first build).
 */
function withLiveScript(html: string | undefined, found: FileAnswer, since: string): string {
  // The first build has not written a 404 page yet: say so, and reload when it has.
  const page = html ?? '<!doctype html><html lang="en"><title>Preview</title><body><p>Not built yet; this page reloads when it is.</p></body></html>';
  // A page that is missing reloads when it is written (a story being filed) or when 404.html is.
  const pages = found.status === 404 ? [found.wanted, "404.html"] : [found.wanted];
  const labels = escapeHtml(JSON.stringify(overlayLabels(page)));
  const tag = `<script src="${LIVE}/client.js" data-since="${since}" data-pages="${escapeHtml(JSON.stringify(pages))}" data-labels="${labels}"></script>`;
  const at = page.lastIndexOf("</body>");
  return at === -1 ? page + tag : page.slice(0, at) + tag + page.slice(at);
}

/** The problems overlay's words in the language of the page (its `<html lang>`); English for a language the product does not ship. */
function overlayLabels(html: string): { title: string; note: string; more: string; dismiss: string } {
  const lang = /<html\b[^>]*?\slang="([^"]*)"/i.exec(html.slice(0, 2000))?.[1];
  const { strings } = LANGUAGES.find((l) => l.lang === lang) ?? ENGLISH;
  return { title: strings.previewProblemsTitle, note: strings.previewProblemsNote, more: strings.previewProblemsMore, dismiss: strings.dismiss };
}
