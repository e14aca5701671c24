import { test, expect } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

/** The budget: an article page's HTML and CSS together, gzipped, images apart. */
const BUDGET_BYTES = 30 * 1024;
/**
 * Arabic pages also load their text face (layouts/assets/arabic.css): one WOFF2 (compressed
 * already), about 92 KB, once, then from the cache. So an Arabic article's first visit is at
 * most 30 KB of HTML and CSS plus 100 KB of font: 130 KB. English pages load no font.
 */
const FONT_BUDGET_BYTES = 100 * 1024;

for (const url of [ARTICLE, OTHER_ARTICLE, ARABIC_ARTICLE]) {
  test(`the article ${decodeURIComponent(url)} weighs at most 30 KB gzipped, HTML and CSS together, plus at most 100 KB of font in Arabic`, async ({ request }) => {
    const html = await (await request.get(url)).text();
    const sheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
    expect(sheets.length).toBeGreaterThan(0);
    let total = gzipSync(html).length;
    for (const href of sheets) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
      total += gzipSync(await response.body()).length;
    }
    test.info().annotations.push({ type: "weight", description: `${(total / 1024).toFixed(1)} KB gzipped` });
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    // And its fonts: the preloaded face on Arabic pages, none on English ones.
    const fonts = [...html.matchAll(/<link[^>]+rel="preload"[^>]+as="font"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])![1]!);
    expect(fonts.length).toBe(url === ARABIC_ARTICLE ? 1 : 0);
    for (const href of fonts) {
      const size = (await (await request.get(href)).body()).length;
      test.info().annotations.push({ type: "font", description: `${href}: ${(size / 1024).toFixed(1)} KB` });
      expect(size).toBeLessThanOrEqual(FONT_BUDGET_BYTES);
    }
  });
}

test("no page loads a script that blocks rendering", async ({ request }) => {
  for (const { url } of PAGE_TYPES) {
    const html = await (await request.get(url)).text();
    const blocking = [...html.matchAll(/<script\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => !/\b(defer|async)\b|type="(module|application\/ld\+json)"/.test(tag));
    expect(blocking, url).toEqual([]);
  }
});

test("the article image takes its place before it loads: no layout shift", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 700 });
  // Slow image responses, so that any space not reserved would shift the text below.
  await page.route("**/img/**", async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.goto(ARTICLE);
  const img = page.locator(".article-figure img");
  await expect(img).toHaveAttribute("width", /\d+/);
  await expect(img).toHaveAttribute("height", /\d+/);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 300);
      }),
  );
  expect(shift).toBe(0);
});
