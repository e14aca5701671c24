import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadContent } from "../../src/model/loadContent.ts";
import { buildOptionsFromEnv } from "../../src/publish/runBuild.ts";
import { copyDesk, buildDesk, siteTexts, DESK, DESK_NOW, type TempSite } from "../fixtures/writers/deskSite.ts";

/** The desk fixture built as a preview (BULLETIN_PREVIEW=1): drafts and scheduled stories in, marked. */
let site: TempSite;
let output = "";

before(async () => {
  site = copyDesk();
  const built = await buildDesk(site.root, { preview: true });
  assert.ok(built.result.ok, built.log.join("\n"));
  output = built.output;
});
after(() => site?.remove());

const page = (path: string) => readFileSync(join(output, path, "index.html"), "utf8");

test("a preview builds the draft with a Draft badge and a notice that it is not published", () => {
  const html = page("2016/07/18/secret-draft-story");
  assert.match(html, /<h1[^>]*>Zqxdraft headline never published<\/h1>/);
  assert.match(html, /class="badge">Draft</);
  assert.ok(html.includes("Preview: this article is a draft; it is not published."));
  assert.match(html, /<p class="published">Draft, dated <time/);
  assert.doesNotMatch(html, /preview-live|bulletin-preview-problems/, "the preview's live script and problems overlay are the preview server's, never in a build");
});

test("a preview builds the future-dated story with a Scheduled badge", () => {
  const html = page("2030/01/01/zqxfuture-scheduled-story");
  assert.match(html, /class="badge">Scheduled</);
  assert.ok(!/class="badge">Draft</.test(html), "scheduled is not a draft");
  assert.ok(html.includes("Preview: this article is scheduled; it is not published yet."));
  assert.match(html, /<p class="published">Scheduled for <time/);
});

test("a preview lists drafts on their tag pages and in the search index, so the published build's absence check can see them", () => {
  assert.ok(page("topics/zqxdraft-topic").includes("/2016/07/18/secret-draft-story/"));
  const index = [...siteTexts(output)].filter(([file]) => file.startsWith("pagefind/"));
  assert.ok(index.length > 0, "the preview has a search index");
  assert.ok(index.some(([, text]) => text.includes("Zqxdraft body")), "the unpacked search index holds the draft's words");
});

test("a story dated exactly at the build's clock is published; a minute later it is scheduled", () => {
  const at = (date: string) =>
    copyDesk({ "content/articles/2019/12/2019-12-31-on-the-hour.md": `---\ntitle: On the hour\ndate: ${date}\n---\nBody.\n` });
  for (const [date, scheduled] of [["2020-01-01T00:00:00+03:00", false], ["2019-12-31T21:01:00Z", true]] as const) {
    const s = at(date);
    try {
      const content = loadContent({ root: s.root, now: DESK_NOW });
      const story = content.all.find((a) => a.slug === "on-the-hour");
      assert.equal(story?.scheduled, scheduled, date);
      assert.equal(content.articles.includes(story!), !scheduled, `${date} is ${scheduled ? "left out" : "published"}`);
    } finally {
      s.remove();
    }
  }
});

test("without the preview option neither the draft nor the scheduled story is among the articles to build", () => {
  const content = loadContent({ root: DESK, now: DESK_NOW });
  const slugs = content.articles.map((a) => a.slug);
  assert.ok(!slugs.includes("secret-draft-story") && !slugs.includes("zqxfuture-scheduled-story"));
  assert.equal(content.all.length, content.articles.length + 2, "both are still read and validated");
});

test("BULLETIN_PREVIEW=1 turns previews on and BULLETIN_NOW fixes the clock with its offset", () => {
  const opts = buildOptionsFromEnv({ BULLETIN_PREVIEW: "1", BULLETIN_NOW: "2030-01-01T09:00:00+03:00" });
  assert.equal(opts.preview, true);
  assert.equal(opts.now?.toISO(), "2030-01-01T09:00:00.000+03:00");
  assert.equal(buildOptionsFromEnv({}).preview, false);
});
