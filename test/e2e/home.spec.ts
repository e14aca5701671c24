import { test, expect, open, articleLinksInMain, datetimesInMain, expectVisibleDatesMatchDatetime } from "../support/e2e.ts";

const NEWER = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const OLDER = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";

test("the home page leads with the desk's pinned story, then the latest first, linking to every sample story once", async ({ page }) => {
  await open(page, "/");
  expect(await articleLinksInMain(page)).toEqual([LIVE, NEWER, OLDER]);
  await expect(page.locator(`main a[href="${NEWER}"]`).first()).toHaveText("Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria");
});

test("the home page's dates run newest first and read as their datetime attributes", async ({ page }) => {
  await open(page, "/");
  const times = (await datetimesInMain(page)).map((t) => Date.parse(t));
  expect(times.length).toBeGreaterThanOrEqual(2);
  expect(times).toEqual([...times].sort((a, b) => b - a));
  await expectVisibleDatesMatchDatetime(page);
});

test("with fewer stories than a page holds, there is no pagination and no second page", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator('a[rel="next"], a[href="/page/1/"]')).toHaveCount(0);
  await expect(page.locator("nav.pagination")).toHaveCount(0);
  await open(page, "/page/1/", 404);
});

test("a headline on the home page opens its article", async ({ page }) => {
  await open(page, "/");
  await page.locator(`main a[href="${OLDER}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${OLDER}$`));
  await expect(page.locator("h1")).toHaveText(/^Kremlin: Putin–Kerry talks/);
});

test("the home page is the English edition, named after the bulletin", async ({ page }) => {
  await open(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle(/English Bulletin/);
  await expect(page.getByRole("link", { name: "People" }).first()).toHaveAttribute("href", "/people/");
  await expect(page.getByRole("link", { name: "Topics" }).first()).toHaveAttribute("href", "/topics/");
});
