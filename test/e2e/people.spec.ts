import { test, expect, open, articleLinksInMain, datetimesInMain, expectVisibleDatesMatchDatetime } from "../support/e2e.ts";

const NEWER = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const OLDER = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";

test("a person's page gives their name, role and description", async ({ page }) => {
  await open(page, "/people/vladimir-putin/");
  await expect(page.locator("h1")).toHaveText("Vladimir Putin");
  await expect(page.locator("main")).toContainText("President of Russia");
  await expect(page.locator("main")).toContainText("A former KGB officer; prime minister of Russia from 1999 to 2000 and from 2008 to 2012.");
  await expect(page).toHaveTitle(/^Vladimir Putin/);
});

test("a person's page lists their articles newest first", async ({ page }) => {
  await open(page, "/people/vladimir-putin/");
  expect(await articleLinksInMain(page)).toEqual([NEWER, OLDER, LIVE]);
  // Newest first by publication; the live story (filed at 13:10, after the Kremlin story's URL) shows its last update, 17:40.
  expect(await datetimesInMain(page)).toEqual(["2016-07-15T17:40:00+03:00", "2016-07-15T13:10:00+03:00", "2016-07-15T17:40:00+03:00"]);
  await expectVisibleDatesMatchDatetime(page);
});

test("a person in only one story (and the live story retelling it) lists only those", async ({ page }) => {
  await open(page, "/people/barack-obama/");
  await expect(page.locator("h1")).toHaveText("Barack Obama");
  await expect(page.locator("main")).toContainText("President of the United States");
  expect(await articleLinksInMain(page)).toEqual([NEWER, LIVE]);
});
