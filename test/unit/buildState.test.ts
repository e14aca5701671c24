import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadState, saveState, STATE_FORMAT, type BuildState, type CachedArticle } from "../../src/publish/buildState.ts";

/** What a writer may type, in every field the record keeps as text. */
const HOSTILE = `سوريا «الأخبار» </script> "quoted" & <b> emoji 🇸🇾👍🏽 \u00e9\u0301 line\r\nend \u2028`;

function record(i: number, text: string): CachedArticle {
  return {
    path: `/bulletin/content/articles/2016/07/${i}.md`, stat: [1, 2.5, 3.25, 4], source: `content/articles/2016/07/${i}.md`, digest: `d${i}`, slug: `s${i}`, bodyLine: 5,
    fm: { title: text, date: { $t: 1468569600000 + i }, people: [text], topics: [] }, url: `/2016/07/15/${encodeURIComponent(text)}/`, lang: "ar",
    tags: [`person:${text}`], built: true, firstParagraph: text, related: [`content/articles/2016/07/${i + 1}.md`], read: `a ${text}`,
  };
}

test("the record keeps any text a writer types, its articles written as ASCII alone (their bytes read back as Latin-1)", () => {
  const dir = mkdtempSync(join(tmpdir(), "bulletin-state-"));
  try {
    const path = join(dir, "record.json");
    const state: BuildState = {
      key: { format: STATE_FORMAT, code: "c", node: process.version, settings: "s" },
      generation: "_site.builds/1",
      articles: [record(1, HOSTILE), record(2, "plain")],
      pages: { [`ar/${HOSTILE}/index.html`]: "f" },
      searchIndexes: {},
      shared: { shells: { ar: HOSTILE }, tags: {} },
    };
    saveState(path, state);
    const parts = readdirSync(`${path}.parts`).map((f) => join(`${path}.parts`, f));
    assert.ok(parts.length > 0);
    for (const part of parts) assert.ok(readFileSync(part).every((byte) => byte < 0x80), `${part} is ASCII`);
    const loaded = loadState(path);
    assert.ok("state" in loaded, JSON.stringify(loaded));
    assert.deepEqual(loaded.state.articles, state.articles);
    assert.deepEqual(loaded.state.pages, state.pages);
    assert.deepEqual(loaded.state.shared, state.shared);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
