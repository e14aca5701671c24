import { test, expect, type Page } from "@playwright/test";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE } from "./pageTypes.ts";

/** Search runs in the browser on Pagefind's index, written by `npm run build` into /pagefind/. */
async function search(page: Page, url: string, term: string) {
  await page.goto(url);
  const input = page.locator(".pagefind-ui__search-input");
  await input.fill(term);
  return page.locator(".pagefind-ui__result");
}

const hrefs = async (page: Page) =>
  (await page.locator(".pagefind-ui__result-link").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));

test("search finds an article by a word that appears only in its body", async ({ page }) => {
  const results = await search(page, "/search/", "Bastille");
  await expect(results).toHaveCount(1);
  expect(await hrefs(page)).toEqual([ARTICLE]);
  await expect(results.first().locator(".pagefind-ui__result-title")).toContainText("Putin to Kerry");
});

test("search results narrow to the articles tagged with a chosen person", async ({ page }) => {
  const results = await search(page, "/search/", "Kerry");
  await expect(results).toHaveCount(2);
  await page.locator(".pagefind-ui__filter-name", { hasText: "person" }).click();
  await page.getByLabel(/Dmitry Peskov/).check();
  await expect(results).toHaveCount(1);
  expect(await hrefs(page)).toEqual([OTHER_ARTICLE]);
});

test("a link to search with a person opens the results already filtered", async ({ page }) => {
  await page.goto("/search/?q=Kerry&person=Barack%20Obama");
  await expect(page.locator(".pagefind-ui__result")).toHaveCount(1);
  expect(await hrefs(page)).toEqual([ARTICLE]);
});

test("search results can be sorted oldest or newest first", async ({ page }) => {
  const results = await search(page, "/search/", "Kerry");
  await expect(results).toHaveCount(2);
  await page.getByLabel("Sort results").selectOption({ label: "Oldest first" });
  await expect(page.locator(".pagefind-ui__search-input")).toHaveValue("Kerry");
  await expect(results).toHaveCount(2);
  expect(await hrefs(page)).toEqual([OTHER_ARTICLE, ARTICLE]);
  await page.getByLabel("Sort results").selectOption({ label: "Newest first" });
  await expect(results).toHaveCount(2);
  expect(await hrefs(page)).toEqual([ARTICLE, OTHER_ARTICLE]);
});

test("listing pages are not in the index: only article bodies are searched", async ({ page }) => {
  await search(page, "/search/", "Everyone named in the bulletin");
  await expect(page.locator(".pagefind-ui__message")).toBeVisible();
  await expect(page.locator(".pagefind-ui__result")).toHaveCount(0);
});

test("the Arabic search page searches the Arabic edition", async ({ page }) => {
  const results = await search(page, "/ar/search/", "لافروف");
  await expect(results).toHaveCount(1);
  expect((await hrefs(page)).map(decodeURIComponent)).toEqual([decodeURIComponent(ARABIC_ARTICLE)]);
});

test("the search page loads no script that blocks rendering and nothing from another origin", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await page.goto("/search/");
  await expect(page.locator(".pagefind-ui__search-input")).toBeVisible();
  const blocking = await page.locator("script[src]:not([defer]):not([async]):not([type=module])").count();
  expect(blocking).toBe(0);
  expect(foreign).toEqual([]);
});
