import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DateTime } from "luxon";
import { sameUrlAs, scaffoldArticle } from "../../src/model/newArticle.ts";
import { readSiteConfig } from "../../src/model/site.ts";
import { loadContent } from "../../src/model/loadContent.ts";
import { copyDesk, runScript, DESK } from "../fixtures/writers/deskSite.ts";

/** `npm run new -- "Headline"`: a dated draft in the right folder, never over another story. */

const site = readSiteConfig(join(DESK, "content", "site.yaml"));
// 22:30 UTC on the 14th is already 01:30 on the 15th in Damascus (+03:00).
const LATE = DateTime.fromISO("2016-07-14T22:30:00Z", { setZone: true });

function scaffold(headline: string, now = LATE) {
  const result = scaffoldArticle(headline, site, now);
  if (!result.ok) assert.fail(result.message);
  return result;
}

test("the file is dated today in the bulletin's time zone, in that month's folder, named after the headline", () => {
  const s = scaffold("Putin meets Kerry in Moscow");
  assert.equal(s.path, "content/articles/2016/07/2016-07-15-putin-meets-kerry-in-moscow.md");
  assert.match(s.text, /^date: 2016-07-15T01:30:00\+03:00 /m);
});

test("the scaffold is a valid draft article with the headline exactly as typed", () => {
  const headline = 'Lavrov: talks "useful" — #2 of 3';
  const s = scaffold(headline);
  const desk = copyDesk({ [s.path]: s.text });
  try {
    const content = loadContent({ root: desk.root, now: LATE.plus({ days: 1 }) });
    assert.deepEqual(content.problems, []);
    const story = content.all.find((a) => a.source === s.path);
    assert.equal(story?.title, headline);
    assert.equal(story?.draft, true);
    assert.equal(story?.dateline, undefined, "a blank dateline is no dateline");
    assert.deepEqual([story?.people, story?.topics], [[], []]);
  } finally {
    desk.remove();
  }
});

test("a long headline gives a slug cut at a word boundary", () => {
  const s = scaffold("The Minister of Electricity inaugurates the rehabilitated thermal power station in the industrial zone of Hasaka province");
  const slug = s.path.replace(/^.*\/\d{4}-\d{2}-\d{2}-|\.md$/g, "");
  assert.ok(slug.length <= 80, slug);
  assert.ok("the-minister-of-electricity-inaugurates-the-rehabilitated-thermal-power-station-in-the-industrial".startsWith(slug));
  assert.ok(!slug.endsWith("-"));
});

test("an Arabic headline keeps an Arabic slug and is filed for the Arabic edition", () => {
  const s = scaffold("المقداد يلتقي لافروف في موسكو");
  assert.equal(s.path, "content/articles/2016/07/2016-07-15-المقداد-يلتقي-لافروف-في-موسكو.md");
  assert.match(s.text, /^lang: ar /m);
});

test("a headline without letters or digits, or none at all, is refused", () => {
  assert.equal(scaffoldArticle("!!!", site, LATE).ok, false);
  assert.equal(scaffoldArticle("   ", site, LATE).ok, false);
});

test("npm run new creates the file and prints its path; run again it refuses and leaves the file as it was", async () => {
  const desk = copyDesk();
  try {
    const env = { BULLETIN_NOW: "2016-07-14T22:30:00Z" };
    const first = await runScript("new", desk.root, ["Talks in Geneva resume"], env);
    assert.equal(first.code, 0, first.stderr);
    const path = "content/articles/2016/07/2016-07-15-talks-in-geneva-resume.md";
    assert.equal(first.stdout.trim(), path);
    const file = join(desk.root, path);
    writeFileSync(file, readFileSync(file, "utf8").replace("draft: true", "draft: false"));
    const edited = readFileSync(file, "utf8");

    const second = await runScript("new", desk.root, ["Talks in Geneva resume"], env);
    assert.notEqual(second.code, 0);
    assert.match(second.stderr, /content\/articles\/2016\/07\/2016-07-15-talks-in-geneva-resume\.md already exists and was left as it was/);
    assert.equal(readFileSync(file, "utf8"), edited, "the writer's edits survive");

    const none = await runScript("new", desk.root, [], env);
    assert.notEqual(none.code, 0);
    assert.match(none.stderr, /give the headline in quotes/);
    assert.deepEqual(readdirSync(join(desk.root, "content/articles/2016/07")).filter((f) => f.includes("geneva")), ["2016-07-15-talks-in-geneva-resume.md"]);
    for (const run of [first, second, none]) assert.doesNotMatch(run.stderr, /^\s+at /m, "no stack trace");
  } finally {
    desk.remove();
  }
  assert.ok(!existsSync(desk.root));
});

test("a story of the same day with the same slug in another folder stops npm run new, since the URLs would clash", async () => {
  // The desk fixture has content/articles/2016/07/2016-07-15-talks-in-moscow.md, dated 15 July.
  const desk = copyDesk({ "content/articles/wires/talks-in-geneva.md": "---\ntitle: Talks in Geneva\ndate: 2016-07-14T23:00:00Z\n---\nBody.\n" });
  try {
    assert.equal(sameUrlAs(desk.root, site, scaffold("Talks in Moscow")), "content/articles/2016/07/2016-07-15-talks-in-moscow.md");
    assert.equal(sameUrlAs(desk.root, site, scaffold("Talks in Moscow", LATE.plus({ days: 1 }))), undefined, "another day, another URL");
    const run = await runScript("new", desk.root, ["Talks in Geneva"], { BULLETIN_NOW: "2016-07-15T12:00:00+03:00" });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /content\/articles\/wires\/talks-in-geneva\.md is a story of the same day with the same headline slug/);
    assert.ok(!existsSync(join(desk.root, "content/articles/2016/07/2016-07-15-talks-in-geneva.md")), "nothing was created");
  } finally {
    desk.remove();
  }
});
