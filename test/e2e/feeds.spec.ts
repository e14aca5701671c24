import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { parseFeed } from "@rowanmanning/feed-parser";
import { ARABIC_ARTICLE } from "./pageTypes.ts";

/** The site's base URL as the build writes it, so absolute links can be followed on the local server. */
async function baseUrlOf(page: Page): Promise<string> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  return new URL(canonical!).origin;
}

async function fetchFeed(request: APIRequestContext, href: string) {
  const response = await request.get(href);
  expect(response.status(), href).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  return parseFeed(await response.text());
}

test("a feed reader finds the bulletin's feed from the home page and gets its latest articles, newest first", async ({ page, request }) => {
  await page.goto("/");
  const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(link).toHaveCount(1);
  const feed = await fetchFeed(request, (await link.getAttribute("href"))!);
  const base = await baseUrlOf(page);
  const headlines = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const homeArticles = [...new Set(headlines.filter((h): h is string => !!h && /^\/\d{4}\/\d\d\/\d\d\/[^/]+\/$/.test(h)))];
  // The home page is in the desk's order (a pinned lead); the feed has the same stories, newest first.
  expect(feed.items.map((i) => i.url!.slice(base.length)).sort()).toEqual([...homeArticles].sort());
  const published = feed.items.map((i) => i.published!.getTime());
  expect(published).toEqual([...published].sort((a, b) => b - a));
  for (const item of feed.items) expect(item.id).toBe(item.url);
});

test("each feed entry's title and date are the article page's headline and published time", async ({ page, request }) => {
  const feed = await fetchFeed(request, "/feed.xml");
  await page.goto("/");
  const base = await baseUrlOf(page);
  for (const item of feed.items) {
    await page.goto(item.url!.slice(base.length));
    await expect(page.locator("h1")).toHaveText(item.title!);
    const datetime = await page.locator(".published time").getAttribute("datetime");
    expect(new Date(datetime!).toISOString()).toBe(item.published!.toISOString());
  }
});

test("a person's page offers that person's own feed, which lists only their articles", async ({ page, request }) => {
  await page.goto("/people/vladimir-putin/");
  const link = page.locator('head link[rel="alternate"][href="/people/vladimir-putin/feed.xml"]');
  await expect(link).toHaveAttribute("type", "application/atom+xml");
  await expect(link).toHaveAttribute("title", /Vladimir Putin/);
  const feed = await fetchFeed(request, "/people/vladimir-putin/feed.xml");
  const base = await baseUrlOf(page);
  const listed = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(feed.items.length).toBeGreaterThan(0);
  for (const item of feed.items) expect(listed).toContain(item.url!.slice(base.length));
});

test("a topic's page offers the topic's feed", async ({ page, request }) => {
  await page.goto("/topics/syria/");
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"][href$="/topics/syria/feed.xml"]').getAttribute("href");
  const feed = await fetchFeed(request, href!);
  expect(feed.title).toContain("Syria");
  expect(feed.items.length).toBeGreaterThan(0);
});

test("the Arabic edition has its own feeds, in Arabic", async ({ page, request }) => {
  await page.goto(ARABIC_ARTICLE);
  const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').first().getAttribute("href");
  expect(href).toBe("/ar/feed.xml");
  const feed = await fetchFeed(request, href!);
  expect(feed.language).toBe("ar");
  const base = await baseUrlOf(page);
  expect(feed.items.map((i) => i.url!.slice(base.length))).toContain(ARABIC_ARTICLE);
});

test("the JSON Feed is announced too and carries the same articles as the Atom feed", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="alternate"][type="application/feed+json"]').getAttribute("href");
  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  const json = (await response.json()) as { version: string; items: { id: string; content_html: string }[] };
  expect(json.version).toBe("https://jsonfeed.org/version/1.1");
  const atom = await fetchFeed(request, "/feed.xml");
  expect(json.items.map((i) => i.id)).toEqual(atom.items.map((i) => i.id));
  for (const item of json.items) expect(item.content_html.length).toBeGreaterThan(100);
});

test("every page's footer links its edition's Atom and JSON feeds, and both load", async ({ page, request }) => {
  for (const [url, prefix, atom, json] of [["/people/", "", "Atom feed", "JSON Feed"], ["/ar/", "/ar", "خلاصة Atom", "خلاصة JSON"], ["/404.html", "", "Atom feed", "JSON Feed"]] as const) {
    await page.goto(url);
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: atom, exact: true })).toHaveAttribute("href", `${prefix}/feed.xml`);
    await expect(footer.getByRole("link", { name: json, exact: true })).toHaveAttribute("href", `${prefix}/feed.json`);
    expect((await request.get(`${prefix}/feed.xml`)).status()).toBe(200);
    expect((await request.get(`${prefix}/feed.json`)).status()).toBe(200);
  }
});
