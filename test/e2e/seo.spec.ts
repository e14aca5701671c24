import { test, expect, type Page } from "@playwright/test";
import { ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

const meta = (page: Page, key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);

test("an article shares as an article: OpenGraph type, times and tags, its canonical URL and a Twitter card", async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(meta(page, "og:type")).toHaveAttribute("content", "article");
  await expect(meta(page, "og:title")).toHaveAttribute("content", (await page.locator("h1").innerText()).trim());
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  await expect(meta(page, "og:url")).toHaveAttribute("content", canonical!);
  const published = await page.locator(".published time").getAttribute("datetime");
  await expect(meta(page, "article:published_time")).toHaveAttribute("content", published!);
  await expect(meta(page, "article:modified_time")).toHaveAttribute("content", /\+03:00$/);
  const tags = await meta(page, "article:tag").evaluateAll((els) => els.map((e) => e.getAttribute("content")));
  const shown = await page.locator('.article-footer a[rel="tag"]').allInnerTexts();
  expect(tags.sort()).toEqual(shown.map((t) => t.trim()).sort());
  await expect(meta(page, "twitter:card")).toHaveAttribute("content", "summary_large_image");
});

test("every page type has a description, OpenGraph and Twitter metadata, and a share image that loads", async ({ page, request }) => {
  for (const { name, url } of PAGE_TYPES) {
    await page.goto(url);
    for (const key of ["og:title", "og:description", "og:url", "og:image", "og:site_name", "twitter:card", "twitter:image"]) {
      await expect(meta(page, key), `${name}: ${key}`).toHaveCount(1);
    }
    await expect(meta(page, "description"), name).toHaveAttribute("content", /\S/);
    const type = await meta(page, "og:type").getAttribute("content");
    expect(type, name).toBe(/article/.test(name) ? "article" : "website");
    const image = new URL((await meta(page, "og:image").getAttribute("content"))!);
    const response = await request.get(image.pathname);
    expect(response.status(), `${name}: ${image}`).toBe(200);
    expect(response.headers()["content-type"], name).toMatch(/^image\/(png|jpeg)/);
  }
});

test("robots.txt names both sitemaps, and every page the sitemap lists is served", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  const sitemaps = [...robots.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => new URL(m[1]!).pathname);
  expect(sitemaps).toEqual(["/sitemap.xml", "/news-sitemap.xml"]);
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toContain("xml");
  const locs = [...(await sitemap.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, "&")).pathname);
  expect(locs).toContain("/");
  expect(locs).toContain(ARTICLE);
  for (const path of locs) expect((await request.get(path)).status(), path).toBe(200);
  const news = await request.get("/news-sitemap.xml");
  expect(news.status()).toBe(200);
  expect(await news.text()).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
});
