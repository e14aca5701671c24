import { test } from "node:test";
import assert from "node:assert/strict";
import { scheduledLine, scheduledStories } from "../../src/collections/scheduled.ts";
import { article, loadFixture, makeFixtureSite, runBuildScript } from "../support/fixtureSite.ts";

// The fixtures' clock is 2020-01-01T00:00+03:00 (Asia/Damascus); these stories are after it.
const LATER = {
  // 07:00 UTC is 10:00 in Damascus: the line tells the bulletin's time, not the writer's offset.
  "content/articles/2030/01/2030-01-01-new-year.md": article("title: A story for the new year\ndate: 2030-01-01T07:00:00Z"),
  "content/articles/2031/05/2031-05-05-later-still.md": article("title: Later still\ndate: 2031-05-05T09:00:00+03:00"),
  // A draft dated in the future is not due: it waits for an editor.
  "content/articles/2030/01/2029-12-31-draft.md": article("title: A future draft\ndate: 2029-12-31T09:00:00+03:00\ndraft: true"),
};

test("scheduled stories are counted without drafts, the soonest first, in the bulletin's time zone", () => {
  const scheduled = scheduledStories(loadFixture(LATER));
  assert.equal(scheduled.count, 2);
  assert.equal(scheduled.next?.title, "A story for the new year");
  assert.equal(scheduled.timeZone, "Asia/Damascus");
  assert.equal(
    scheduledLine(scheduled),
    '2 scheduled stories not published yet: the first, "A story for the new year", is due Tuesday 1 January 2030 at 10:00 (Asia/Damascus, +03:00); a build after then publishes it.',
  );
});

test("the scheduled-stories line: one story by its headline, previews said to be built, nothing when there is none", () => {
  const one = scheduledStories(loadFixture({ "content/articles/2031/05/2031-05-05-later-still.md": LATER["content/articles/2031/05/2031-05-05-later-still.md"] }));
  assert.equal(scheduledLine(one), '1 scheduled story not published yet: "Later still" is due Monday 5 May 2031 at 09:00 (Asia/Damascus, +03:00); a build after then publishes it.');
  const previews = scheduledStories(loadFixture(LATER, { preview: true }));
  assert.equal(scheduledLine(previews), '2 scheduled stories built as previews, marked; the first, "A story for the new year", is due Tuesday 1 January 2030 at 10:00 (Asia/Damascus, +03:00).');
  assert.equal(scheduledLine(scheduledStories(loadFixture())), undefined, "the basic fixture has none");
  assert.equal(scheduledLine(scheduledStories(loadFixture({ "content/articles/2030/01/2029-12-31-draft.md": LATER["content/articles/2030/01/2029-12-31-draft.md"] }))), undefined, "a future draft is not scheduled to appear");
});

test("npm run build says how many stories are scheduled and when the next is due, after its summary", async () => {
  const site = makeFixtureSite(LATER, { code: true });
  try {
    const run = await runBuildScript(site.root);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Built \d+ pages into _site\/ in [\d.]+ s\.\n2 scheduled stories not published yet: the first, "A story for the new year", is due Tuesday 1 January 2030 at 10:00 \(Asia\/Damascus, \+03:00\)/);
    site.write("content/articles/2030/01/2030-01-01-new-year.md", undefined);
    site.write("content/articles/2031/05/2031-05-05-later-still.md", undefined);
    const none = await runBuildScript(site.root);
    assert.equal(none.code, 0, none.output);
    assert.doesNotMatch(none.output, /scheduled/, "nothing to say when nothing is scheduled");
  } finally {
    site.remove();
  }
});
