import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { freezeDates, loadState, reviveDates, saveState, STATE_FORMAT, type BuildState, type CachedArticle } from "../../src/publish/buildState.ts";
import { readAhead } from "../../src/publish/readAhead.mjs";

/** What a writer may type, in every field the record keeps as text. */
const HOSTILE = `سوريا «الأخبار» </script> "quoted" & <b> emoji 🇸🇾👍🏽 \u00e9\u0301 line\r\nend \u2028`;

function record(i: number, text: string): CachedArticle {
  return {
    path: `/bulletin/content/articles/2016/07/${i}.md`, stat: [1, 2.5, 3.25, 4], source: `content/articles/2016/07/${i}.md`, digest: `d${i}`, slug: `s${i}`, bodyLine: 5,
    fm: { title: text, date: { $t: 1468569600000 + i }, people: [text], topics: [] }, url: `/2016/07/15/${encodeURIComponent(text)}/`, lang: "ar",
    tags: [`person:${text}`], built: true, firstParagraph: text, related: [`content/articles/2016/07/${i + 1}.md`], read: `a ${text}`,
  };
}

/** A record of `articles` for tests, with what else a build keeps. */
function stateOf(articles: CachedArticle[], more: Partial<BuildState> = {}): BuildState {
  return {
    key: { format: STATE_FORMAT, code: "c", node: process.version, settings: "s" },
    generation: "_site.builds/1",
    articles,
    pages: { files: ["index.html"], fingerprints: ["f"] },
    searchIndexes: {},
    shared: { shells: {}, tags: {} },
    ...more,
  };
}

/** Runs `use` with the path of a record in a folder of its own, removed after. */
async function inRecordFolder(use: (path: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bulletin-state-"));
  try {
    await use(join(dir, "record.json"), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the record keeps any text a writer types, its articles written as ASCII alone (their bytes read back as Latin-1)", () =>
  inRecordFolder(async (path) => {
    const state = stateOf([record(1, HOSTILE), record(2, "plain")], { pages: { files: [`ar/${HOSTILE}/index.html`], fingerprints: ["f"] }, shared: { shells: { ar: HOSTILE }, tags: {} } });
    saveState(path, state, "Asia/Damascus");
    const parts = readdirSync(`${path}.parts`).map((f) => join(`${path}.parts`, f));
    assert.ok(parts.length > 0);
    for (const part of parts) assert.ok(readFileSync(part).every((byte) => byte < 0x80), `${part} is ASCII`);
    const loaded = await loadState(path);
    assert.ok("state" in loaded, JSON.stringify(loaded));
    assert.deepEqual(loaded.state.articles, state.articles);
    assert.deepEqual(loaded.state.pages, state.pages);
    assert.deepEqual(loaded.state.shared, state.shared);
  }));

test("parts read on the other thread are checked as those read here: the same state, and a changed part is thrown away", () =>
  inRecordFolder(async (path, dir) => {
    // Two months, two parts.
    const state = stateOf([record(1, HOSTILE), { ...record(2, "plain"), fm: { title: "plain", date: { $t: 1471248000000 }, people: [], topics: [] } }]);
    saveState(path, state, "Asia/Damascus");
    const here = await loadState(path);
    const there = await loadState(path, readAhead(join(dir, "no-articles")).parts);
    assert.ok("state" in here && "state" in there);
    assert.equal(there.state.parts?.size, 2);
    assert.deepEqual(there.state.articles, here.state.articles);
    assert.deepEqual(there.state.pages, here.state.pages);

    const part = readdirSync(`${path}.parts`).map((f) => join(`${path}.parts`, f)).find((f) => readFileSync(f, "latin1").includes('"plain"'))!;
    writeFileSync(part, readFileSync(part, "latin1").replace('"plain"', '"plan"'), "latin1");
    assert.deepEqual(await loadState(path, readAhead(join(dir, "no-articles")).parts), { why: "the record of the previous build is damaged (truncated or changed)" });
    rmSync(part);
    assert.deepEqual(await loadState(path, readAhead(join(dir, "no-articles")).parts), { why: "the record of the previous build is damaged (a part of it is missing)" });
  }));

test("the records come back in the order of their files where writers file by month, a story of a month's first hours among its folder's", () =>
  inRecordFolder(async (path) => {
    const at = (file: string, iso: string): CachedArticle => ({ ...record(0, "x"), path: `/bulletin/content/articles/${file}`, source: `content/articles/${file}`, fm: { title: "x", date: { $t: Date.parse(iso) }, people: [], topics: [] } });
    // In Damascus's +03:00, 00:30 on 1 August is still 31 July in UTC.
    const articles = [at("2016/07/a.md", "2016-07-31T20:00:00+03:00"), at("2016/08/b.md", "2016-08-02T09:00:00+03:00"), at("2016/08/z.md", "2016-08-01T00:30:00+03:00")];
    saveState(path, stateOf(articles), "Asia/Damascus");
    const loaded = await loadState(path);
    assert.ok("state" in loaded);
    assert.deepEqual(loaded.state.articles.map((r) => r.source), articles.map((r) => r.source));
    assert.deepEqual([...loaded.state.parts!.keys()], ["2016-07", "2016-08"]);
  }));

test("dates frozen for the record come back as the same instants in the bulletin's zone, wherever they stand", () => {
  const zone = "Asia/Damascus";
  const date = DateTime.fromISO("2016-07-15T00:30:00+03:00", { setZone: true });
  const fm = { title: HOSTILE, date, people: ["A", "B"], corrections: [{ date: date.plus({ days: 1 }), text: "x" }, { text: "no date" }], live: { updates: [[date]] } };
  const revived = reviveDates(JSON.parse(JSON.stringify(freezeDates(fm))), zone) as typeof fm;
  const iso = (d: DateTime) => `${d.toISO()} ${d.zoneName}`;
  assert.equal(iso(revived.date), `2016-07-15T00:30:00.000+03:00 ${zone}`);
  assert.equal(iso(revived.corrections[0]!.date!), `2016-07-16T00:30:00.000+03:00 ${zone}`);
  assert.equal(iso(revived.live.updates[0]![0]!), `2016-07-15T00:30:00.000+03:00 ${zone}`);
  assert.deepEqual({ ...revived, date: 0, corrections: revived.corrections.map((c) => c.text), live: 0 }, { ...fm, date: 0, corrections: ["x", "no date"], live: 0 });
});
