import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WebSocket } from "ws";
import { startPreviewServer, type PreviewServer } from "../../src/preview/previewServer.ts";
import { exposureWarning, hostCheck, isLoopback, localUrl } from "../../src/serve/hosts.ts";

// Who may read the preview: it shows drafts and embargoed stories, so only this machine's
// browser, at the preview's own address, unless the writer opens it with --host.

const DRAFT = "2016/07/16/draft-story/index.html";

async function withServer(run: (server: PreviewServer) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "preview-access-"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body><main>Home</main></body></html>");
  const server = await startPreviewServer(dir, 0, () => {});
  try {
    await run(server);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Opens the live-reload connection as a browser would from a page at `origin`; what it hears within a moment, or why it was refused. */
async function liveFrom(server: PreviewServer, opts: { origin?: string; host?: string }): Promise<{ refused?: string; heard: string[] }> {
  const { port } = new URL(server.url);
  const headers: Record<string, string> = opts.host ? { Host: opts.host } : {};
  const socket = new WebSocket(`ws://127.0.0.1:${port}/.preview-live?since=nonsense:0`, { origin: opts.origin, headers });
  const heard: string[] = [];
  socket.on("message", (data) => heard.push(String(data)));
  const refused = await new Promise<string | undefined>((done) => {
    socket.once("open", () => done(undefined));
    socket.once("error", (error) => done(error.message));
  });
  if (!refused) {
    await new Promise((done) => setTimeout(done, 150));
    socket.close();
  }
  return { refused, heard };
}

test("the preview listens on this machine only: its other addresses refuse connections", (t) =>
  withServer(async (server) => {
    assert.match(server.url, /^http:\/\/(127\.0\.0\.1|localhost):\d+$/);
    assert.equal((await fetch(`${server.url}/`)).status, 200, "the printed URL answers");
    const { port } = new URL(server.url);
    const others = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((a) => !a.internal && !a.address.startsWith("fe80:"))
      .map((a) => a.address);
    if (others.length === 0) return void t.skip("this machine has no address but loopback");
    for (const address of others) {
      const outcome = await new Promise<string>((done) => {
        const socket = connect({ host: address, port: Number(port) });
        socket.once("connect", () => {
          socket.destroy();
          done("connected");
        });
        socket.once("error", (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
      });
      assert.equal(outcome, "ECONNREFUSED", `${address}:${port}`);
    }
  }));

test("a page of another site cannot open the live-reload connection, nor hear which drafts were saved", () =>
  withServer(async (server) => {
    server.written("article", [DRAFT]);
    const { port } = new URL(server.url);
    for (const origin of ["http://evil.example", `http://evil.example:${port}`, `http://localhost:${Number(port) + 1}`, "null", "file://"]) {
      const { refused, heard } = await liveFrom(server, { origin });
      assert.match(refused ?? "connected", /403/, `Origin ${origin}`);
      assert.equal(heard.length, 0, `Origin ${origin} heard ${heard.join()}`);
    }
  }));

test("a page of the preview itself, under any of its names, hears the saves", () =>
  withServer(async (server) => {
    server.written("article", [DRAFT]);
    const { port } = new URL(server.url);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const { refused, heard } = await liveFrom(server, { origin: `http://${host}`, host });
      assert.equal(refused, undefined, host);
      assert.match(heard.join(), /reload/, host);
    }
  }));

test("a page on a rebound name (DNS rebinding) cannot open the live-reload connection", () =>
  withServer(async (server) => {
    server.written("article", [DRAFT]);
    const { port } = new URL(server.url);
    const { refused, heard } = await liveFrom(server, { origin: `http://evil.example:${port}`, host: `evil.example:${port}` });
    assert.match(refused ?? "connected", /403/);
    assert.deepEqual(heard, []);
  }));

test("the names a server answers for: its own and, on every interface, its addresses, never another site's", () => {
  const loopback = hostCheck("127.0.0.1");
  assert.equal(loopback("192.0.2.2:8080"), false, "on loopback, another address is not a name it is served under");
  const everywhere = hostCheck("0.0.0.0");
  assert.equal(everywhere("192.0.2.2:8080"), true, "on every interface, others reach it by address");
  assert.equal(everywhere("[fd00::2]:8080"), true);
  assert.equal(everywhere("evil.example:8080"), false, "but never by another site's name");
  const named = hostCheck("bulletin.lan");
  assert.equal(named("bulletin.lan:8080"), true);
  assert.equal(named("evil.example:8080"), false);
});

test("--host beyond this machine prints a warning naming the drafts, and a URL that works", () => {
  for (const host of ["127.0.0.1", "localhost", "::1", "[::1]"]) {
    assert.ok(isLoopback(host), host);
    assert.equal(exposureWarning(host, 8080), undefined, host);
  }
  for (const host of ["0.0.0.0", "::", "192.0.2.2", "bulletin.lan"]) {
    assert.match(exposureWarning(host, 8080) ?? "", /^Warning: .*drafts/, host);
  }
  assert.match(exposureWarning("192.0.2.2", 8080)!, /http:\/\/192\.0\.2\.2:8080/);
  assert.equal(localUrl("0.0.0.0", 8080), "http://127.0.0.1:8080", "the URL printed for every interface works here");
  assert.equal(localUrl("::1", 8080), "http://[::1]:8080");
});

test("npm start takes --host, and the address it prints answers", async () => {
  const root = mkdtempSync(join(tmpdir(), "preview-host-"));
  const start = fileURLToPath(new URL("../../scripts/start.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", start, "--root", root, "--port", "0", "--host", "127.0.0.1"], {
    detached: true,
    env: { ...process.env, DEBUG: "" },
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise((done) => child.once("exit", done));
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "Preview at" line in: ${output}`)), 30_000);
      const look = () => {
        const found = /Preview at (http:\/\/\S+?)\/? /.exec(output);
        if (found) {
          clearTimeout(timer);
          done(found[1]!);
        }
      };
      child.stdout.on("data", look);
      child.once("exit", () => {
        clearTimeout(timer);
        fail(new Error(`npm start ended: ${output}`));
      });
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(output, /Warning/, "no warning on loopback");
    assert.ok([200, 404].includes((await fetch(`${url}/`)).status));
  } finally {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    rmSync(root, { recursive: true, force: true });
  }
});
