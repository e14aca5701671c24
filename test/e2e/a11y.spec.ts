import { test, expect, open, expectNoSeriousA11yViolations } from "../support/e2e.ts";
import { PAGE_TYPES, OTHER_ARTICLE, statusOf } from "./pageTypes.ts";

/**
 * Every page type loads without a console error (test/support/e2e.ts fails the test on
 * one), declares its language, and has one main landmark and one h1. axe over every page
 * type in both colour schemes is a11y-dark.spec.ts (zero violations of any impact, which
 * includes "no serious or critical"); here axe covers the pages that spec does not visit.
 */

for (const { name, url } of PAGE_TYPES) {
  test(`the ${name} page loads without console errors, declares its language, and has one main and one h1`, async ({ page }) => {
    await open(page, url, statusOf(name));
    if (name.endsWith("search")) await page.locator("main input").first().waitFor();
    await expect(page.locator("html")).toHaveAttribute("lang", /^(en|ar)\b/);
    await expect(page.locator("html")).toHaveAttribute("dir", /^(ltr|rtl)$/);
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveCount(1);
  });
}

for (const { name, url } of [
  { name: "/404.html itself", url: "/404.html" },
  { name: "an article with a writer's summary (standfirst)", url: OTHER_ARTICLE },
  { name: "a topic named in one story only", url: "/topics/nice-attack/" },
]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`${name} has no serious or critical accessibility violation (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, url);
      await expectNoSeriousA11yViolations(page);
    });
  }
}
