import { test, expect, type Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import { PAGE_TYPES } from "./pageTypes.ts";

/**
 * axe-core on every page type, in light and dark colour schemes: zero violations of any
 * impact (WCAG 2.2 A/AA and axe's best practices), not only the serious ones.
 */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const { name, url } of PAGE_TYPES) {
    test(`axe finds nothing wrong on the ${name} page in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      expect(await violations(page)).toEqual([]);
    });
  }

  test(`axe finds nothing wrong on search results, with words marked and a filter chosen, in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/search/?q=kerry&topic=Syria");
    await expect(page.locator("#search-results mark").first()).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test(`axe finds nothing wrong on the small-screen article in ${colorScheme} mode`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.emulateMedia({ colorScheme });
    await page.goto(PAGE_TYPES.find((p) => p.name === "article")!.url);
    expect(await violations(page)).toEqual([]);
  });
}
