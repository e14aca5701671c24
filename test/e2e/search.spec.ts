import { test, expect, type Page } from "@playwright/test";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE } from "./pageTypes.ts";

/** The live story retells both stories: it is found wherever their words are (but for Bastille, which it leaves out). */
const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";

/** Search runs in the browser on the Pagefind index that `npm run build` writes into /pagefind/. */
const results = (page: Page) => page.locator("#search-results > li");

async function search(page: Page, url: string, term: string) {
  await page.goto(url);
  await page.getByRole("searchbox").fill(term);
  await page.getByRole("searchbox").press("Enter");
}

const hrefs = async (page: Page) =>
  page.locator("#search-results a").evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)));

test("search finds an article by a word that appears only in its body, with its date and the word marked", async ({ page }) => {
  await search(page, "/search/", "Bastille");
  await expect(results(page)).toHaveCount(1);
  await expect(page.getByRole("status")).toHaveText("1 article found");
  expect(await hrefs(page)).toEqual([ARTICLE]);
  const result = results(page).first();
  await expect(result.getByRole("heading", { level: 2 })).toHaveText("Putin to Kerry: Moscow hopes for progress in talks with Washington on Syria");
  await expect(result.locator(".teaser-meta")).toContainText("15 July 2016");
  await expect(result.locator("mark")).toHaveText("Bastille");
});

test("a result's excerpt is the story's own text, never starting inside its headline, with the matches marked", async ({ page, request }) => {
  const storyText = async (url: string) => {
    const html = await (await request.get(url)).text();
    await page.setContent(html);
    // A live story's text includes its updates' headings; Pagefind ends a heading with a full stop.
    const text = await page.locator(".standfirst, .article-body, .live-update-title").allInnerTexts();
    return bare(text.join(" "));
  };
  /** Text as words without the punctuation that ends them, one space apart. */
  const bare = (text: string) => text.split(/\s+/).map((word) => word.replace(/[.,:;!?]+$/, "")).join(" ");
  const stories = new Map([[ARTICLE, await storyText(ARTICLE)], [OTHER_ARTICLE, await storyText(OTHER_ARTICLE)], [LIVE, await storyText(LIVE)]]);
  // "Kerry" is in every headline: Pagefind's own excerpts began "to Kerry: Moscow hopes…".
  await search(page, "/search/", "Kerry");
  await expect(results(page)).toHaveCount(stories.size);
  for (const result of await results(page).all()) {
    const url = decodeURIComponent(new URL((await result.locator("a").first().getAttribute("href"))!, "http://x").pathname);
    const headline = (await result.getByRole("heading").innerText()).trim();
    const excerpt = (await result.locator(".teaser-summary").innerText()).replace(/^… | …$/g, "").replace(/\s+/g, " ").trim();
    expect(stories.get(url), `${url}: the excerpt "${excerpt}" is a run of the story's text`).toContain(bare(excerpt));
    expect(headline.startsWith(excerpt.split(" ").slice(0, 3).join(" ")), `"${excerpt}" starts the headline again`).toBe(false);
    await expect(result.locator(".teaser-summary mark").first()).toHaveText(/^Kerry/);
  }
});

test("with no words to match (a filter alone), a result's excerpt is the story's opening", async ({ page }) => {
  await page.goto("/search/?person=Barack%20Obama");
  await expect(results(page)).toHaveCount(2); // the story, and the live story that retells it
  const story = results(page).filter({ has: page.locator(`a[href="${encodeURI(ARTICLE)}"]`) });
  await expect(story.locator(".teaser-summary")).toHaveText(/^Moscow, SANA – Russian Foreign Minister Sergey Lavrov asserted that talks .* …$/);
});

test("search results narrow to the articles tagged with a chosen person", async ({ page }) => {
  await search(page, "/search/", "Kerry");
  await expect(results(page)).toHaveCount(3);
  await page.getByLabel("People").selectOption("Dmitry Peskov");
  await expect(results(page)).toHaveCount(2);
  expect((await hrefs(page)).sort()).toEqual([OTHER_ARTICLE, LIVE].sort());
  await expect(page).toHaveURL(/[?&]person=Dmitry\+Peskov/);
});

test("a link to search with a person opens the results already filtered, even with no words", async ({ page }) => {
  await page.goto("/search/?q=Kerry&person=Barack%20Obama");
  await expect(results(page)).toHaveCount(2);
  expect((await hrefs(page)).sort()).toEqual([ARTICLE, LIVE].sort());
  await page.goto("/search/?topic=Geneva%20talks");
  await expect(results(page)).toHaveCount(3);
  await expect(page.getByLabel("Topics")).toHaveValue("Geneva talks");
});

test("search results can be sorted oldest or newest first", async ({ page }) => {
  // Obama is in the 17:40 story and the live story of 13:10 (the Kremlin story, also of 13:10, would tie).
  await page.goto("/search/?q=Kerry&person=Barack%20Obama");
  await expect(results(page)).toHaveCount(2);
  await page.getByLabel("Sort results").selectOption({ label: "Oldest first" });
  await expect.poll(() => hrefs(page)).toEqual([LIVE, ARTICLE]);
  await page.getByLabel("Sort results").selectOption({ label: "Newest first" });
  await expect.poll(() => hrefs(page)).toEqual([ARTICLE, LIVE]);
  await expect(page).toHaveURL(/[?&]sort=date%3Adesc/);
});

test("listing pages are not in the index: only article bodies are searched", async ({ page }) => {
  // Words only the people index and the person pages carry.
  await search(page, "/search/", "Everyone named");
  await expect(page.getByRole("status")).toHaveText("No article matches. Try other words, or fewer filters.");
  await expect(results(page)).toHaveCount(0);
});

test("the Arabic search page searches the Arabic edition, in Arabic", async ({ page }) => {
  // A word of the Arabic story that the Arabic live story leaves out: a truck (the attack in Nice).
  await search(page, "/ar/search/", "شاحنة");
  await expect(results(page)).toHaveCount(1);
  expect(await hrefs(page)).toEqual([decodeURIComponent(ARABIC_ARTICLE)]);
  await expect(page.getByRole("status")).toHaveText("وُجد خبر واحد");
  await expect(results(page).locator(".teaser-meta")).toContainText("تموز");
});

test("the search page loads no script that blocks rendering and nothing from another origin", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("data:") && new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  await search(page, "/search/", "Kerry");
  await expect(results(page)).toHaveCount(3);
  const blocking = await page.locator("script[src]:not([defer]):not([async]):not([type=module])").count();
  expect(blocking).toBe(0);
  expect(foreign).toEqual([]);
});

test("without an index the search page says so instead of searching forever", async ({ page }) => {
  await page.route("**/pagefind/**", (route) => route.fulfill({ status: 404, body: "" }));
  await search(page, "/search/", "Kerry");
  await expect(page.getByRole("status")).toHaveText("Search is not available right now. Browse by people, topics or date instead.");
});
