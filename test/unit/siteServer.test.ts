import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hostCheck } from "../../src/serve/hosts.ts";
import { createSiteServer, listen, ListenError, type ServerLimits } from "../../src/serve/siteServer.ts";
import { siteHandler } from "../../src/serve/staticSite.ts";
import { send } from "./serverClients.ts";

// The HTTP server both `npm run serve` and `npm start` run (src/serve/siteServer.ts): slow and
// malformed clients are answered and cut off, a taken port is reported in a sentence.

const SHORT: ServerLimits = { headersTimeout: 500, requestTimeout: 1_000, keepAliveTimeout: 500, idleTimeout: 2_000, checkEvery: 100 };
const SERVE = fileURLToPath(new URL("../../scripts/serve.ts", import.meta.url));

function siteDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "site-server-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body><main>Home</main></body></html>");
  return dir;
}

async function withSiteServer(run: (origin: string) => Promise<void>): Promise<void> {
  const dir = siteDir();
  const server = createSiteServer(siteHandler(dir, { hosts: hostCheck("127.0.0.1") }), { limits: SHORT, log: () => {} });
  const port = await listen(server, { port: 0, host: "127.0.0.1", log: () => {} });
  try {
    await run(`http://127.0.0.1:${port}`);
  } finally {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sends `request` (all at once, or a header line every 100 ms and never the end) and collects the answer until the server hangs up. */
function rawExchange(origin: string, request: string, opts: { slowly?: boolean } = {}): Promise<string> {
  const { port } = new URL(origin);
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port: Number(port) });
    let got = "";
    let timer: NodeJS.Timeout | undefined;
    socket.on("data", (chunk: Buffer) => (got += chunk.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      done(got);
    });
    socket.write(request);
    if (opts.slowly) timer = setInterval(() => socket.write(`X-Slow: ${Date.now()}\r\n`), 100);
  });
}

/** A port on 127.0.0.1 that something else holds. */
async function takenPort(): Promise<{ port: number; release(): Promise<void> }> {
  const holder: Server = createServer();
  await new Promise<void>((listening) => holder.listen(0, "127.0.0.1", listening));
  return { port: (holder.address() as AddressInfo).port, release: () => new Promise((closed) => holder.close(() => closed())) };
}

test("a client that sends its headers a line at a time is answered 408 and cut off, while others are served", () =>
  withSiteServer(async (origin) => {
    const slow = rawExchange(origin, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", { slowly: true });
    assert.equal((await send(origin, "/")).status, 200, "served meanwhile");
    assert.match(await slow, /^HTTP\/1\.1 408 /);
  }));

test("a malformed request is answered 400, oversize headers 431, and the server goes on", () =>
  withSiteServer(async (origin) => {
    assert.match(await rawExchange(origin, "NOT HTTP AT ALL\r\n\r\n"), /^HTTP\/1\.1 400 /);
    assert.match(await rawExchange(origin, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`), /^HTTP\/1\.1 431 /);
    assert.match(await rawExchange(origin, "GET / HTTP/1.1\r\n\r\n"), /^HTTP\/1\.1 400 /, "no Host header");
    assert.equal((await send(origin, "/")).status, 200);
  }));

test("a taken port: the next one is listened on, and the terminal is told", async () => {
  const taken = await takenPort();
  const dir = siteDir();
  const server = createSiteServer(siteHandler(dir, { hosts: hostCheck("127.0.0.1") }));
  const lines: string[] = [];
  try {
    const port = await listen(server, { port: taken.port, host: "127.0.0.1", log: (line) => lines.push(line) });
    assert.ok(port > taken.port);
    assert.equal(lines[0], `Port ${taken.port} is in use; trying ${taken.port + 1}.`);
  } finally {
    server.close();
    await taken.release();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a taken port with no other to try is a sentence, not a stack trace", async () => {
  const taken = await takenPort();
  const dir = siteDir();
  const server = createSiteServer(siteHandler(dir, { hosts: hostCheck("127.0.0.1") }));
  try {
    await assert.rejects(listen(server, { port: taken.port, host: "127.0.0.1", tries: 1, log: () => {} }), (error: Error) => {
      assert.ok(error instanceof ListenError);
      assert.equal(error.message, `Cannot listen on 127.0.0.1: port ${taken.port} is in use. Stop what uses it, or pick another port.`);
      return true;
    });
  } finally {
    await taken.release();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** `npm run serve` with `PORT`; what it printed once it listens or ends, and the URL it serves at. */
async function runServe(port: number, args: string[] = []): Promise<{ output: string; url?: string; code: number | null; stop(): void }> {
  const dir = siteDir();
  const child = spawn(process.execPath, ["--import", "tsx", SERVE, dir, ...args], { env: { ...process.env, PORT: String(port) } });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const ended = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const stop = () => {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const outcome = await Promise.race([
    ended,
    new Promise<"listening">((done) => child.stdout.on("data", () => /Serving .* at http/.test(output) && done("listening"))),
    new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 30_000).unref()),
  ]);
  const url = /Serving .* at (http:\/\/\S+?)\/?$/m.exec(output)?.[1];
  return { output, url, code: outcome === "listening" || outcome === "timeout" ? null : outcome, stop };
}

test("npm run serve on a taken port says so and serves on the next one", async () => {
  const taken = await takenPort();
  const serve = await runServe(taken.port);
  try {
    assert.match(serve.output, new RegExp(`^Port ${taken.port} is in use; trying ${taken.port + 1}\\.$`, "m"));
    assert.doesNotMatch(serve.output, /EADDRINUSE|\n\s+at /, "no stack trace");
    assert.ok(serve.url, serve.output);
    assert.match(serve.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await send(serve.url, "/")).status, 200);
  } finally {
    serve.stop();
    await taken.release();
  }
});

test("npm run serve -- --strict-port on a taken port stops with one sentence", async () => {
  const taken = await takenPort();
  const serve = await runServe(taken.port, ["--strict-port"]);
  try {
    assert.equal(serve.code, 1, serve.output);
    assert.equal(serve.output.trim(), `Cannot listen on 127.0.0.1: port ${taken.port} is in use. Stop what uses it, or pick another port.`);
  } finally {
    serve.stop();
    await taken.release();
  }
});
