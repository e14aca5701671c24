import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WebSocket } from "ws";
import { startPreviewServer, type LiveMessage, type PreviewServer } from "../../src/preview/previewServer.ts";
import { ar, en } from "../../src/i18n/strings.ts";

/** A preview server on a small folder: a home page, an article, a stylesheet, no 404 page. */
async function withServer(run: (server: PreviewServer, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "preview-server-"));
  mkdirSync(join(dir, "2016", "07", "15", "talks"), { recursive: true });
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><html><body><main>Home</main></body></html>");
  writeFileSync(join(dir, "2016", "07", "15", "talks", "index.html"), "<!doctype html><html><body>Talks</body></html>");
  mkdirSync(join(dir, "ar"));
  writeFileSync(join(dir, "ar", "index.html"), '<!doctype html><html lang="ar" dir="rtl"><body><main>الرئيسية</main></body></html>');
  writeFileSync(join(dir, "assets", "site.css"), "body { color: black; }");
  const server = await startPreviewServer(dir, 0, () => {});
  try {
    await run(server, dir);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The live-reload script's settings in a served page. */
async function served(url: string): Promise<{ status: number; since: string; pages: string[]; labels: Record<string, string>; html: string }> {
  const response = await fetch(url);
  const html = await response.text();
  const tag = /<script src="\/\.preview-live\/client\.js" data-since="([^"]*)" data-pages="([^"]*)" data-labels="([^"]*)"><\/script><\/body>/.exec(html);
  assert.ok(tag, `the live-reload script, last in the body, in ${html}`);
  const attribute = (text: string) => JSON.parse(text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"));
  return { status: response.status, since: tag[1]!, pages: attribute(tag[2]!), labels: attribute(tag[3]!), html };
}

/** The messages a page connecting with `since` gets within a moment. */
async function messagesFor(server: PreviewServer, since: string): Promise<LiveMessage[]> {
  const socket = new WebSocket(`${server.url.replace("http", "ws")}/.preview-live?since=${encodeURIComponent(since)}`);
  const messages: LiveMessage[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data))));
  await new Promise((done, fail) => socket.once("open", done).once("error", fail));
  await new Promise((done) => setTimeout(done, 200));
  socket.close();
  return messages;
}

test("a page is served with the live-reload script naming its own file and the last write", () =>
  withServer(async (server) => {
    const home = await served(`${server.url}/`);
    assert.equal(home.status, 200);
    assert.deepEqual(home.pages, ["index.html"]);
    assert.match(home.since, /^\w+:0$/);
    assert.match(home.html, /<main>Home<\/main>/);
    server.written("article", ["2016/07/15/talks/index.html"]);
    const talks = await served(`${server.url}/2016/07/15/talks/`);
    assert.deepEqual(talks.pages, ["2016/07/15/talks/index.html"]);
    assert.equal(talks.since, home.since.replace(/0$/, "1"));
  }));

test("a missing page reloads when it is written: it names the file it would be, and the 404 page", () =>
  withServer(async (server) => {
    const missing = await served(`${server.url}/2016/07/17/new-story/`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.pages, ["2016/07/17/new-story/index.html", "404.html"]);
  }));

test("stylesheets and other files are served as they are, without the script", () =>
  withServer(async (server) => {
    const response = await fetch(`${server.url}/assets/site.css`);
    assert.equal(response.headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal(await response.text(), "body { color: black; }");
    const client = await fetch(`${server.url}/.preview-live/client.js`);
    assert.equal(client.status, 200);
    assert.match(await client.text(), /location\.reload\(\)/);
  }));

test("a page that connects late is told the writes made since it was served, and only those", () =>
  withServer(async (server) => {
    const { since } = await served(`${server.url}/`);
    server.written("article", ["2016/07/15/talks/index.html"]);
    server.written("nearby", ["index.html", "2016/07/15/index.html"]);
    const missed = await messagesFor(server, since);
    assert.deepEqual(
      missed.map((m) => ("paths" in m ? m.paths : m)),
      [["2016/07/15/talks/index.html"], ["index.html", "2016/07/15/index.html"]],
    );
    const { since: now } = await served(`${server.url}/`);
    assert.deepEqual(await messagesFor(server, now), [], "nothing for a page served after the writes");
  }));

test("a page served by an earlier npm start, with a number it cannot know, or too far behind, reloads once", () =>
  withServer(async (server) => {
    assert.deepEqual(await messagesFor(server, "earlier:3"), [{ reload: true }]);
    assert.deepEqual(await messagesFor(server, "nonsense"), [{ reload: true }]);
    const { since } = await served(`${server.url}/`);
    for (let i = 0; i < 501; i++) server.written("rest", [`page-${i}/index.html`]);
    assert.deepEqual(await messagesFor(server, since), [{ reload: true }], "more writes missed than the server keeps: reload rather than guess");
  }));

test("open pages hear of writes as they happen", () =>
  withServer(async (server) => {
    const { since } = await served(`${server.url}/`);
    const socket = new WebSocket(`${server.url.replace("http", "ws")}/.preview-live?since=${since}`);
    await new Promise((done) => socket.once("open", done));
    const heard = new Promise<LiveMessage>((done) => socket.once("message", (data) => done(JSON.parse(String(data)))));
    server.written("asset", ["assets/site.css"]);
    const message = await heard;
    socket.close();
    assert.ok("phase" in message);
    assert.equal(message.phase, "asset");
    assert.deepEqual(message.paths, ["assets/site.css"]);
  }));

test("a page opened while a save has errors is told them at once; open pages hear them come and go", () =>
  withServer(async (server) => {
    const broken = "content/articles/2016/07/2016-07-15-talks.md:3: date: \"15 July\" is not an ISO 8601 date such as 2016-07-15T14:20:00+03:00";
    server.problems([broken]);
    const { since } = await served(`${server.url}/`);
    assert.deepEqual(await messagesFor(server, since), [{ id: since, problems: [broken], total: 1 }], "opened after the error: told it on connecting");

    const socket = new WebSocket(`${server.url.replace("http", "ws")}/.preview-live?since=${since}`);
    const heard: LiveMessage[] = [];
    socket.on("message", (data) => heard.push(JSON.parse(String(data))));
    await new Promise((done) => socket.once("open", done));
    await new Promise((done) => setTimeout(done, 100));
    server.problems([broken]);
    server.problems([]);
    server.problems([]);
    await new Promise((done) => setTimeout(done, 200));
    socket.close();
    assert.deepEqual(heard.map((m) => ("problems" in m ? m.problems : m)), [[broken], []], "the current errors on connecting, then fixed; the same errors again are no news");

    const { since: fixed } = await served(`${server.url}/`);
    assert.deepEqual(await messagesFor(server, fixed), [], "a page opened once fixed hears nothing");
    assert.deepEqual(await messagesFor(server, since).then((m) => m.map((x) => ("problems" in x ? x.problems : x))), [[]], "a page that was away while it was fixed catches up");
  }));

test("a page is told the first 20 problems, each cut to 1,000 characters, and how many there are", () =>
  withServer(async (server) => {
    const many = Array.from({ length: 25 }, (_, i) => `content/articles/a-${i}.md:1: title: is required`);
    many[0] = `content/articles/long.md:2: title: ${"x".repeat(5000)}`;
    server.problems(many);
    const { since } = await served(`${server.url}/`);
    const [message] = await messagesFor(server, since);
    assert.ok(message && "problems" in message);
    assert.equal(message.total, 25);
    assert.equal(message.problems.length, 20);
    assert.equal(message.problems[0]!.length, 1000);
    assert.deepEqual(message.problems.slice(1), many.slice(1, 20));
  }));

test("the problems overlay speaks the page's language: Arabic on an Arabic page, English otherwise", () =>
  withServer(async (server) => {
    const arabic = await served(`${server.url}/ar/`);
    assert.equal(arabic.labels.title, ar.previewProblemsTitle);
    assert.equal(arabic.labels.dismiss, ar.dismiss);
    const english = await served(`${server.url}/`);
    assert.deepEqual(english.labels, { title: en.previewProblemsTitle, note: en.previewProblemsNote, more: en.previewProblemsMore, dismiss: en.dismiss });
    const missing = await served(`${server.url}/nowhere/`);
    assert.equal(missing.labels.title, en.previewProblemsTitle, "the page before the first build");
  }));
