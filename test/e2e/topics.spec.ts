import { test, expect, open, articleLinksInMain, datetimesInMain, expectVisibleDatesMatchDatetime } from "../support/e2e.ts";

const NEWER = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const OLDER = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";

test("a topic's page gives its name and description and lists its articles newest first", async ({ page }) => {
  await open(page, "/topics/syria/");
  await expect(page.locator("h1")).toHaveText("Syria");
  await expect(page.locator("main")).toContainText("News about Syria and the crisis in the country.");
  expect(await articleLinksInMain(page)).toEqual([NEWER, OLDER, LIVE]);
  // Newest first by publication; the live story (filed at 13:10, after the Kremlin story's URL) shows its last update, 17:40.
  expect(await datetimesInMain(page)).toEqual(["2016-07-15T17:40:00+03:00", "2016-07-15T13:10:00+03:00", "2016-07-15T17:40:00+03:00"]);
  await expectVisibleDatesMatchDatetime(page);
});

test("a topic named in one story only (and the live story retelling it) lists those", async ({ page }) => {
  await open(page, "/topics/nice-attack/");
  await expect(page.locator("h1")).toHaveText("Nice attack");
  expect(await articleLinksInMain(page)).toEqual([NEWER, LIVE]);
});

test("a topic's page links each story's headline to the story", async ({ page }) => {
  await open(page, "/topics/syria/");
  await page.locator(`main a[href="${OLDER}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${OLDER}$`));
  await expect(page.locator('article a[rel="tag"][href="/topics/syria/"]')).toHaveCount(1);
});
