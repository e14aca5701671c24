import { test, expect, open, expectNoSeriousA11yViolations } from "../support/e2e.ts";
import { PAGE_TYPES } from "./pageTypes.ts";

/** The not-found page type is visited at a missing URL, as readers meet it. */
const statusOf = (name: string) => (name === "not-found" ? 404 : 200);

/**
 * axe on one page of every type, in both colour schemes: no serious or critical violation.
 * Console errors fail these tests too (see test/support/e2e.ts).
 */
for (const { name, url } of PAGE_TYPES) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`the ${name} page has no serious or critical accessibility violation (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, url, statusOf(name));
      if (name.endsWith("search")) await page.locator("main input").first().waitFor();
      await expectNoSeriousA11yViolations(page);
    });
  }
}

test("/404.html itself has no serious or critical accessibility violation", async ({ page }) => {
  await open(page, "/404.html");
  await expectNoSeriousA11yViolations(page);
});

test("every page type declares its language and has exactly one main landmark and one h1", async ({ page }) => {
  for (const { name, url } of PAGE_TYPES) {
    await open(page, url, statusOf(name));
    await expect(page.locator("html"), url).toHaveAttribute("lang", /^(en|ar)\b/);
    await expect(page.locator("main"), url).toHaveCount(1);
    await expect(page.locator("h1"), url).toHaveCount(1);
  }
});
