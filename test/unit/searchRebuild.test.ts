import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runBuild } from "../../src/publish/runBuild.ts";
import { article, FIXTURE_NOW, makeFixtureSite } from "../support/fixtureSite.ts";
import { siteTexts } from "../fixtures/writers/deskSite.ts";

/**
 * The search index is one Pagefind index per edition and year; a full build keeps the index
 * of every year whose articles read as they did, and indexes again only the years that changed.
 */
const OLD_STORY = "content/articles/2015/2015-05-10-harvest.md";
const oldStory = (body: string) => article("title: Wheat harvest begins\ndate: 2015-05-10T09:00:00+03:00", body);

test("a rebuild keeps the indexes of unchanged years and indexes a year again when one of its articles changed", async () => {
  const site = makeFixtureSite({ [OLD_STORY]: oldStory("Zqxfirstword harvest in Hasakah.") });
  const output = join(site.root, "_site");
  // Full builds (an incremental build indexes only what it renders: test/unit/incremental.test.ts).
  const build = () => runBuild({ root: site.root, output, now: FIXTURE_NOW, log: () => {}, full: true });
  const indexText = () => [...siteTexts(join(output, "pagefind"))].map(([, text]) => text).join("\n");
  const inode = (year: number) => statSync(join(output, "pagefind", "en", String(year), "pagefind-entry.json")).ino;
  try {
    const first = await build();
    assert.ok(first.ok);
    assert.deepEqual(first.search, { pages: 4, indexes: 3, reused: 0 }, "the newest week, 2016 and 2015");
    assert.match(indexText(), /Zqxfirstword/);

    const again = await build();
    assert.deepEqual(again.search, { pages: 4, indexes: 3, reused: 3 }, "nothing changed: every index kept");

    const before2016 = inode(2016);
    site.write(OLD_STORY, oldStory("Zqxsecondword harvest in Hasakah."));
    const edited = await build();
    assert.deepEqual(edited.search, { pages: 4, indexes: 3, reused: 2 }, "only 2015 is indexed again");
    assert.equal(inode(2016), before2016, "2016's index files are the last build's");
    const text = indexText();
    assert.match(text, /Zqxsecondword/, "the edited article's new words are searchable");
    assert.doesNotMatch(text, /Zqxfirstword/, "and its old words are gone");
  } finally {
    site.remove();
  }
});

test("a change that shows in every article (the agency in datelines) indexes every year again", async () => {
  const site = makeFixtureSite({ [OLD_STORY]: oldStory("Harvest.").replace("date:", "dateline: Hasakah\ndate:") });
  const output = join(site.root, "_site");
  const build = () => runBuild({ root: site.root, output, now: FIXTURE_NOW, log: () => {} });
  try {
    assert.equal((await build()).search?.reused, 0);
    const settings = readFileSync(join(site.root, "content", "site.yaml"), "utf8");
    site.write("content/site.yaml", settings.replace(/^agency: .*$/m, "agency: Zqxagency"));
    const rebuilt = await build();
    assert.equal(rebuilt.search?.reused, 0, "both years' datelines changed");
    assert.match([...siteTexts(join(output, "pagefind"))].map(([, text]) => text).join("\n"), /Zqxagency/);
  } finally {
    site.remove();
  }
});
