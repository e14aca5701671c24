import { test, expect, open } from "../support/e2e.ts";

/** The not-found page: served with status 404 for any missing URL, and as /404.html itself. */
test("a missing page answers 404 with the not-found page and a way back to the news", async ({ page }) => {
  await open(page, "/2016/07/15/no-such-story/", 404);
  await expect(page.locator("h1")).toHaveText("Page not found");
  await expect(page).toHaveTitle(/Page not found/);
  await page.locator('main a[href="/"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("main a[href^='/2016/07/15/']").first()).toBeVisible();
});

test("/404.html is the not-found page itself, in English, with the site's navigation", async ({ page }) => {
  await open(page, "/404.html");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Page not found");
  await expect(page.locator('header a[href="/people/"]').first()).toBeVisible();
});

test("the not-found page's links work from any depth: they are root-relative", async ({ page }) => {
  await open(page, "/a/b/c/d/", 404);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const relative = hrefs.filter((h) => !/^(\/|#|https?:|mailto:)/.test(h));
  expect(relative).toEqual([]);
  const styles = await page.locator('link[rel="stylesheet"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href") ?? ""));
  for (const href of styles) expect(href).toMatch(/^\//);
});

test("each edition's not-found page has a search box that searches that edition", async ({ page }) => {
  for (const [url, box, term, searchPage] of [["/no-such-story/", "Search the bulletin", "Bastille", "/search/"], ["/ar/no-such-story/", "ابحث في النشرة", "لافروف", "/ar/search/"]] as const) {
    await open(page, url, 404);
    await page.getByRole("main").getByRole("searchbox", { name: box }).fill(term);
    await page.getByRole("main").getByRole("searchbox", { name: box }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`${searchPage.replace(/\//g, "\\/")}\\?q=`));
    await expect(page.locator("#search-results > li").first()).toBeVisible();
    await expect(page.getByRole("searchbox")).toHaveValue(term);
  }
});
