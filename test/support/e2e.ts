import { test as base, expect, type Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";

/**
 * Playwright helpers shared by the page-type specs. `test` fails any test during which
 * a page logged a console error or threw, so "no console errors" holds for every page
 * a spec visits without each test saying so.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() !== "error") return;
        // Chromium logs a 404 document as a failed resource; fine where `open` expected the 404.
        if (m.location().url && expectedMissing.get(page)?.has(new URL(m.location().url).pathname)) return;
        errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Paths a test opened expecting an error status, per page. */
const expectedMissing = new WeakMap<Page, Set<string>>();

/** Opens `url` and expects the served status (200 unless said otherwise). */
export async function open(page: Page, url: string, status = 200): Promise<void> {
  if (status !== 200) {
    const urls = expectedMissing.get(page) ?? new Set<string>();
    urls.add(new URL(url, "http://localhost").pathname);
    expectedMissing.set(page, urls);
  }
  const response = await page.goto(url);
  expect(response?.status(), `status of ${url}`).toBe(status);
}

/** Paths of the article links in the page's main content, in reading order, each once. */
export async function articleLinksInMain(page: Page): Promise<string[]> {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => /^\/(?:[a-z]{2}\/)?\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(h)))];
}

/** The `datetime` of every `<time>` in the main content, in reading order. */
export async function datetimesInMain(page: Page): Promise<string[]> {
  return page.locator("main time[datetime]").evaluateAll((times) => times.map((t) => t.getAttribute("datetime") ?? ""));
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Every `<time>` in an English page says, in words, the day (and the hour, when it shows
 * one) of its `datetime` attribute, read at the offset written there: a reader and a
 * search engine see the same date.
 */
export async function expectVisibleDatesMatchDatetime(page: Page): Promise<void> {
  const times = await page.locator("time[datetime]").evaluateAll((ts) => ts.map((t) => ({ datetime: t.getAttribute("datetime") ?? "", text: (t as HTMLElement).innerText })));
  expect(times.length, "the page shows at least one date").toBeGreaterThan(0);
  for (const { datetime, text } of times) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(datetime);
    expect(m, `datetime="${datetime}" is ISO 8601`).not.toBeNull();
    const [, year, month, day, hour, minute] = m!;
    expect(text, `visible date for ${datetime}`).toContain(`${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`);
    if (/\d{1,2}:\d{2}/.test(text) && hour) expect(text, `visible time for ${datetime}`).toContain(`${hour}:${minute}`);
  }
}

/** Runs axe on the page and expects no serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** "2 articles" → 2. */
export function countIn(text: string): number {
  const m = /(\d+)\s+articles?/.exec(text);
  expect(m, `"${text}" gives an article count`).not.toBeNull();
  return Number(m![1]);
}
