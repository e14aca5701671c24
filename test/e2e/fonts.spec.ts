import { test, expect, type Page } from "@playwright/test";
import { ARABIC_ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

/**
 * The Arabic edition's own text face (layouts/assets/arabic.css): what the browser actually
 * draws with, asked of Chromium itself (the fonts it used for a node's text, through the
 * DevTools protocol), and who downloads it.
 */

/** The fonts Chromium drew `selector`'s text with, most glyphs first, once the page's fonts are in. */
async function fontsDrawing(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  await cdp.detach();
  return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount);
}

/** The font files a page fetched. */
function fontRequests(page: Page): string[] {
  const fonts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "font" || /\.(woff2?|ttf|otf)$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
  });
  return fonts;
}

test("Arabic headlines and text are drawn in the bulletin's own Naskh face, downloaded once, as WOFF2", async ({ page, request }) => {
  for (const [url, selectors] of [[ARABIC_ARTICLE, [".headline", ".article-body p"]], ["/ar/", [".lead-title a", ".standfirst"]]] as const) {
    const fonts = fontRequests(page);
    await page.goto(url);
    for (const selector of selectors) {
      const [main] = await fontsDrawing(page, selector);
      expect(main, `${url} ${selector}`).toMatchObject({ familyName: "Noto Naskh Arabic", isCustomFont: true });
    }
    // One file for every weight (variable 400-700), requested once.
    expect(fonts, url).toEqual(["/assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2"]);
    page.removeAllListeners("request");
  }
  const fonts = ["/assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2"];
  const response = await request.get(fonts[0]!);
  expect(response.headers()["content-type"]).toBe("font/woff2");
  expect((await response.body()).subarray(0, 4).toString("latin1")).toBe("wOF2");
  // Its licence travels with it.
  expect((await request.get("/assets/fonts/noto-naskh-arabic-LICENSE.txt")).status()).toBe(200);
});

test("every Arabic page type loads the face; no English page downloads it, or any font", async ({ page }) => {
  for (const { name, url } of PAGE_TYPES) {
    const fonts = fontRequests(page);
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const arabic = (await page.locator("html").getAttribute("lang")) === "ar";
    expect(fonts, name).toEqual(arabic ? ["/assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2"] : []);
    await expect(page.locator('link[rel="stylesheet"][href="/assets/arabic.css"]'), name).toHaveCount(arabic ? 1 : 0);
    page.removeAllListeners("request");
  }
});

test("the face shows text at once (font-display: swap) and is fetched early (preload) on Arabic pages", async ({ page }) => {
  await page.goto(ARABIC_ARTICLE);
  const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ""), display: f.display, weight: f.weight })));
  expect(faces).toContainEqual({ family: "Noto Naskh Arabic", display: "swap", weight: "400 700" });
  await expect(page.locator('link[rel="preload"][as="font"]')).toHaveAttribute("href", "/assets/fonts/noto-naskh-arabic-arabic-wght-normal.woff2");
});
