import { test, expect } from "@playwright/test";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE } from "./pageTypes.ts";

const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";
const ARABIC_LIVE = `/ar/2016/07/15/${encodeURIComponent("مباشر-كيري-في-موسكو-لمحادثات-حول-سوريا")}/`;

test("an article's related stories link to the stories sharing its people and topics, never to itself", async ({ page }) => {
  await page.goto(ARTICLE);
  const related = page.getByRole("complementary", { name: "Related stories" });
  const links = related.getByRole("link");
  // The live story shares every one of its people and topics; the Kremlin story most of them.
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveAttribute("href", LIVE);
  await expect(links.nth(1)).toHaveAttribute("href", OTHER_ARTICLE);
  await expect(links.nth(1)).toHaveText("Kremlin: Putin–Kerry talks on Syria did not touch on direct military cooperation against terrorism");
  await expect(related.locator("time").nth(1)).toHaveAttribute("datetime", "2016-07-15T13:10:00+03:00");
  await links.nth(1).click();
  await expect(page).toHaveURL(new RegExp(`${OTHER_ARTICLE}$`));
  const back = page.getByRole("complementary", { name: "Related stories" }).getByRole("link");
  await expect(back).toHaveCount(2);
  expect(await back.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([LIVE, ARTICLE]);
});

test("an Arabic article's related stories stay in its edition", async ({ page }) => {
  await page.goto(ARABIC_ARTICLE);
  const links = page.locator(".related a[href]");
  expect([...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href"))))]).toEqual([ARABIC_LIVE]);
});

test("a person's page lists who appears with them, most shared stories first, with counts", async ({ page }) => {
  await page.goto("/people/vladimir-putin/");
  const items = page.getByRole("complementary", { name: "Appears with" }).getByRole("listitem");
  await expect(items).toHaveText([
    /John Kerry\s*3 articles together/,
    /Sergey Lavrov\s*3 articles together/,
    /Barack Obama\s*2 articles together/,
    /Dmitry Peskov\s*2 articles together/,
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
    "Live: Kerry in Moscow for talks on Syria with Putin and Lavrov",
  ]);
});

test("the Arabic topic timeline names its month in Arabic", async ({ page }) => {
  await page.goto("/ar/topics/syria/");
  await expect(page.locator(".timeline-month h3")).toHaveText(/تموز.*٢٠١٦/);
});
