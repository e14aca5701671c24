import { test, expect } from "@playwright/test";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE } from "./pageTypes.ts";

test("an article's related stories link to the story sharing its people and topics, never to itself", async ({ page }) => {
  await page.goto(ARTICLE);
  const related = page.getByRole("complementary", { name: "Related stories" });
  const links = related.getByRole("link");
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveAttribute("href", OTHER_ARTICLE);
  await expect(links.first()).toHaveText("Kremlin: Putin–Kerry talks on Syria did not touch on direct military cooperation against terrorism");
  await expect(related.locator("time")).toHaveAttribute("datetime", "2016-07-15T13:10:00+03:00");
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`${OTHER_ARTICLE}$`));
  const back = page.getByRole("complementary", { name: "Related stories" }).getByRole("link");
  await expect(back).toHaveCount(1);
  await expect(back.first()).toHaveAttribute("href", ARTICLE);
});

test("an article alone in its edition has no related stories section", async ({ page }) => {
  await page.goto(ARABIC_ARTICLE);
  await expect(page.locator(".related")).toHaveCount(0);
});

test("a person's page lists who appears with them, most shared stories first, with counts", async ({ page }) => {
  await page.goto("/people/vladimir-putin/");
  const items = page.getByRole("complementary", { name: "Appears with" }).getByRole("listitem");
  await expect(items).toHaveText([
    /John Kerry\s*2 articles together/,
    /Sergey Lavrov\s*2 articles together/,
    /Barack Obama\s*1 article together/,
    /Dmitry Peskov\s*1 article together/,
  ]);
  await items.first().getByRole("link").click();
  await expect(page).toHaveURL(/\/people\/john-kerry\/$/);
  await expect(page.getByRole("complementary", { name: "Appears with" })).toContainText("Vladimir Putin");
});

test("a topic's page runs its stories as a timeline grouped by month", async ({ page }) => {
  await page.goto("/topics/syria/");
  const month = page.locator(".timeline-month");
  await expect(month).toHaveCount(1);
  await expect(month.getByRole("heading", { level: 3 })).toHaveText("July 2016");
  await expect(month.getByRole("heading", { level: 4 })).toHaveText([
    "Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria",
    "Kremlin: Putin–Kerry talks on Syria did not touch on direct military cooperation against terrorism",
  ]);
});

test("the Arabic topic timeline names its month in Arabic", async ({ page }) => {
  await page.goto("/ar/topics/syria/");
  await expect(page.locator(".timeline-month h3")).toHaveText(/تموز.*٢٠١٦/);
});
