import { test, expect } from "@playwright/test";
import { ARTICLE, OTHER_ARTICLE } from "./pageTypes.ts";

test("an article's image is offered as AVIF, WebP and JPEG with its size, alt text, caption and credit", async ({ page, request }) => {
  await page.goto(ARTICLE);
  const figure = page.locator(".article-figure");
  await expect(figure.locator("source")).toHaveCount(2);
  await expect(figure.locator("source").nth(0)).toHaveAttribute("type", "image/avif");
  await expect(figure.locator("source").nth(1)).toHaveAttribute("type", "image/webp");
  const img = figure.locator("img");
  await expect(img).toHaveAttribute("alt", "Schematic map: dashed lines link Moscow to Geneva and to Damascus");
  await expect(img).toHaveAttribute("width", "1200");
  await expect(img).toHaveAttribute("height", "675");
  await expect(figure.locator("figcaption")).toContainText("Moscow, where Putin and Lavrov met Kerry");
  await expect(figure.locator(".credit")).toHaveText("Image: schematic drawn for the sample bulletin, public domain (CC0)");

  const srcsets = [await img.getAttribute("srcset"), ...(await figure.locator("source").evaluateAll((s) => s.map((e) => e.getAttribute("srcset"))))];
  const urls = srcsets.flatMap((set) => set!.split(", ").map((c) => c.split(" ")[0]!));
  expect(urls.length).toBe(9);
  for (const url of urls) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toMatch(/^image\/(avif|webp|jpeg)$/);
  }
});

test("the browser picks a modern format and draws the image at its own proportions", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(ARTICLE);
  const img = page.locator(".article-figure img");
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const drawn = await img.evaluate((i: HTMLImageElement) => ({ src: i.currentSrc, w: i.getBoundingClientRect().width, h: i.getBoundingClientRect().height }));
  expect(drawn.src).toMatch(/\.(avif|webp)$/);
  expect(drawn.w / drawn.h).toBeCloseTo(1200 / 675, 1);
});

test("the lead story on the home page shows its image", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".lead-story .article-figure img")).toHaveAttribute("alt", /Schematic map/);
});

test("an article without an image has no empty figure", async ({ page }) => {
  await page.goto(OTHER_ARTICLE);
  await expect(page.locator("figure")).toHaveCount(0);
});

test("the first image a reader sees, an article's photo or the front page's lead, is fetched at once and first", async ({ page }) => {
  for (const url of [ARTICLE, "/"]) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    const images = page.locator("main img");
    const first = images.first();
    await expect(first, url).toHaveAttribute("fetchpriority", "high");
    expect(await first.getAttribute("loading"), url).not.toBe("lazy");
    // It is in the first screen, and the only image the page asks to hurry.
    const top = await first.evaluate((i) => i.getBoundingClientRect().top);
    expect(top, url).toBeLessThan(800);
    await expect(page.locator('main img[fetchpriority="high"]'), url).toHaveCount(1);
  }
});
