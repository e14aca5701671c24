import { test, expect, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { ARABIC_ARTICLE, ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

async function headingLevels(page: Page): Promise<number[]> {
  return page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
}

for (const { name, url } of PAGE_TYPES) {
  test(`the ${name} page has the landmarks and headings in order, fits a 320 px screen and fetches nothing from another origin`, async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("data:") && new URL(r.url()).origin !== new URL(baseURL!).origin) foreign.push(r.url());
    });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(url);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: /Sections|الأقسام/ })).toHaveCount(1);
    const levels = await headingLevels(page);
    expect(levels.filter((l) => l === 1), url).toHaveLength(1);
    expect(levels[0], url).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level - levels[i - 1]!, `${url}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${url} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    expect(foreign).toEqual([]);
  });
}

test("the skip link is the first thing a keyboard reaches, is visible when focused, and moves focus to the content", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("main a").first()).toBeFocused();
});

test("keyboard focus is plainly visible on links, in light and dark", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(ARTICLE);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), tag: document.activeElement!.tagName };
    });
    expect(outline.tag).toBe("A");
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
  }
});

test("the article reads in a column of a readable measure on a wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(ARTICLE);
  const measure = await page.locator(".article-body p").first().evaluate((p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize));
  // About 60-75 characters a line: 30-40 em.
  expect(measure).toBeGreaterThan(28);
  expect(measure).toBeLessThanOrEqual(40);
});

test("the type has a clear hierarchy: headline larger than standfirst, standfirst larger than body", async ({ page }) => {
  await page.goto("/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/");
  const size = (selector: string) => page.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const headline = await size(".headline");
  const standfirst = await size(".standfirst");
  const body = await size(".article-body p");
  expect(headline).toBeGreaterThan(standfirst * 1.4);
  expect(standfirst).toBeGreaterThan(body);
  await expect(page.locator(".article-body .dateline")).toHaveCSS("font-weight", "700");
});

test("dark mode follows the reader's system setting", async ({ page }) => {
  const colours = async () => page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(ARTICLE);
  const light = await colours();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await colours();
  expect(light.bg).toBe("rgb(255, 255, 255)");
  expect(dark.bg).not.toBe(light.bg);
  const luminance = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  expect(luminance(dark.bg)).toBeLessThan(luminance(dark.fg));
});

test("an article prints without navigation, related stories or footer", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.emulateMedia({ media: "print" });
  for (const selector of [".primary-nav", ".site-footer", ".related", ".article-nav", ".skip-link"]) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator(".headline")).toBeVisible();
  await expect(page.locator(".article-body")).toBeVisible();
  await expect(page.locator(".article-body p").first()).toHaveCSS("color", "rgb(0, 0, 0)");
});

test("the Arabic edition mirrors the layout: masthead and navigation start at the right", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(ARABIC_ARTICLE);
  const width = 1280;
  const brand = await page.locator(".brand").boundingBox();
  const frame = await page.locator(".site-header").boundingBox();
  // The brand ends at the frame's right edge, in the right half of the screen.
  expect(Math.abs(frame!.x + frame!.width - (brand!.x + brand!.width))).toBeLessThanOrEqual(1);
  expect(brand!.x).toBeGreaterThan(width / 2);
  const links = page.locator(".primary-nav a");
  const first = await links.first().boundingBox();
  const last = await links.last().boundingBox();
  expect(first!.x).toBeGreaterThan(last!.x);
  const fontFamily = await page.locator(".article-body p").first().evaluate((p) => getComputedStyle(p).fontFamily);
  expect(fontFamily).toMatch(/Naskh|Arabic|Amiri/);
});

test("the stylesheets use logical properties only, so right-to-left pages mirror without their own rules", () => {
  const sheets = readdirSync("layouts/assets").filter((f) => f.endsWith(".css"));
  expect(sheets).toContain("site.css");
  for (const sheet of sheets) {
    const css = readFileSync(`layouts/assets/${sheet}`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
    // Media queries keep min-width: there is no logical form browsers support there yet.
    const physical = css.match(/\b(margin|padding|border|inset)-(left|right|top|bottom)\b|(?<![-\w])(left|right|top|bottom)\s*:|\b(float|text-align|clear)\s*:\s*(left|right)\b|(?<![-\w(])(width|height|min-width|max-width|min-height|max-height)\s*:/g) ?? [];
    expect(physical, sheet).toEqual([]);
    expect(css, sheet).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
    // Faces are the editions' own (arabic.css), never in the stylesheet every page loads.
    if (sheet === "site.css") expect(css).not.toMatch(/@font-face/);
  }
});
