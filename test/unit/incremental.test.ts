import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { article, hashTree, makeFixtureSite, runBuildScript, startWarm, type FixtureSite } from "../support/fixtureSite.ts";
import { siteTexts } from "../fixtures/writers/deskSite.ts";

/**
 * The incremental build writes, file for file, what a full build of the same content writes.
 * A bulletin (the basic fixture, its own copy of the code) goes through a newsroom's day of
 * changes; after each, `npm run build` updates its published site incrementally, and a second
 * copy of the same bulletin is built from nothing. The two sites must be the same: every page,
 * feed, sitemap and image byte for byte, and the search indexes by their pages and words.
 */
const IMAGE = fileURLToPath(new URL("../fixtures/images/small.png", import.meta.url));
const A = "content/articles/2016/07";
const LAST_YEAR = "content/articles/2015/12/2015-12-31-year-end.md";
const yearEnd = (more = "") => article(`title: The year ends quietly\ndate: 2015-12-31T20:00:00+03:00\ntopics: [Syria]${more}`, "The last story of the year.");

type Step = { name: string; full?: RegExp; change(site: FixtureSite): void; env?: Record<string, string> };

const steps: Step[] = [
  {
    name: "file a story",
    change: (s) => s.write(`${A}/2016-07-16-new-story.md`, article("title: A story filed this morning\ndate: 2016-07-16T09:00:00+03:00\ndateline: Damascus\npeople: [Vladimir Putin]\ntopics: [Syria]", "The first paragraph of the new story.")),
  },
  // The sitemap is split by year here (`sitemapMaxUrls` below): last year's file is left as it is until a story of that year changes.
  { name: "file a story dated last year", change: (s) => s.write(LAST_YEAR, yearEnd()) },
  {
    name: "edit a headline",
    change: (s) => s.write(`${A}/2016-07-16-new-story.md`, article("title: A story filed this morning, retitled\ndate: 2016-07-16T09:00:00+03:00\ndateline: Damascus\npeople: [Vladimir Putin]\ntopics: [Syria]", "The first paragraph of the new story.")),
  },
  {
    name: "change a story's people",
    change: (s) => s.write(`${A}/2016-07-16-new-story.md`, article("title: A story filed this morning, retitled\ndate: 2016-07-16T09:00:00+03:00\ndateline: Damascus\npeople: [John Kerry]\ntopics: [Syria]", "The first paragraph of the new story.")),
  },
  {
    // A name nobody registered is spelt as its first use in path order: this file comes before the others naming him.
    name: "a story names someone nobody registered, spelt otherwise, ahead of the stories that named him",
    change: (s) => s.write(`${A}/2016-07-01-kerry.md`, article("title: Kerry arrives\ndate: 2016-07-01T09:00:00+03:00\npeople: [john kerry]\ntopics: [Syria]")),
  },
  {
    name: "add a correction",
    change: (s) => s.write(`${A}/2016-07-15-talks-after-midnight.md`, article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\ndateline: Moscow\npeople: Vladimir Putin\ntopics: [Syria]\ncorrections:\n  - { date: 2016-07-16T10:00:00+03:00, text: An earlier version gave the wrong city. }", "Talks went on after midnight, Damascus time.\n\nA second paragraph.")),
  },
  {
    name: "correct last year's story",
    change: (s) => s.write(LAST_YEAR, yearEnd("\ncorrections:\n  - { date: 2016-07-16T12:00:00+03:00, text: An earlier version gave the wrong day. }")),
  },
  {
    name: "add a story with a picture",
    change: (s) => {
      mkdirSync(join(s.root, A, "images"), { recursive: true });
      cpSync(IMAGE, join(s.root, A, "images", "small.png"));
      s.write(`${A}/2016-07-16-pictured.md`, article("title: A story with a picture\ndate: 2016-07-16T11:00:00+03:00\ntopics: [Syria]\nimage: { src: images/small.png, alt: A small picture }"));
    },
  },
  { name: "delete a story", change: (s) => s.write(`${A}/2016-07-15-same-instant-in-utc.md`, undefined) },
  {
    name: "let a scheduled story's time pass",
    change: (s) => s.write(`${A}/2016-07-17-scheduled.md`, article("title: A story for Sunday noon\ndate: 2016-07-17T12:00:00+03:00\ntopics: [Syria]")),
    env: { BULLETIN_NOW: "2016-07-17T11:00:00+03:00" },
  },
  { name: "(the scheduled story's time has come)", change: () => {}, env: { BULLETIN_NOW: "2016-07-17T13:00:00+03:00" } },
  {
    name: "file a live story, breaking, picked to lead until 13:30",
    change: (s) => {
      s.write(`${A}/2016-07-17-live.md`, article(
        "title: \"Live: the talks resume\"\ndate: 2016-07-17T12:30:00+03:00\ntopics: [Syria]\nbreaking: 2016-07-17T14:00:00+03:00\nlive: 2016-07-17T15:00:00+03:00",
        "The talks resumed at noon.\n\n## 12:40 The delegations arrive\n\nThey arrived.\n\n## 12:50 A first statement\n\nA statement was read.",
      ));
      s.write("content/frontpage.yaml", "en:\n  lead: { story: live, until: 2016-07-17T13:30:00+03:00 }\n");
    },
    env: { BULLETIN_NOW: "2016-07-17T13:00:00+03:00" },
  },
  { name: "(the pick lapses and the banner comes down)", change: () => {}, env: { BULLETIN_NOW: "2016-07-17T14:30:00+03:00" } },
  { name: "(the live coverage ends)", change: () => {}, env: { BULLETIN_NOW: "2016-07-17T16:00:00+03:00" } },
  {
    name: "edit a registry entry",
    change: (s) => s.write("content/people/vladimir-putin.md", "---\nname: Vladimir Putin\nrole: President of the Russian Federation\naliases: [Putin]\nsameAs: [https://www.wikidata.org/wiki/Q7747]\n---\nPresident of the Russian Federation since 2012.\n"),
    env: { BULLETIN_NOW: "2016-07-17T16:00:00+03:00" },
  },
  {
    name: "edit a topic's registry entry",
    change: (s) => s.write("content/topics/syria.md", "---\nname: Syria\ndescription: News about Syria, and its neighbours.\naliases: [Syrian Arab Republic]\n---\n"),
    env: { BULLETIN_NOW: "2016-07-17T16:00:00+03:00" },
  },
  {
    name: "change site.yaml",
    full: /^Full build: content\/site\.yaml or the build's options changed\.$/m,
    change: (s) => s.write("content/site.yaml", readFileSync(join(s.root, "content/site.yaml"), "utf8").replace("name: Test Bulletin", "name: Renamed Bulletin")),
    env: { BULLETIN_NOW: "2016-07-17T16:00:00+03:00" },
  },
  {
    name: "change a layout",
    full: /^Full build: the code or its dependencies changed\.$/m,
    change: (s) => {
      const layout = join(s.root, "layouts", "components", "SiteFooter.tsx");
      writeFileSync(layout, readFileSync(layout, "utf8").replace("<p>{s.footerNote(edition.agency)}</p>", "<p>{s.footerNote(edition.agency)} (changed)</p>"));
    },
    env: { BULLETIN_NOW: "2016-07-17T16:00:00+03:00" },
  },
];

/** The site `_site` points at: every file but the search index byte for byte, the search index as text (its pages and words). */
function published(root: string): { files: Map<string, string>; search: Map<string, string> } {
  const files = hashTree(join(root, "_site"));
  for (const path of [...files.keys()]) if (path.startsWith("pagefind")) files.delete(path);
  const search = new Map([...siteTexts(join(root, "_site", "pagefind"))].filter(([path]) => !path.endsWith(".pagefind") && !path.endsWith(".js") && !path.endsWith(".css")));
  return { files, search };
}

/** Builds `site` from nothing: no published site, no record of a build. */
async function coldBuild(site: FixtureSite, env: Record<string, string>): Promise<void> {
  for (const name of readdirSync(site.root)) if (name.startsWith("_site")) rmSync(join(site.root, name), { recursive: true, force: true });
  rmSync(join(site.root, ".bulletin-cache", "build"), { recursive: true, force: true });
  const run = await runBuildScript(site.root, env);
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, /^Full build: /m);
}

test("after every change of a newsroom's day, the incremental build publishes what a full build does, run by itself or by the warm build process", async () => {
  const live = makeFixtureSite({}, { code: true });
  // The same day again, each build handed to `npm run warm` (src/publish/warmServer.ts), which keeps the record in memory.
  const warmSite = makeFixtureSite({}, { code: true });
  const cold = makeFixtureSite({}, { code: true });
  // A few URLs a sitemap file, so that /sitemap.xml is an index of files by year, as at 50,000 URLs (src/seo/sitemap.ts).
  for (const s of [live, warmSite, cold]) s.write("content/site.yaml", `${readFileSync(join(s.root, "content/site.yaml"), "utf8")}sitemapMaxUrls: 4\n`);
  // Stories of the spring, so that the home page and Syria's page have archive pages (two
  // stories a page) that the day's changes leave as they are, or shift.
  for (const s of [live, warmSite, cold]) {
    for (let i = 1; i <= 12; i++) {
      const month = String(1 + (i % 5)).padStart(2, "0");
      s.write(`content/articles/2016/${month}/2016-${month}-1${i % 9}-spring-${i}.md`, article(`title: Spring story ${i}\ndate: 2016-${month}-1${i % 9}T0${i % 10}:00:00+03:00\ntopics: [Syria]${i % 3 ? "" : "\npeople: [Vladimir Putin]"}`, `Spring story ${i}.`));
    }
  }
  let warm: Awaited<ReturnType<typeof startWarm>> | undefined;
  try {
    const first = await runBuildScript(live.root);
    assert.equal(first.code, 0, first.output);
    warm = await startWarm(warmSite.root);
    assert.equal((await runBuildScript(warmSite.root)).code, 0);
    let handed = 1;
    for (const step of steps) {
      step.change(live);
      step.change(warmSite);
      step.change(cold);
      const env = step.env ?? {};
      const run = await runBuildScript(live.root, env);
      assert.equal(run.code, 0, `${step.name}:\n${run.output}`);
      if (step.full) assert.match(run.output, step.full, `${step.name}: a full build, announced in one line`);
      else assert.match(run.output, /pages? written, \d+ removed.*pages unchanged, in [\d.]+ s\.$/m, `${step.name}: incremental\n${run.output}`);
      const warmRun = await runBuildScript(warmSite.root, env);
      assert.equal(warmRun.code, 0, `${step.name} (warm):\n${warmRun.output}`);
      const said = (output: string) => output.replace(/ in [\d.]+ s\./g, "").replace(/^\(The warm build process .*\)\n/m, "");
      assert.equal(said(warmRun.output), said(run.output), `${step.name}: the warm build says what the build by itself says`);
      if (step.name === "change a layout") {
        // Its code is not the code on disk any more: it stops, and the build ran by itself.
        assert.match(warmRun.output, /^\(The warm build process did not take this build: the code changed since it started, so it stops\. Building here\.\)$/m);
        assert.equal((await warm.exited).code, 0);
      } else {
        handed++;
        assert.equal(warm.output().match(/ build: exit 0 in /g)?.length, handed, `${step.name}: the warm build process built it\n${warm.output()}`);
      }
      await coldBuild(cold, env);
      const expected = published(cold.root);
      if (existsSync(join(cold.root, LAST_YEAR))) assert.ok(expected.files.has("sitemaps/2015.xml") && expected.files.has("sitemaps/2016.xml"), `${step.name}: the sitemap is split by year`);
      for (const [name, site] of [["incremental", live], ["warm", warmSite]] as const) {
        const got = published(site.root);
        assert.deepEqual([...got.files.keys()].sort(), [...expected.files.keys()].sort(), `${step.name} (${name}): the same files`);
        for (const [path, hash] of expected.files) assert.equal(got.files.get(path), hash, `${step.name} (${name}): ${path} is the same`);
        assert.deepEqual(got.search, expected.search, `${step.name} (${name}): the search indexes hold the same pages and words`);
      }
    }
  } finally {
    warm?.kill();
    live.remove();
    warmSite.remove();
    cold.remove();
  }
});

test("filing a story writes only what changed, says so in one line, and lists the files for a deploy", async () => {
  // Five stories on Syria, two a page: its oldest two are on an archive page (/topics/syria/page/1/).
  const older = Object.fromEntries([1, 2, 3].map((d) => [`${A}/2016-07-0${d}-syria-${d}.md`, article(`title: Syria, day ${d}\ndate: 2016-07-0${d}T09:00:00+03:00\ntopics: [Syria]`)]));
  const site = makeFixtureSite(older, { code: true });
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    const before = hashTree(join(site.root, "_site"));
    const parts = () => new Map(recordParts(site.root).map((file) => [file, `${statSync(file).ino} ${readFileSync(file, "utf8")}`]));
    const partsBefore = parts();
    site.write(`${A}/2016-07-16-new-story.md`, article("title: A story filed this morning\ndate: 2016-07-16T09:00:00+03:00\ntopics: [Syria]"));
    const run = await runBuildScript(site.root);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^1 story added: \d+ pages written, 0 removed, search index en\/latest re-indexed, \d+ pages unchanged, in [\d.]+ s\.$/m);
    const after = hashTree(join(site.root, "_site"));
    const changed = [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path).sort();
    const list = JSON.parse(readFileSync(join(site.root, "_site.changes.json"), "utf8")) as { full: boolean; written: string[]; removed: string[] };
    assert.equal(list.full, false);
    assert.deepEqual([...list.written].sort(), changed, "the change list names exactly the files whose bytes changed");
    assert.ok(changed.includes("2016/07/16/new-story/index.html") && changed.includes("index.html") && changed.includes("topics/syria/index.html"));
    assert.ok(!changed.includes("people/vladimir-putin/index.html"), "a page that does not show the story is not written");
    assert.ok(before.has("topics/syria/page/1/index.html") && !changed.includes("topics/syria/page/1/index.html"), "a listing's archive page stays as it was");
    // What readers see: the count of stories on the topic's front page, none on its archive page.
    assert.match(readFileSync(join(site.root, "_site", "topics", "syria", "index.html"), "utf8"), /class="tag-count">6 articles</);
    assert.doesNotMatch(readFileSync(join(site.root, "_site", "topics", "syria", "page", "1", "index.html"), "utf8"), /tag-count/);
    assert.ok(!changed.includes("assets/site.css"), "unchanged assets are not written");
    // The record of the articles is kept by month: July's part is new, June's is the same file, and the replaced part is gone.
    const partsAfter = parts();
    const june = [...partsBefore].find(([, text]) => text.includes("2016-06-30-"));
    assert.ok(june && partsAfter.get(june[0]) === june[1], "the part of a month with no change is kept as it was, not written again (the same file)");
    assert.ok([...partsAfter.values()].some((text) => text.includes("A story filed this morning")));
    assert.equal((await runBuildScript(site.root)).code, 0);
    assert.equal(parts().size, partsBefore.size, "a part replaced is deleted by the next build");
  } finally {
    site.remove();
  }
});

test("a damaged or stale record of the last build gives a full build, announced in one line, and a correct site", async () => {
  const site = makeFixtureSite({}, { code: true });
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    const build = join(site.root, ".bulletin-cache", "build");
    const [record] = readdirSync(build).filter((f) => f.endsWith(".json"));
    const path = join(build, record!);
    const text = readFileSync(path, "utf8");
    site.write(`${A}/2016-07-16-new-story.md`, article("title: A story filed this morning\ndate: 2016-07-16T09:00:00+03:00\ntopics: [Syria]"));

    writeFileSync(path, text.slice(0, text.length / 2));
    const truncated = await runBuildScript(site.root);
    assert.equal(truncated.code, 0, truncated.output);
    assert.match(truncated.output, /^Full build: the record of the previous build is damaged \(truncated or changed\)\.$/m);
    assert.ok(existsSync(join(site.root, "_site", "2016", "07", "16", "new-story", "index.html")));

    // The articles are in parts beside the record, each checked against the digest it is named by.
    const part = () => readdirSync(`${path}.parts`).map((f) => join(`${path}.parts`, f)).find((f) => readFileSync(f, "utf8").includes("A story filed this morning"))!;
    writeFileSync(part(), readFileSync(part(), "utf8").replace("A story filed this morning", "A story filed this mornin!"));
    const tampered = await runBuildScript(site.root);
    assert.match(tampered.output, /^Full build: the record of the previous build is damaged \(truncated or changed\)\.$/m);

    rmSync(part());
    const missing = await runBuildScript(site.root);
    assert.match(missing.output, /^Full build: the record of the previous build is damaged \(a part of it is missing\)\.$/m);
    assert.ok(existsSync(join(site.root, "_site", "2016", "07", "16", "new-story", "index.html")));

    writeFileSync(path, readFileSync(path, "utf8").replace(/^bulletin-build-state \d+/, "bulletin-build-state 0"));
    const old = await runBuildScript(site.root);
    assert.match(old.output, /^Full build: the record of the previous build comes from another version\.$/m);

    const again = await runBuildScript(site.root);
    assert.doesNotMatch(again.output, /Full build/, "and the record it wrote is used next time");
  } finally {
    site.remove();
  }
});

const MOMENTS = ["pages-written", "staged", "journal-written", "first-file-moved", "site-changed"];

test("an incremental build killed at any moment leaves _site whole, and the next build is correct", async () => {
  const site = makeFixtureSite({}, { code: true });
  const cold = makeFixtureSite({}, { code: true });
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    let n = 0;
    for (const moment of MOMENTS) {
      n++;
      const before = published(site.root);
      const story = article(`title: Story number ${n}\ndate: 2016-07-16T0${n}:00:00+03:00\ntopics: [Syria]`);
      site.write(`${A}/2016-07-16-story-${n}.md`, story);
      cold.write(`${A}/2016-07-16-story-${n}.md`, story);
      const killed = await runBuildScript(site.root, { BULLETIN_FAULT: `kill:${moment}` });
      assert.equal(killed.signal, "SIGKILL", `${moment}: killed there\n${killed.output}`);
      const meanwhile = published(site.root);
      if (moment === "pages-written" || moment === "staged") assert.deepEqual(meanwhile, before, `${moment}: the site is as it was`);
      // Once the journal is written, every file is the old one or the new one: no page is missing or cut short.
      for (const [path] of before.files) assert.ok(meanwhile.files.has(path), `${moment}: ${path} is still there`);

      const next = await runBuildScript(site.root);
      assert.equal(next.code, 0, `${moment}: the next build works\n${next.output}`);
      if (moment !== "pages-written" && moment !== "staged") assert.match(next.output, /The last build was stopped while it changed the site; what it had begun is finished\./);
      await coldBuild(cold, {});
      assert.deepEqual(published(site.root), published(cold.root), `${moment}: the next build publishes what a full build does`);
    }
    assert.ok(!readdirSync(join(site.root, "_site.builds")).some((name) => name.includes(".journal")), "no journal is left");
  } finally {
    site.remove();
    cold.remove();
  }
});

/** The files of the record's parts (src/publish/buildState.ts), after the next build's sweep has run. */
function recordParts(root: string): string[] {
  const build = join(root, ".bulletin-cache", "build");
  const dir = readdirSync(build).find((f) => f.endsWith(".parts"))!;
  return readdirSync(join(build, dir)).filter((f) => f.endsWith(".json")).map((f) => join(build, dir, f));
}
