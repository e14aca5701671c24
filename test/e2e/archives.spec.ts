import { test, expect, open, articleLinksInMain, datetimesInMain, expectVisibleDatesMatchDatetime } from "../support/e2e.ts";

const NEWER = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const OLDER = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";

test("the day's bulletin for 15 July 2016 lists its three stories in the order they were filed", async ({ page }) => {
  await open(page, "/2016/07/15/");
  await expect(page.locator("h1")).toContainText("15 July 2016");
  // The live story and the Kremlin story were both filed at 13:10.
  expect(await articleLinksInMain(page)).toEqual([LIVE, OLDER, NEWER]);
  // The live story is listed with the time of its last update, 17:40.
  expect(await datetimesInMain(page)).toEqual(["2016-07-15T17:40:00+03:00", "2016-07-15T13:10:00+03:00", "2016-07-15T17:40:00+03:00"]);
  for (const t of await datetimesInMain(page)) expect(t).toMatch(/^2016-07-15T/);
  await expectVisibleDatesMatchDatetime(page);
});

test("the day links up to its month and year", async ({ page }) => {
  await open(page, "/2016/07/15/");
  await page.locator('main a[href="/2016/07/"]').first().click();
  await expect(page).toHaveURL(/\/2016\/07\/$/);
  await open(page, "/2016/07/15/");
  await expect(page.locator('main a[href="/2016/"]').first()).toBeVisible();
});

test("July 2016 links to the day of the 15th and to its three stories", async ({ page }) => {
  await open(page, "/2016/07/");
  await expect(page.locator("h1")).toContainText("July 2016");
  await expect(page.locator('main a[href="/2016/07/15/"]')).toContainText("15 July 2016");
  expect((await articleLinksInMain(page)).sort()).toEqual([NEWER, OLDER, LIVE].sort());
});

test("2016 links to July with its count of stories", async ({ page }) => {
  await open(page, "/2016/");
  await expect(page.locator("h1")).toContainText("2016");
  const july = page.locator("main li", { has: page.locator('a[href="/2016/07/"]') });
  await expect(july).toContainText("July 2016");
  await expect(july).toContainText("3 articles");
});

test("an article's URL day is its archive day: the article page links up to /2016/07/15/ through the archive", async ({ page }) => {
  await open(page, "/2016/07/15/");
  await page.locator(`main a[href="${NEWER}"]`).first().click();
  await expect(page.locator(".published time")).toHaveAttribute("datetime", /^2016-07-15T/);
});

test("days, months and years without stories have no archive page", async ({ page }) => {
  await open(page, "/2016/07/14/", 404);
  await open(page, "/2016/06/", 404);
  await open(page, "/2015/", 404);
});
