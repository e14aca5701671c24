import { test, expect, open, expectVisibleDatesMatchDatetime } from "../support/e2e.ts";

const ARTICLE = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const OLDER = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";

test("an article shows its headline, dateline and publication time in the bulletin's time zone", async ({ page }) => {
  await open(page, ARTICLE);
  await expect(page.locator("h1")).toHaveText("Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria");
  await expect(page.locator(".article-body .dateline")).toHaveText("Moscow, SANA –");
  const time = page.locator(".published time");
  await expect(time).toHaveAttribute("datetime", "2016-07-15T17:40:00+03:00");
  await expect(time).toContainText("15 July 2016");
  await expect(time).toContainText("17:40");
});

test("the dateline opens the first paragraph of the story, as wire copy prints it", async ({ page }) => {
  await open(page, ARTICLE);
  const first = page.locator(".article-body p").first();
  await expect(first).toHaveText(/^Moscow, SANA – Russian Foreign Minister Sergey Lavrov asserted/);
  await expect(page.locator(".article-body .dateline")).toHaveCount(1);
});

test("every date on the article page reads the same as its datetime attribute", async ({ page }) => {
  await open(page, ARTICLE);
  await expectVisibleDatesMatchDatetime(page);
  await expect(page).toHaveTitle(/^Putin to Kerry: Moscow hopes for progress/);
});

test("the article links to each of its people and topics, and each of those pages links back", async ({ page }) => {
  await open(page, ARTICLE);
  const tags = await page.locator('article a[rel="tag"]').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href") ?? "", name: (a as HTMLElement).innerText.trim() })));
  const hrefs = tags.map((t) => t.href);
  expect(hrefs).toEqual(expect.arrayContaining([
    "/people/vladimir-putin/", "/people/john-kerry/", "/people/sergey-lavrov/", "/people/barack-obama/",
    "/topics/syria/", "/topics/russia-us-relations/", "/topics/counterterrorism/", "/topics/geneva-talks/", "/topics/nice-attack/",
  ]));
  for (const { href, name } of tags) {
    await open(page, href);
    await expect(page.locator("h1"), `the page at ${href} is named as the link said`).toHaveText(name);
    await expect(page.locator(`main a[href="${ARTICLE}"]`).first(), `${href} links back to the article`).toBeVisible();
  }
});

test("previous and next links lead to the neighbouring articles, both ways", async ({ page }) => {
  await open(page, ARTICLE);
  await expect(page.locator('a[rel="next"]'), "the newest article has no next one").toHaveCount(0);
  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`${OLDER}$`));
  await expect(page.locator("h1")).toHaveText(/^Kremlin: Putin–Kerry talks on Syria/);
  // The live story, filed at the same minute as the Kremlin story, comes after it in the edition's order.
  await page.locator('a[rel="prev"]').click();
  await expect(page.locator("h1")).toHaveText(/^Live: Kerry in Moscow/);
  await expect(page.locator('a[rel="prev"]'), "the oldest article has no previous one").toHaveCount(0);
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${OLDER}$`));
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
});

test("a writer's summary is shown as the standfirst; without one, the first paragraph describes the page", async ({ page }) => {
  await open(page, OLDER);
  await expect(page.locator("meta[name=description]")).toHaveAttribute("content", /^The Kremlin says the talks between President Putin/);
  await open(page, ARTICLE);
  await expect(page.locator("meta[name=description]")).toHaveAttribute("content", /^Russian Foreign Minister Sergey Lavrov asserted/);
  await expect(page.locator("meta[name=description]")).not.toHaveAttribute("content", /SANA –/);
});

test("the article's page is English, left to right, and its structured data is valid JSON naming the headline", async ({ page }) => {
  await open(page, ARTICLE);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts.length).toBeGreaterThan(0);
  const json = JSON.stringify(scripts.map((s) => JSON.parse(s) as unknown));
  expect(json).toContain("Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria");
  expect(json).toContain("2016-07-15T17:40:00+03:00");
});
