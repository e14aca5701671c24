import { test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import { startDeskServer } from "../../src/desk/deskServer.ts";
import { DESK_PASSTHROUGH } from "../../src/desk/deskFiles.ts";
import { makeFixtureSite } from "../support/fixtureSite.ts";

/**
 * `npm start`'s web desk (src/desk/deskServer.ts): the page, its configuration for the local
 * backend, and decap-server's file API, on 127.0.0.1 and only for its own page.
 */

interface Reply {
  status: number;
  type: string;
  body: string;
}

/** A raw HTTP request, so that Host and Origin can be anything a browser or an attacker sends. */
function send(port: number, opts: { method?: string; path: string; host?: string; origin?: string; body?: unknown }): Promise<Reply> {
  return new Promise((done, fail) => {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request({
      host: "127.0.0.1", port, method: opts.method ?? "GET", path: opts.path,
      headers: {
        Host: opts.host ?? `127.0.0.1:${port}`,
        ...(opts.origin ? { Origin: opts.origin } : {}),
        ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}),
      },
    }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => done({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

async function withDesk(run: (port: number, root: string) => Promise<void>): Promise<void> {
  const site = makeFixtureSite();
  const desk = await startDeskServer({ root: site.root, port: 0, previewUrl: "http://localhost:8080", log: () => {} });
  try {
    const port = Number(new URL(desk.url).port);
    assert.match(desk.url, /^http:\/\/127\.0\.0\.1:\d+\/admin\/$/);
    await run(port, site.root);
  } finally {
    await desk.close();
    site.remove();
  }
}

test("the desk serves its page, and a configuration whose local backend is its own origin", async () => {
  await withDesk(async (port) => {
    const page = await send(port, { path: "/admin/" });
    assert.equal(page.status, 200);
    assert.match(page.body, /vendor\/decap-cms\.js/);
    assert.equal((await send(port, { path: "/admin/vendor/decap-cms.js" })).status, 200);
    assert.equal((await send(port, { path: "/admin/vendor/js-yaml.mjs" })).status, 200);
    assert.equal((await send(port, { path: "/assets/site.css" })).status, 200);
    assert.equal((await send(port, { path: "/admin/vendor/../../../package.json" })).status, 404);
    const config = JSON.parse((await send(port, { path: "/admin/config.json" })).body) as { cms: Record<string, unknown> };
    assert.deepEqual(config.cms.local_backend, { url: `http://127.0.0.1:${port}/api/v1` });
    assert.equal(config.cms.display_url, "http://localhost:8080");
  });
});

test("the file API answers the desk's own page and writes below the bulletin's folder", async () => {
  await withDesk(async (port, root) => {
    const origin = `http://127.0.0.1:${port}`;
    const info = await send(port, { method: "POST", path: "/api/v1", origin, body: { action: "info", params: { branch: "main" } } });
    assert.equal(info.status, 200);
    assert.equal((JSON.parse(info.body) as { type: string }).type, "local_fs");
    const path = "content/articles/2016/07/2016-07-16-from-the-api.md";
    const raw = "---\ntitle: From the API\ndate: 2016-07-16T10:00:00+03:00\n---\nText.\n";
    const saved = await send(port, {
      method: "POST", path: "/api/v1", origin,
      body: { action: "persistEntry", params: { branch: "main", dataFiles: [{ path, raw, slug: "x" }], assets: [], options: { commitMessage: "test", useWorkflow: false, status: "draft" } } },
    });
    assert.equal(saved.status, 200, saved.body);
    assert.equal(readFileSync(join(root, path), "utf8"), raw);
    // decap-server's own check: nothing outside the bulletin's folder.
    const outside = await send(port, {
      method: "POST", path: "/api/v1", origin,
      body: { action: "persistEntry", params: { branch: "main", dataFiles: [{ path: "../outside.md", raw, slug: "x" }], assets: [], options: { commitMessage: "x", useWorkflow: false, status: "draft" } } },
    });
    assert.equal(outside.status, 422);
    assert.equal(existsSync(join(root, "..", "outside.md")), false);
  });
});

test("another site's page, a request without an Origin, and a name rebound to 127.0.0.1 cannot use the file API", async () => {
  await withDesk(async (port, root) => {
    const body = { action: "persistEntry", params: { branch: "main", dataFiles: [{ path: "content/evil.md", raw: "x", slug: "x" }], assets: [], options: { commitMessage: "x", useWorkflow: false, status: "draft" } } };
    assert.equal((await send(port, { method: "POST", path: "/api/v1", origin: "https://evil.example", body })).status, 403);
    assert.equal((await send(port, { method: "POST", path: "/api/v1", body })).status, 403);
    assert.equal((await send(port, { method: "POST", path: "/api/v1", host: `evil.example:${port}`, origin: `http://evil.example:${port}`, body })).status, 421);
    assert.equal((await send(port, { path: "/admin/", host: `evil.example:${port}` })).status, 421);
    assert.equal(existsSync(join(root, "content", "evil.md")), false);
  });
});

test("the desk's files are found from the project, whatever folder the build starts in", () => {
  for (const from of Object.keys(DESK_PASSTHROUGH)) {
    assert.ok(isAbsolute(from), `${from} is absolute`);
    if (!from.includes("*")) {
      assert.ok(existsSync(from), from);
      continue;
    }
    const pattern = new RegExp(`^${basename(from).replaceAll(".", "\\.").replaceAll("*", ".*")}$`);
    assert.ok(readdirSync(dirname(from)).some((name) => pattern.test(name)), `${from} matches a file`);
  }
});
