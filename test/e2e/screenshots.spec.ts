import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { PAGE_TYPES, statusOf } from "./pageTypes.ts";

/**
 * Screenshots of every page type, in both editions, at a phone's and a laptop's width, light
 * and dark, into artifacts/screenshots/ for people to look at (never pixel-compared).
 */
const DIR = "artifacts/screenshots";
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"] as const;
/** A search with results: "Kerry", and in Arabic "سوريا" (Syria). */
const QUERY = { en: "Kerry", ar: "%D8%B3%D9%88%D8%B1%D9%8A%D8%A7" };

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

for (const { name, url } of PAGE_TYPES) {
  test(`the ${name} page is photographed at 375 and 1280 px, light and dark, without horizontal scrolling`, async ({ page }) => {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        await page.setViewportSize({ width, height: width < 800 ? 667 : 800 });
        await page.emulateMedia({ colorScheme });
        const response = await page.goto(name.endsWith("search") ? `${url}?q=${name.startsWith("ar") ? QUERY.ar : QUERY.en}` : url);
        expect(response?.status()).toBe(statusOf(name));
        if (name.endsWith("search")) await page.locator("#search-results li").first().waitFor();
        // Photographed as drawn in their own faces, not in the fallback before the swap.
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${DIR}/${name}-${width}-${colorScheme}.png`, fullPage: true });
      }
    }
  });
}
