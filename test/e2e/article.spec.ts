import { test, expect } from "@playwright/test";

const ARTICLE = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";

test("an article shows its headline, dateline and publication time in the bulletin's time zone", async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.locator("h1")).toHaveText("Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria");
  await expect(page.locator(".article-body .dateline")).toHaveText("Moscow, SANA –");
  const time = page.locator(".published time");
  await expect(time).toHaveAttribute("datetime", "2016-07-15T17:40:00+03:00");
  await expect(time).toContainText("15 July 2016");
});
