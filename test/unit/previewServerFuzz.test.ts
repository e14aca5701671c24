import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { startPreviewServer, type LiveMessage, type PreviewServer } from "../../src/preview/previewServer.ts";
import type { ServerLimits } from "../../src/serve/siteServer.ts";
import { send } from "./serverClients.ts";

// Any web page, or anything on the machine, can talk to the preview: nothing it sends may
// stop it. A bounded fuzz run (fixed seed, a few seconds, 127.0.0.1 only): malformed
// WebSocket frames after a valid upgrade, oversize messages, garbage, half-open, silent and
// slow clients; then the preview must still serve a page and a live-reload connection.

const SEED = 0x5eed_2016;
const CASES = 160;
const AT_ONCE = 20;
/** Short limits, so that slow clients are seen to be cut off within the run. */
const LIMITS: ServerLimits = { headersTimeout: 800, requestTimeout: 1_500, keepAliveTimeout: 500, idleTimeout: 3_000, checkEvery: 100 };

/** mulberry32: a small PRNG, so that every run sends the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(SEED);
const int = (below: number) => Math.floor(rnd() * below);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));

/** A client's WebSocket frame, with every field free: RFC 6455 section 5.2. `declared` overrides the length sent. */
function frame(opcode: number, payload: Buffer, opts: { fin?: boolean; rsv?: number; masked?: boolean; declared?: bigint } = {}): Buffer {
  const length = opts.declared ?? BigInt(payload.length);
  const masked = opts.masked ?? true;
  const head = [((opts.fin ?? true) ? 0x80 : 0) | ((opts.rsv ?? 0) << 4) | opcode];
  let extended = Buffer.alloc(0);
  if (length < 126n) head.push(Number(length));
  else if (length < 65536n) {
    head.push(126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(Number(length));
  } else {
    head.push(127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(length);
  }
  if (masked) head[1]! |= 0x80;
  const key = masked ? bytes(4) : Buffer.alloc(0);
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ key[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from(head), extended, key, body]);
}

const text = (s: string) => Buffer.from(s, "utf8");

/**
 * What a hostile client sends after its upgrade was accepted; `dropped`: a protocol error the
 * server must answer by hanging up (the others may be waiting for more bytes, or be valid).
 */
const ATTACKS: Record<string, { frames: () => Buffer[]; dropped: boolean }> = {
  "reserved bits set": { frames: () => [frame(pick([1, 2]), text("hello"), { rsv: 1 + int(7) })], dropped: true },
  "an unknown opcode": { frames: () => [frame(pick([3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]), bytes(int(20)))], dropped: true },
  "a length header of 101 MiB (a browser's ws.send of 101 MiB)": { frames: () => [frame(2, bytes(16), { declared: 101n * 1024n * 1024n })], dropped: true },
  "a length header far over the limit": { frames: () => [frame(2, bytes(int(16)), { declared: pick([1025n, 65535n, 2n ** 53n, 2n ** 63n + 5n]) })], dropped: true },
  "a message over the limit": { frames: () => [frame(2, bytes(1025 + int(8192)))], dropped: true },
  "fragments adding up over the limit": {
    frames: () => [frame(1, text("a".repeat(600)), { fin: false }), frame(0, text("b".repeat(600)), { fin: false }), frame(0, text("c"))],
    dropped: true,
  },
  "a control frame over 125 bytes": { frames: () => [frame(pick([8, 9, 10]), bytes(126 + int(200)))], dropped: true },
  "a fragmented control frame": { frames: () => [frame(9, bytes(4), { fin: false })], dropped: true },
  "an unmasked frame": { frames: () => [frame(1, text("unmasked"), { masked: false })], dropped: true },
  "text that is not UTF-8": { frames: () => [frame(1, Buffer.from([0x61, 0xff, 0xfe, 0xc3]))], dropped: true },
  "a malformed close": {
    frames: () => [frame(8, pick([Buffer.from([3]), Buffer.from([0x03, 0xe7]), Buffer.from([0x03, 0xed]), Buffer.from([0x03, 0xe8, 0xff])]))],
    dropped: true,
  },
  "a continuation with nothing to continue": { frames: () => [frame(0, text("stray"))], dropped: true },
  "a message, then garbage": { frames: () => [frame(1, text("{}")), bytes(1 + int(256))], dropped: false },
  garbage: { frames: () => [bytes(1 + int(512))], dropped: false },
  "a frame cut short, then the client hangs up half way": { frames: () => [frame(2, bytes(100)).subarray(0, 2 + int(20))], dropped: false },
  "a ping flood": { frames: () => Array.from({ length: 50 + int(100) }, () => frame(9, bytes(int(125)))), dropped: false },
};

async function withServer(run: (server: PreviewServer, port: number) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "preview-fuzz-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body><main>Home</main></body></html>");
  const server = await startPreviewServer(dir, 0, () => {}, { limits: LIMITS });
  try {
    await run(server, Number(new URL(server.url).port));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A raw TCP connection to the preview; resolves once connected. */
function open(port: number): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect({ host: "127.0.0.1", port }, () => done(socket));
    socket.once("error", fail);
  });
}

/** Resolves true when the server closes `socket` within `ms`, false otherwise (the socket stays open). */
function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  if (socket.destroyed || socket.readableEnded) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    const closed = () => {
      clearTimeout(timer);
      done(true);
    };
    socket.once("close", closed).once("end", closed);
    socket.resume();
  });
}

/** A valid live-reload upgrade on a raw socket, as the preview's own page makes it; resolves once it is accepted. */
async function upgraded(port: number): Promise<Socket> {
  const socket = await open(port);
  socket.on("error", () => {});
  socket.write(
    [
      `GET /.preview-live?since=x HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      "Upgrade: websocket",
      "Connection: Upgrade",
      `Sec-WebSocket-Key: ${bytes(16).toString("base64")}`,
      "Sec-WebSocket-Version: 13",
      "",
      "",
    ].join("\r\n"),
  );
  const head = await new Promise<string>((done) => {
    let got = "";
    const onData = (chunk: Buffer) => {
      got += chunk.toString("latin1");
      if (got.includes("\r\n\r\n")) {
        socket.off("data", onData);
        done(got);
      }
    };
    socket.on("data", onData);
    socket.once("close", () => done(got));
  });
  assert.match(head, /^HTTP\/1\.1 101 /, "the upgrade is accepted");
  return socket;
}

/** One hostile WebSocket client: upgrade, send the attack, see whether the server hangs up (within `ms`). */
async function attack(port: number, name: string, ms = 300): Promise<boolean> {
  const socket = await upgraded(port);
  for (const piece of ATTACKS[name]!.frames()) {
    if (socket.destroyed) break;
    socket.write(piece);
  }
  if (name.includes("hangs up")) socket.end();
  const closed = await closedWithin(socket, ms);
  socket.destroy();
  return closed;
}

/** HTTP clients that never finish a request: one header line at a time (slowloris), or nothing at all. */
async function slowClient(port: number, kind: "slowloris" | "silent" | "half-open"): Promise<Socket> {
  const socket = await open(port);
  socket.on("error", () => {});
  if (kind === "half-open") {
    socket.end("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  } else if (kind === "slowloris") {
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(`X-${int(1e6)}: ${int(1e6)}\r\n`)), 100);
    socket.once("close", () => clearInterval(timer));
  }
  return socket;
}

/** Malformed HTTP: what the server answers (the status line), then it must hang up. */
async function malformedRequest(port: number, request: Buffer | string): Promise<string> {
  const socket = await open(port);
  socket.on("error", () => {});
  let got = "";
  socket.on("data", (chunk: Buffer) => (got += chunk.toString("latin1")));
  socket.write(request);
  await closedWithin(socket, 2_000);
  socket.destroy();
  return got.split("\r\n")[0] ?? "";
}

test("no client, however malformed or slow, stops the preview: afterwards it still serves pages and live reload", { timeout: 30_000 }, () =>
  withServer(async (server, port) => {
    const slow = await Promise.all([
      slowClient(port, "slowloris"),
      slowClient(port, "slowloris"),
      slowClient(port, "silent"),
      slowClient(port, "half-open"),
    ]);

    // A page that never reads what it is sent, while the preview keeps writing.
    const deaf = await upgraded(port);
    deaf.pause();

    const names = Object.keys(ATTACKS);
    for (let done = 0; done < CASES; done += AT_ONCE) {
      const batch = Array.from({ length: Math.min(AT_ONCE, CASES - done) }, (_, i) => (done + i < names.length ? names[done + i]! : pick(names)));
      await Promise.all(batch.map((name) => attack(port, name)));
      server.written("rest", Array.from({ length: 200 }, (_, i) => `${done}/${i}/index.html`));
    }

    const statuses = await Promise.all([
      malformedRequest(port, bytes(300)),
      malformedRequest(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: " + "a".repeat(20_000) + "\r\n\r\n"),
      malformedRequest(port, "GET /\0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
      malformedRequest(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n"),
      malformedRequest(port, "GET /.preview-live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 99\r\n\r\n"),
      malformedRequest(port, "POST /.preview-live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
      malformedRequest(port, "GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"),
    ]);
    for (const status of statuses) assert.match(status, /^(HTTP\/1\.1 [45]\d\d .*)?$/, "an error status, or none");
    assert.match(statuses[1]!, /^HTTP\/1\.1 431 /, "oversize headers: 431");

    // Slow clients are cut off, not kept for ever.
    const cut = await Promise.all(slow.map((socket) => closedWithin(socket, 5_000)));
    for (const socket of slow) socket.destroy();
    assert.deepEqual(cut, [true, true, true, true], "slowloris, slowloris, silent, half-open: each closed by the server");
    deaf.destroy();

    const page = await send(server.url, "/");
    assert.equal(page.status, 200);
    assert.match(page.body, /<main>Home<\/main>/);
    const live = new WebSocket(`${server.url.replace("http", "ws")}/.preview-live?since=x`, { origin: server.url });
    const heard: LiveMessage[] = [];
    live.on("message", (data) => heard.push(JSON.parse(String(data))));
    await new Promise((done, fail) => live.once("open", done).once("error", fail));
    server.written("article", ["2016/07/15/talks/index.html"]);
    await new Promise((done) => setTimeout(done, 200));
    live.close();
    assert.ok(
      heard.some((m) => "paths" in m && m.paths.includes("2016/07/15/talks/index.html")),
      `a live-reload connection made after the run hears a save: ${JSON.stringify(heard)}`,
    );
  }));

for (const [name, { dropped }] of Object.entries(ATTACKS)) {
  test(`after ${name}, the preview still serves pages${dropped ? ", and that client is dropped" : ""}`, { timeout: 10_000 }, () =>
    withServer(async (server, port) => {
      const closed = await attack(port, name, dropped ? 5_000 : 100);
      if (dropped) assert.ok(closed, "the server hung up");
      const page = await send(server.url, "/");
      assert.equal(page.status, 200);
      assert.match(page.body, /Home/);
    }));
}

test("a message over the size limit from a real WebSocket client closes that connection, and only that one", { timeout: 10_000 }, () =>
  withServer(async (server) => {
    const url = `${server.url.replace("http", "ws")}/.preview-live?since=x`;
    const calm = new WebSocket(url, { origin: server.url });
    const loud = new WebSocket(url, { origin: server.url });
    await Promise.all([calm, loud].map((ws) => new Promise((done) => ws.once("open", done))));
    const closed = new Promise<number>((done) => loud.once("close", (code) => done(code)));
    loud.on("error", () => {});
    loud.send(Buffer.alloc(64 * 1024, 1));
    assert.ok([1006, 1009].includes(await closed), "the sender is dropped");
    const heard = new Promise<string>((done) => calm.on("message", (data) => String(data).includes("talks") && done(String(data))));
    server.written("article", ["2016/07/15/talks/index.html"]);
    assert.match(await heard, /talks/, "another page still hears saves");
    calm.close();
  }));

test("a page that stops reading is dropped once unread saves pile up, and a new page still hears them", { timeout: 20_000 }, () =>
  withServer(async (server, port) => {
    const deaf = await upgraded(port);
    deaf.pause();
    // 1 MiB a save, 64 in all: past what the system buffers for a socket here (up to 36 MiB) and the preview's 4 MiB.
    const paths = Array.from({ length: 20_000 }, (_, i) => `2016/07/15/a-story-with-a-long-name-${String(i).padStart(5, "0")}/`);
    for (let i = 0; i < 64; i++) {
      server.written("rest", paths);
      await new Promise((done) => setImmediate(done));
    }
    // What the system holds is read at last: a page the preview dropped then sees its end.
    deaf.resume();
    assert.ok(await closedWithin(deaf, 5_000), "the page that did not read was dropped");
    const live = new WebSocket(`${server.url.replace("http", "ws")}/.preview-live?since=x`, { origin: server.url });
    await new Promise((done) => live.once("open", done));
    const heard = new Promise<string>((done) => live.on("message", (data) => String(data).includes("talks") && done(String(data))));
    server.written("article", ["2016/07/15/talks/index.html"]);
    assert.match(await heard, /talks/);
    live.close();
  }));
