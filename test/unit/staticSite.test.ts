import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { send, SERVERS, type RunningServer } from "./serverClients.ts";

/** What a leaked file would show: the first line of /etc/passwd, kept in a file of our own. */
const SECRET = "root:x:0:0:root:/root:/bin/bash\n";

/**
 * A site as the build may leave it: `site` is a link to the generation folder `gen-2`, beside
 * an older `gen-1` and a folder that is not the site's at all (`private/passwd`). Inside the
 * site, links that lead out of it, one that stays in, and a folder to be redirected to.
 */
function makeSite(opts: { notFoundLink?: boolean } = {}): { top: string; root: string } {
  const top = mkdtempSync(join(tmpdir(), "static-site-"));
  mkdirSync(join(top, "private"));
  writeFileSync(join(top, "private", "passwd"), SECRET);
  mkdirSync(join(top, "gen-1"));
  writeFileSync(join(top, "gen-1", "old.html"), `<!doctype html><p>${SECRET}</p>`);
  const gen = join(top, "gen-2");
  mkdirSync(join(gen, "2016", "07"), { recursive: true });
  writeFileSync(join(gen, "index.html"), "<!doctype html><html><body><main>Home</main></body></html>");
  writeFileSync(join(gen, "2016", "index.html"), "<!doctype html><html><body>2016</body></html>");
  writeFileSync(join(gen, "2016", "07", "index.html"), "<!doctype html><html><body>July</body></html>");
  if (opts.notFoundLink) symlinkSync(join(top, "private", "passwd"), join(gen, "404.html"));
  else writeFileSync(join(gen, "404.html"), "<!doctype html><html><body>Not found</body></html>");
  mkdirSync(join(gen, "ar"));
  writeFileSync(join(gen, "ar", "404.html"), '<!doctype html><html lang="ar" dir="rtl"><body>الصفحة غير موجودة</body></html>');
  symlinkSync(join(top, "private", "passwd"), join(gen, "passwd.txt"));
  symlinkSync("/etc/passwd", join(gen, "etc-passwd.txt"));
  symlinkSync(join(top, "private"), join(gen, "private"));
  symlinkSync(join(top, "gen-1", "old.html"), join(gen, "old.html"));
  symlinkSync(join(top, "gen-1"), join(gen, "2015"));
  symlinkSync(join(gen, "2016", "07"), join(gen, "july"));
  const root = join(top, "site");
  symlinkSync(gen, root);
  return { top, root };
}

async function withSite(start: (root: string) => Promise<RunningServer>, run: (origin: string) => Promise<void>, opts: { notFoundLink?: boolean } = {}): Promise<void> {
  const { top, root } = makeSite(opts);
  const server = await start(root);
  try {
    await run(server.origin);
  } finally {
    await server.close();
    rmSync(top, { recursive: true, force: true });
  }
}

/** Paths that lead through a link out of the site, as a browser or curl would ask for them. */
const OUTSIDE = ["/passwd.txt", "/etc-passwd.txt", "/private/passwd", "/old.html", "/2015/old.html", "/private", "/private/", "/2015", "/%70asswd.txt"];

/** Redirects an attacker would like: to another host, by `//`, `/\` or their encoded forms. */
const OFF_SITE = [
  "/%2Fevil.example%2F..%2F2016",
  "/%2F%2Fevil.example%2F..%2F..%2F2016",
  "/%5Cevil.example%2F..%2F2016",
  "/%5C%5Cevil.example%2F..%2F2016",
  "//evil.example/../2016",
  "/\\evil.example/..\\2016",
  "/%2Fevil.example%2F..%2F2016?next=//evil.example",
  "/%09/evil.example/../2016",
  "/./2016",
  "/2016/07/..",
];

for (const { name, start } of SERVERS) {
  test(`${name}: a file linked from inside the site to outside it is never sent`, () =>
    withSite(start, async (origin) => {
      for (const path of OUTSIDE) {
        const reply = await send(origin, path);
        assert.ok(reply.status === 403 || reply.status === 404, `${path}: status ${reply.status}`);
        assert.doesNotMatch(reply.body, /root:x:0:0/, `${path} sent the file outside the site`);
      }
    }));

  test(`${name}: a site whose folder is a link serves its pages, and links that stay inside it`, () =>
    withSite(start, async (origin) => {
      const home = await send(origin, "/");
      assert.equal(home.status, 200);
      assert.equal(home.headers["content-type"], "text/html; charset=utf-8");
      assert.match(home.body, /<main>Home<\/main>/);
      const july = await send(origin, "/july/");
      assert.equal(july.status, 200);
      assert.match(july.body, /July/);
    }));

  test(`${name}: a 404 page that is a link to outside the site is not sent either`, () =>
    withSite(
      start,
      async (origin) => {
        const reply = await send(origin, "/no/such/page/");
        assert.equal(reply.status, 404);
        assert.doesNotMatch(reply.body, /root:x:0:0/);
      },
      { notFoundLink: true },
    ));

  test(`${name}: a folder asked for without its slash is redirected to it, with the query`, () =>
    withSite(start, async (origin) => {
      const plain = await send(origin, "/2016");
      assert.equal(plain.status, 301);
      assert.equal(plain.headers.location, "/2016/");
      assert.equal((await send(origin, "/2016?page=2")).headers.location, "/2016/?page=2");
    }));

  test(`${name}: no URL, however encoded, is redirected to another host`, () =>
    withSite(start, async (origin) => {
      for (const path of OFF_SITE) {
        const reply = await send(origin, path);
        const location = reply.headers.location;
        if (location === undefined) continue;
        assert.match(location, /^\/(?![/\\])/, `${path} redirected to ${location}`);
        assert.equal(new URL(location, origin).origin, origin, `${path} redirected to ${location}`);
      }
    }));

  test(`${name}: only GET and HEAD are answered; HEAD has GET's headers and no body`, () =>
    withSite(start, async (origin) => {
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) {
        const reply = await send(origin, "/", { method });
        assert.equal(reply.status, 405, method);
        assert.equal(reply.headers.allow, "GET, HEAD", method);
      }
      const get = await send(origin, "/2016/");
      const head = await send(origin, "/2016/", { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(head.body, "");
      assert.equal(head.headers["content-type"], get.headers["content-type"]);
      assert.equal(head.headers["content-length"], String(Buffer.byteLength(get.body)));
      const missing = await send(origin, "/nothing/", { method: "HEAD" });
      assert.equal(missing.status, 404);
      assert.equal(missing.body, "");
    }));

  test(`${name}: a request naming another host is refused (DNS rebinding), its own names are answered`, () =>
    withSite(start, async (origin) => {
      const port = new URL(origin).port;
      for (const host of [`evil.example:${port}`, "evil.example", `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
        const reply = await send(origin, "/", { headers: { Host: host } });
        assert.equal(reply.status, 403, host);
        assert.doesNotMatch(reply.body, /Home/, host);
      }
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`, "localhost"]) {
        assert.equal((await send(origin, "/", { headers: { Host: host } })).status, 200, host);
      }
    }));

  test(`${name}: a miss below an edition's prefix gets that edition's not-found page, any other miss the site's`, () =>
    withSite(start, async (origin) => {
      const arabic = await send(origin, "/ar/2099/01/01/nothing/");
      assert.equal(arabic.status, 404);
      assert.match(arabic.body, /الصفحة غير موجودة/);
      const english = await send(origin, "/2099/01/01/nothing/");
      assert.equal(english.status, 404);
      assert.match(english.body, /Not found/);
    }));
}
