import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { PAGE_TYPES } from "./pageTypes.ts";

/**
 * Screenshots of every page type at a phone's and a desk's width, light and dark, into
 * artifacts/screenshots/ for people to look at (never pixel-compared).
 */
const DIR = "artifacts/screenshots";
const WIDTHS = [375, 1280];
const SCHEMES = ["light", "dark"] as const;

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

for (const { name, url } of PAGE_TYPES) {
  test(`the ${name} page is photographed at 375 and 1280 px, light and dark, without horizontal scrolling`, async ({ page }) => {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        const response = await page.goto(name.endsWith("search") ? `${url}?q=${name.startsWith("ar") ? "%D8%B3%D9%88%D8%B1%D9%8A%D8%A7" : "Kerry"}` : url);
        expect(response?.status()).toBe(name === "not-found" ? 404 : 200);
        if (name.endsWith("search")) await page.locator("#search-results li").first().waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${DIR}/${name}-${width}-${colorScheme}.png`, fullPage: true });
      }
    }
  });
}
