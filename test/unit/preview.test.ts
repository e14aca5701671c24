import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { article, hashTree, makeFixtureSite, FIXTURE_NOW, PROJECT_ROOT, type FixtureSite } from "../support/fixtureSite.ts";
import { startPreview, until, type PreviewProcess } from "../support/previewProcess.ts";
import { runBuild } from "../../src/publish/runBuild.ts";
import { LiveContent } from "../../src/preview/LiveContent.ts";
import { ImageCache } from "../../src/images/imageCache.ts";
import { PreviewSite } from "../../src/preview/PreviewSite.ts";
import type { LiveMessage } from "../../src/preview/previewServer.ts";
import { WebSocket } from "ws";

const TALKS = "content/articles/2016/07/2016-07-15-talks-after-midnight.md";
const TALKS_URL = "/2016/07/15/talks-after-midnight/";

/** The basic fixture with what a preview shows beside published stories: a draft, a scheduled story, an Arabic translation. */
/** `npm start` on a fresh fixture for `run`; the process and the fixture are gone after, however it ends. */
async function withPreview(run: (site: FixtureSite, preview: PreviewProcess) => Promise<void>): Promise<void> {
  const site = previewFixture();
  try {
    const preview = await startPreview(site);
    try {
      await run(site, preview);
    } finally {
      preview.stop();
    }
  } finally {
    site.remove();
  }
}

function previewFixture(): FixtureSite {
  return makeFixtureSite({
    "content/articles/2016/07/2016-07-16-draft-story.md": article("title: A draft nobody has seen\ndate: 2016-07-16T10:00:00+03:00\ntopics: [Syria]\ndraft: true"),
    "content/articles/2030/01/2030-01-01-scheduled.md": article("title: A story for later\ndate: 2030-01-01T10:00:00+03:00\npeople: [Putin]"),
    "content/articles/2016/07/2016-07-15-talks-ar.md": article(
      "title: المحادثات تستمر بعد منتصف الليل\ndate: 2016-07-15T01:00:00+03:00\nlang: ar\ntranslation: talks\ntopics: [Syria]",
      "استمرت المحادثات.",
    ),
    [TALKS]: article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\ndateline: Moscow\npeople: Vladimir Putin\ntopics: [Syria]\ntranslation: talks", "Talks went on after midnight, Damascus time."),
  });
}

test("the preview writes the same pages as npm run build with drafts included, byte for byte (the build's search index aside)", async () => {
  const site = previewFixture();
  const cwd = process.cwd();
  // Eleventy's config names its input and assets relative to the working folder.
  for (const code of ["src", "layouts"]) symlinkSync(join(PROJECT_ROOT, code), join(site.root, code));
  try {
    process.chdir(site.root);
    const built = join(site.root, "_site");
    const result = await runBuild({ root: site.root, output: built, now: FIXTURE_NOW, preview: true, log: () => {} });
    assert.ok(result.ok, "the fixture builds");

    const output = join(site.root, ".preview");
    const log: string[] = [];
    const content = new LiveContent({ root: site.root, now: FIXTURE_NOW, preview: true });
    const preview = new PreviewSite(content, {
      output,
      images: new ImageCache(join(site.root, ".bulletin-cache", "img")),
      assets: join(PROJECT_ROOT, "layouts", "assets"),
      log: (line) => log.push(line),
      written: () => {},
    });
    await preview.start();

    // The web desk (admin/) is served by npm start's desk server (src/desk/deskServer.ts), not from .preview/.
    const expected = [...hashTree(built)].filter(([path]) => !path.startsWith("pagefind") && !path.startsWith("admin/"));
    const previewed = [...hashTree(output)].filter(([path]) => !path.startsWith("admin/"));
    assert.deepEqual(previewed.map(([p]) => p), expected.map(([p]) => p), "the same files");
    for (const [path, hash] of expected) assert.equal(new Map(previewed).get(path), hash, `${path} has the build's text`);
    assert.ok(expected.some(([p]) => p === "2016/07/16/draft-story/index.html"), "the draft is among the pages compared");
  } finally {
    process.chdir(cwd);
    site.remove();
  }
});

test("a saved article's page is written first, with its translation when its address moved, then the listings that show it", async () => {
  const site = previewFixture();
  const output = join(site.root, ".preview");
  const phases: string[] = [];
  const written = new Map<string, string[]>();
  const content = new LiveContent({ root: site.root, now: FIXTURE_NOW, preview: true });
  const preview = new PreviewSite(content, {
    output,
    images: new ImageCache(join(site.root, ".bulletin-cache", "img")),
    assets: join(PROJECT_ROOT, "layouts", "assets"),
    log: () => {},
    written: (paths, phase) => {
      phases.push(phase);
      written.set(phase, paths);
    },
  });
  try {
    await preview.start();
    // A day earlier: a new address, which the Arabic translation links to.
    site.write(TALKS, article("title: Talks end at dawn\ndate: 2016-07-14T00:30:00+03:00\npeople: Vladimir Putin\ntopics: [Syria]\ntranslation: talks", "Talks ended at dawn."));
    preview.changed([join(site.root, TALKS)]);
    await until(() => phases.includes("rest"));
    assert.deepEqual(phases, ["site", "article", "nearby", "rest"]);
    assert.deepEqual(written.get("article"), [
      "2016/07/14/talks-after-midnight/index.html",
      "ar/2016/07/15/talks-ar/index.html",
      "2016/07/15/talks-after-midnight/index.html",
    ], "the article at its new address, its translation, the old address removed; nothing else");
    assert.ok(!existsSync(join(output, "2016/07/15/talks-after-midnight/index.html")));
    assert.match(readText(output, "ar/2016/07/15/talks-ar/index.html"), /href="\/2016\/07\/14\/talks-after-midnight\/"/);
    assert.ok(written.get("nearby")?.includes("2016/07/14/index.html"), "the new day's archive follows");
    assert.match(readText(output, "2016/07/14/index.html"), /Talks end at dawn/);
    assert.doesNotMatch(readText(output, "2016/07/15/index.html"), /Talks/);
  } finally {
    site.remove();
  }
});

async function get(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
}

test("npm start serves an edited article's new text, and a new draft appears on the home page, marked", () =>
  withPreview(async (site, preview) => {
    assert.match((await get(`${preview.url}${TALKS_URL}`)).text, /Talks went on after midnight/);
    site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\npeople: Vladimir Putin\ntopics: [Syria]\ntranslation: talks", "Talks went on until the zebras woke."));
    await until(async () => (await get(`${preview.url}${TALKS_URL}`)).text.includes("until the zebras woke"), preview.output);

    site.write("content/articles/2016/07/2016-07-17-new-story.md", article("title: A story filed this minute\ndate: 2016-07-17T09:00:00+03:00\ntopics: [Syria]\ndraft: true"));
    await until(async () => (await get(`${preview.url}/`)).text.includes("A story filed this minute"), preview.output);
    const page = await get(`${preview.url}/2016/07/17/new-story/`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<p class="badge">Draft<\/p>/);
  }));

test("npm start reports a broken article as file:LINE: message, keeps serving its last good page, and recovers when it is fixed", () =>
  withPreview(async (site, preview) => {
    site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 15 July 2016\npeople: Vladimir Putin", "A body that must not show."));
    await until(() => preview.output().includes(`${TALKS}:3: date:`), preview.output);
    assert.doesNotMatch(preview.output(), /\n\s+at /, "no stack trace");
    const kept = await get(`${preview.url}${TALKS_URL}`);
    assert.equal(kept.status, 200);
    assert.match(kept.text, /Talks went on after midnight/);
    assert.doesNotMatch(kept.text, /must not show/);

    const told = await liveProblems(preview.url);
    assert.equal(told.length, 1, "open pages are told the error");
    assert.match(told[0]!, /^content\/articles\/2016\/07\/2016-07-15-talks-after-midnight\.md:3: date: "15 July 2016" is not an ISO 8601 date/);

    site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\npeople: Vladimir Putin", "Fixed, and shown."));
    await until(async () => (await get(`${preview.url}${TALKS_URL}`)).text.includes("Fixed, and shown."), preview.output);
    assert.deepEqual(await liveProblems(preview.url), [], "and that it is fixed");
  }));

/** The errors the preview's live connection tells a page of the preview opened now (none: an empty list). */
async function liveProblems(url: string): Promise<string[]> {
  const since = /data-since="([^"]*)"/.exec((await get(`${url}/`)).text)![1]!;
  const socket = new WebSocket(`${url.replace("http", "ws")}/.preview-live?since=${encodeURIComponent(since)}`, { origin: url });
  let problems: string[] = [];
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as LiveMessage;
    if ("problems" in message) problems = message.problems;
  });
  await new Promise((done, fail) => socket.once("open", done).once("error", fail));
  await new Promise((done) => setTimeout(done, 300));
  socket.close();
  return problems;
}

test("npm start removes the page of a deleted article and takes it off its day's archive", () =>
  withPreview(async (site, preview) => {
    assert.match((await get(`${preview.url}/2016/07/15/`)).text, /Talks continue after midnight/);
    site.write(TALKS, undefined);
    await until(async () => (await get(`${preview.url}${TALKS_URL}`)).status === 404, preview.output);
    await until(async () => !(await get(`${preview.url}/2016/07/15/`)).text.includes("Talks continue after midnight"), preview.output);
  }));

test("npm start builds everything again when site.yaml changes: every page shows the new setting", () =>
  withPreview(async (site, preview) => {
    assert.match((await get(`${preview.url}/`)).text, /<span class="brand-name">Test Bulletin<\/span>/);
    const settings = readFileSync(join(site.root, "content/site.yaml"), "utf8");
    site.write("content/site.yaml", settings.replace("name: Test Bulletin", "name: Renamed Bulletin"));
    await until(async () => (await get(`${preview.url}/`)).text.includes('<span class="brand-name">Renamed Bulletin</span>'), preview.output);
    assert.match(preview.output(), /settings or code changed; building everything again/);
    assert.match((await get(`${preview.url}${TALKS_URL}`)).text, /Renamed Bulletin/, "every page, not only the home page");
  }));

test("the build process tells the errors of a save as file:LINE: message, warnings aside, and an empty list once fixed", async () => {
  const site = previewFixture();
  const told: string[][] = [];
  const preview = new PreviewSite(new LiveContent({ root: site.root, now: FIXTURE_NOW, preview: true }), {
    output: join(site.root, ".preview"),
    images: new ImageCache(join(site.root, ".bulletin-cache", "img")),
    assets: join(PROJECT_ROOT, "layouts", "assets"),
    log: () => {},
    written: () => {},
    problems: (lines) => told.push(lines),
  });
  try {
    await preview.start();
    assert.deepEqual(told, [[]], "the first build: nothing wrong");
    site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 15 July 2016\npeople: [Vladimir Putin, Zqx Newcomer]"));
    preview.changed([join(site.root, TALKS)]);
    await until(() => told.length === 2);
    assert.equal(told[1]!.length, 1, `one error; the new name's warning stays in the terminal: ${told[1]}`);
    assert.match(told[1]![0]!, /2016-07-15-talks-after-midnight\.md:3: date: "15 July 2016" is not an ISO 8601 date/);
    site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\npeople: Vladimir Putin"));
    preview.changed([join(site.root, TALKS)]);
    await until(() => told.length === 3);
    assert.deepEqual(told[2], []);
  } finally {
    site.remove();
  }
});

test("a changed stylesheet is copied into the preview alone, and open pages are told it is a stylesheet", async () => {
  const site = previewFixture();
  const assets = join(site.root, "assets-copy");
  cpSync(join(PROJECT_ROOT, "layouts", "assets"), assets, { recursive: true });
  const output = join(site.root, ".preview");
  const phases: { phase: string; paths: string[] }[] = [];
  const preview = new PreviewSite(new LiveContent({ root: site.root, now: FIXTURE_NOW, preview: true }), {
    output,
    images: new ImageCache(join(site.root, ".bulletin-cache", "img")),
    assets,
    log: () => {},
    written: (paths, phase) => phases.push({ phase, paths }),
  });
  try {
    await preview.start();
    const home = readText(output, "index.html");
    writeFileSync(join(assets, "site.css"), "body { color: rebeccapurple; }\n");
    preview.assetChanged(join(assets, "site.css"));
    await until(() => phases.some((p) => p.phase === "asset"));
    assert.equal(readText(output, "assets/site.css"), "body { color: rebeccapurple; }\n");
    assert.deepEqual(phases.at(-1), { phase: "asset", paths: ["assets/site.css"] });
    assert.equal(readText(output, "index.html"), home, "no page written again");
  } finally {
    site.remove();
  }
});

test("with BULLETIN_PREVIEW=0 the preview shows only what is published: no draft, no scheduled story, no preview banner", async () => {
  const site = previewFixture();
  const output = join(site.root, ".preview");
  const content = new LiveContent({ root: site.root, now: FIXTURE_NOW, preview: false });
  const preview = new PreviewSite(content, {
    output,
    images: new ImageCache(join(site.root, ".bulletin-cache", "img")),
    assets: join(PROJECT_ROOT, "layouts", "assets"),
    log: () => {},
    written: () => {},
  });
  try {
    await preview.start();
    assert.ok(existsSync(join(output, "2016/07/15/talks-after-midnight/index.html")));
    assert.ok(!existsSync(join(output, "2016/07/16/draft-story/index.html")), "no draft");
    assert.ok(!existsSync(join(output, "2030/01/01/scheduled/index.html")), "no scheduled story");
    assert.doesNotMatch(readText(output, "index.html"), /preview-banner/);
  } finally {
    site.remove();
  }
});

function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}
