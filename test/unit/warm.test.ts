import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { article, hashTree, makeFixtureSite, runBuildScript, startWarm, type FixtureSite } from "../support/fixtureSite.ts";
import { parseRequest, SOCKET } from "../../src/publish/warmServer.ts";

/**
 * `npm run warm` (src/publish/warmServer.ts): while it runs, `npm run build` hands it the
 * build. The equivalence of its builds with full builds, step after step of a newsroom's day,
 * is in test/unit/incremental.test.ts; here, what it must survive: a record another build
 * wrote or someone damaged, being killed in the middle of a build, a socket left behind, a
 * second one, and clients that send something else than a build.
 */
const A = "content/articles/2016/07";
const story = (n: number) => article(`title: Story number ${n}\ndate: 2016-07-16T0${n}:00:00+03:00\ntopics: [Syria]`);

function recordFile(root: string): string {
  const build = join(root, ".bulletin-cache", "build");
  return join(build, readdirSync(build).find((f) => f.endsWith(".json"))!);
}

/** The published site, but for the search index's files (their names change with each build of the index). */
function pages(root: string): Map<string, string> {
  return new Map([...hashTree(join(root, "_site"))].filter(([path]) => !path.startsWith("pagefind")));
}

async function coldPages(site: FixtureSite): Promise<Map<string, string>> {
  for (const name of readdirSync(site.root)) if (name.startsWith("_site")) rmSync(join(site.root, name), { recursive: true, force: true });
  rmSync(join(site.root, ".bulletin-cache", "build"), { recursive: true, force: true });
  const run = await runBuildScript(site.root, { BULLETIN_WARM: "0" });
  assert.equal(run.code, 0, run.output);
  return pages(site.root);
}

/**
 * A bulletin with `npm run warm` running, built through it twice (in full, then with story 1
 * filed); `cold`, a copy to build from nothing and compare with. Both removed after `run`.
 */
async function withWarmBulletin(run: (s: { site: FixtureSite; cold: FixtureSite; warm: Awaited<ReturnType<typeof startWarm>> }) => Promise<void>): Promise<void> {
  const site = makeFixtureSite({}, { code: true });
  const cold = makeFixtureSite({}, { code: true });
  const warm = await startWarm(site.root);
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    site.write(`${A}/2016-07-16-story-1.md`, story(1));
    const filed = await runBuildScript(site.root);
    assert.equal(filed.code, 0, filed.output);
    assert.doesNotMatch(filed.output, /Full build/);
    await run({ site, cold, warm });
  } finally {
    warm.kill();
    await warm.exited;
    site.remove();
    cold.remove();
  }
}

test("the warm build process trusts the record it keeps only while the file is the one it wrote", () => withWarmBulletin(async ({ site, cold, warm }) => {
  // A build by itself (BULLETIN_WARM=0) writes the record and the site: the warm process reads that record, not its own.
  site.write(`${A}/2016-07-16-story-2.md`, story(2));
  const alone = await runBuildScript(site.root, { BULLETIN_WARM: "0" });
  assert.match(alone.output, /^1 story added: /m);
  site.write(`${A}/2016-07-16-story-3.md`, story(3));
  const after = await runBuildScript(site.root);
  assert.equal(after.code, 0, after.output);
  assert.match(after.output, /^1 story added: /m, "incremental, from the record the other build wrote");
  assert.equal(warm.output().match(/ build: exit 0 in /g)?.length, 3, warm.output());

  // A damaged record is found damaged, as by a build by itself.
  const record = recordFile(site.root);
  writeFileSync(record, readFileSync(record, "utf8").slice(0, 200));
  site.write(`${A}/2016-07-16-story-4.md`, story(4));
  const damaged = await runBuildScript(site.root);
  assert.match(damaged.output, /^Full build: the record of the previous build is damaged \(truncated or changed\)\.$/m);
  assert.equal(warm.output().match(/ build: exit 0 in /g)?.length, 4, warm.output());

  for (const n of [1, 2, 3, 4]) cold.write(`${A}/2016-07-16-story-${n}.md`, story(n));
  assert.deepEqual(pages(site.root), await coldPages(cold));
}));

test("a warm build process killed during a build: npm run build builds by itself, and a new one takes the socket it left", async () => {
  const site = makeFixtureSite({}, { code: true });
  const cold = makeFixtureSite({}, { code: true });
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    const dying = await startWarm(site.root, { BULLETIN_FAULT: "kill:staged" });
    site.write(`${A}/2016-07-16-story-1.md`, story(1));
    const run = await runBuildScript(site.root);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^\(The warm build process stopped during the build\. Building here\.\)$/m);
    assert.match(run.output, /^1 story added: /m);
    assert.equal((await dying.exited).signal, "SIGKILL");

    // Its socket is still there, with nobody behind it: builds go on by themselves, saying nothing of it.
    assert.ok(existsSync(join(site.root, SOCKET)));
    site.write(`${A}/2016-07-16-story-2.md`, story(2));
    const alone = await runBuildScript(site.root);
    assert.equal(alone.code, 0, alone.output);
    assert.doesNotMatch(alone.output, /warm/);

    const warm = await startWarm(site.root);
    try {
      const second = await startWarm(site.root).then(() => "started", (error: Error) => error.message);
      assert.match(second, /a warm build process already runs for .*\.\n/, "a second one does not take the socket of the first");
      assert.equal(statSync(join(site.root, SOCKET)).mode & 0o777, 0o600, "only its user may connect");
      assert.equal(statSync(join(site.root, SOCKET, "..")).mode & 0o777, 0o700);
      site.write(`${A}/2016-07-16-story-3.md`, story(3));
      assert.equal((await runBuildScript(site.root)).code, 0);
      assert.match(warm.output(), / build: exit 0 in /);
    } finally {
      warm.kill();
      assert.equal((await warm.exited).code, 0);
    }
    assert.ok(!existsSync(join(site.root, SOCKET)), "it removes its socket when it stops");
    for (const n of [1, 2, 3]) cold.write(`${A}/2016-07-16-story-${n}.md`, story(n));
    assert.deepEqual(pages(site.root), await coldPages(cold));
  } finally {
    site.remove();
    cold.remove();
  }
});

test("bad content handed to the warm build process: every problem as file:LINE, exit 1, _site/ as it was; fixed, the next build is right", () => withWarmBulletin(async ({ site, cold, warm }) => {
  const before = hashTree(join(site.root, "_site"));
  site.write(`${A}/2016-07-16-bad.md`, article("title: Talks\ndate: 2016-02-30T10:00:00+03:00\ntopics: [Syria]"));
  site.write(`${A}/2016-07-16-story-2.md`, article("title: Story number 2\ndate: 2016-07-16T02:00:00+03:00\npeople: [Vladimir Putn]"));
  const bad = await runBuildScript(site.root);
  assert.equal(bad.code, 1, bad.output);
  assert.match(bad.output, /^content\/articles\/2016\/07\/2016-07-16-bad\.md:3: date: "2016-02-30T10:00:00\+03:00" is not a real date: February 2016 has 29 days$/m);
  assert.match(bad.output, /^content\/articles\/2016\/07\/2016-07-16-story-2\.md:4: .*Vladimir Putin/m);
  assert.match(bad.output, /^Build failed: 2 errors\. _site\/ was left as it was\.$/m);
  assert.doesNotMatch(bad.output, /^\s+at /m, "no stack trace");
  assert.deepEqual(hashTree(join(site.root, "_site")), before, "_site/ byte for byte as it was");
  assert.match(warm.output(), / build: exit 1 in /, "the warm build process ran it");

  site.write(`${A}/2016-07-16-bad.md`, undefined);
  site.write(`${A}/2016-07-16-story-2.md`, story(2));
  const fixed = await runBuildScript(site.root);
  assert.equal(fixed.code, 0, fixed.output);
  assert.match(fixed.output, /^1 story added: /m);
  for (const n of [1, 2]) cold.write(`${A}/2016-07-16-story-${n}.md`, story(n));
  assert.deepEqual(pages(site.root), await coldPages(cold));
}));

/** Sends `text` to the socket in `root`; what came back before it closed. */
function ask(root: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(join(root, SOCKET));
    let answer = "";
    socket.on("data", (d) => (answer += d.toString()));
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
    socket.write(text);
  });
}

test("the warm build process builds only its own bulletin, for a client on the same Node, and refuses anything else", { timeout: 120_000 }, async () => {
  const site = makeFixtureSite({}, { code: true });
  const warm = await startWarm(site.root);
  try {
    const request = (fields: object) => `${JSON.stringify({ build: { root: site.root, node: process.version, args: [], ...fields } })}\n`;
    assert.match(await ask(site.root, request({ root: "/" })), /^\{"refused":"it builds .*, not \/"\}\n$/);
    assert.match(await ask(site.root, request({ node: "v0.0.1" })), /^\{"refused":"it runs Node v\d+.*, not v0\.0\.1"\}\n$/);
    assert.match(await ask(site.root, "not json\n"), /^\{"refused":"the request is not JSON"\}\n$/);
    assert.match(await ask(site.root, `${"x".repeat(70 * 1024)}`), /^\{"refused":"the request is too long"\}\n$/);
    assert.match(await ask(site.root, request({ args: [1] })), /"refused":"the request's arguments are not strings"/);
    assert.equal(await ask(site.root, ""), "", "a client that says nothing is let go (after 10 s)");
    assert.ok(!existsSync(join(site.root, "_site")), "none of them built anything");
    // A build asked for properly, with the clock the client gives.
    const answer = await ask(site.root, request({ env: { BULLETIN_NOW: "2020-01-01T00:00:00+03:00", PATH: "/nowhere" } }));
    assert.match(answer, /"out":"Built \d+ pages into _site\/ in [\d.]+ s\."/);
    assert.match(answer, /\{"exit":0\}\n$/);
    assert.ok(existsSync(join(site.root, "_site", "index.html")));
  } finally {
    warm.kill();
    await warm.exited;
    site.remove();
  }
});

test("a request keeps only what a build reads of the client's environment", () => {
  const parsed = parseRequest(JSON.stringify({ build: { root: "/b", node: "v20", args: ["--full"], env: { BULLETIN_NOW: "2016-07-16T09:00:00+03:00", BULLETIN_PREVIEW: "1", NODE_OPTIONS: "--require /tmp/x.js", BULLETIN_FAULT: "kill:staged" } } }));
  assert.deepEqual(parsed, { root: "/b", node: "v20", args: ["--full"], env: { BULLETIN_NOW: "2016-07-16T09:00:00+03:00", BULLETIN_PREVIEW: "1" } });
  assert.equal(parseRequest(JSON.stringify({ build: { root: "/b", node: "v20", args: [], env: "x" } })), "the request's environment is not an object");
  assert.equal(parseRequest("null"), "the request asks for no build");
});
