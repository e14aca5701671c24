import { test, expect, type Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdirSync } from "node:fs";

const ENGLISH = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const ARABIC_SLUG = "بوتين-لكيري-موسكو-تأمل-بتحقيق-تقدم-في-المحادثات-حول-سوريا";
const ARABIC = `/ar/2016/07/15/${encodeURIComponent(ARABIC_SLUG)}/`;

async function openArabic(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const response = await page.goto(ARABIC);
  expect(response?.status()).toBe(200);
  return errors;
}

test("the Arabic article is marked Arabic and right-to-left", async ({ page }) => {
  const errors = await openArabic(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("h1")).toHaveText("بوتين لكيري: موسكو تأمل بتحقيق تقدم في المحادثات مع واشنطن حول سوريا");
  await expect(page.locator(".article-body .dateline")).toHaveText("موسكو-سانا");
  expect(errors).toEqual([]);
});

test("the Arabic article's date is written in Arabic and matches its machine-readable date", async ({ page }) => {
  await openArabic(page);
  const time = page.locator(".published time");
  await expect(time).toHaveAttribute("datetime", "2016-07-15T17:40:00+03:00");
  const text = await time.innerText();
  expect(text).toContain("الجمعة");
  expect(text).toContain("تموز");
  expect(text).toContain("١٥");
  expect(text).toContain("٢٠١٦");
});

test("the Arabic article's text starts at the right edge of its column", async ({ page }) => {
  await openArabic(page);
  const edges = await page.locator(".article-body p").first().evaluate((p) => {
    const range = document.createRange();
    const text = p.querySelector(".dateline")?.firstChild ?? p.firstChild!;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect();
    const box = p.getBoundingClientRect();
    return { firstCharRight: first.right, firstCharLeft: first.left, boxRight: box.right, boxLeft: box.left, direction: getComputedStyle(p).direction };
  });
  expect(edges.direction).toBe("rtl");
  expect(Math.abs(edges.boxRight - edges.firstCharRight)).toBeLessThan(2);
  expect(edges.firstCharLeft - edges.boxLeft).toBeGreaterThan(100);
});

test("the Arabic and English versions link to each other", async ({ page }) => {
  await openArabic(page);
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /\/2016\/07\/15\/putin-to-kerry-moscow-hopes-for-progress-on-syria\/$/);
  await page.locator('.translation a[hreflang="en"]').click();
  await expect(page).toHaveURL(new RegExp(`${ENGLISH}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute("href", new RegExp(`${ARABIC}$`));
  await page.locator('.translation a[hreflang="ar"]').click();
  await expect(page.locator("h1")).toHaveText(/بوتين لكيري/);
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(decodeURIComponent(ARABIC));
});

test("people in the Arabic article keep one identity: their Arabic page is named in Arabic and links back", async ({ page }) => {
  await openArabic(page);
  await page.getByRole("link", { name: "فلاديمير بوتين" }).click();
  await expect(page).toHaveURL(/\/ar\/people\/vladimir-putin\/$/);
  await expect(page.locator("h1")).toHaveText("فلاديمير بوتين");
  await expect(page.locator(`a[href="${ARABIC}"]`).first()).toBeVisible();
});

test("the Arabic home page lists the Arabic story and switches to the English edition", async ({ page }) => {
  await page.goto("/ar/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator(`a[href="${ARABIC}"]`).first()).toBeVisible();
  await page.locator('.edition-switch a[hreflang="en"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violation on the Arabic article and home page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [ARABIC, "/ar/", "/ar/people/vladimir-putin/", "/ar/2016/07/15/"]) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${url}: ${v.id} (${v.impact})`)).toEqual([]);
    }
  });
}

test("screenshots of the Arabic article at 375 px and 1280 px, light and dark", async ({ page }) => {
  mkdirSync("artifacts/screenshots", { recursive: true });
  for (const width of [375, 1280]) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(ARABIC);
      const path = `artifacts/screenshots/arabic-article-${width}-${scheme}.png`;
      await page.screenshot({ path, fullPage: true });
    }
  }
});

test("the sitemap lists each version of the translated story with both language alternates", async ({ request }) => {
  const xml = await (await request.get("/sitemap.xml")).text();
  expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  const entryFor = (path: string) => {
    const match = xml.match(new RegExp(`<url>\\s*<loc>[^<]*${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}</loc>[\\s\\S]*?</url>`));
    expect(match, `sitemap entry for ${path}`).not.toBeNull();
    return match![0];
  };
  for (const path of [ENGLISH, ARABIC]) {
    const entry = entryFor(path);
    expect(entry).toMatch(new RegExp(`<xhtml:link rel="alternate" hreflang="en" href="[^"]*${ENGLISH}"/>`));
    expect(entry).toContain(`hreflang="ar" href="https://bulletin.example.org${ARABIC}"`);
  }
});

test("a person's page names its counterpart in the other edition", async ({ page }) => {
  await page.goto("/people/vladimir-putin/");
  await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute("href", /\/ar\/people\/vladimir-putin\/$/);
  await page.goto("/ar/people/vladimir-putin/");
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /[^r]\/people\/vladimir-putin\/$/);
});
