import { test, expect, type Page } from "@playwright/test";
import { ARABIC_ARTICLE, ARTICLE, OTHER_ARTICLE, PAGE_TYPES } from "./pageTypes.ts";

/**
 * Where things are drawn, computed in the page: the header on a phone, where a story starts,
 * the width of the reading column on every page type, and the leading of Arabic headings.
 */
const PHONE = { width: 375, height: 667 };
const LAPTOP = { width: 1280, height: 800 };

const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right, width: r.width, height: r.height };
  });

test("on a 375 × 667 phone the header is one compact band: the brand and the edition link on one row, the sections under them", async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const url of [ARTICLE, ARABIC_ARTICLE, "/", "/ar/people/"]) {
    await page.goto(url);
    const header = await box(page, ".site-header");
    const brand = await box(page, ".brand");
    const editions = await box(page, ".edition-switch a");
    const nav = await box(page, ".primary-nav");
    // The front page's masthead adds the bulletin's date under the brand (issue 13): one short line more.
    const dateLine = (await page.locator(".masthead-date").count()) ? (await box(page, ".masthead-date")).height : 0;
    expect(dateLine, `${url}: the masthead's date is one short line`).toBeLessThanOrEqual(24);
    expect(header.height - dateLine, `${url}: header height`).toBeLessThanOrEqual(100);
    // The edition link is on the brand's row, not a row of its own.
    expect(editions.top, url).toBeLessThan(brand.bottom);
    expect(editions.bottom, url).toBeGreaterThan(brand.top);
    expect(nav.top, url).toBeGreaterThanOrEqual(brand.bottom - 1);
    // The sections fit on their row.
    const navLinks = await page.locator(".primary-nav a").evaluateAll((as) => new Set(as.map((a) => Math.round(a.getBoundingClientRect().top))).size);
    expect(navLinks, `${url}: sections on one row`).toBe(1);
  }
});

test("on a 1280 px laptop the header is a single row", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  for (const url of [ARTICLE, ARABIC_ARTICLE]) {
    await page.goto(url);
    const header = await box(page, ".site-header");
    expect(header.height, url).toBeLessThanOrEqual(72);
    const [brand, nav, editions] = [await box(page, ".brand"), await box(page, ".primary-nav a"), await box(page, ".edition-switch a")];
    for (const other of [nav, editions]) expect(Math.max(brand.top, other.top), url).toBeLessThan(Math.min(brand.bottom, other.bottom));
  }
});

test("on a 375 × 667 phone an article's headline starts near the top, and the story starts on the first screen, picture or not", async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const url of [ARTICLE, OTHER_ARTICLE, ARABIC_ARTICLE]) {
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const headline = await box(page, "h1.headline");
    const first = await box(page, ".article-body p");
    test.info().annotations.push({ type: "position", description: `${decodeURIComponent(url)}: headline at ${Math.round(headline.top)} px, story at ${Math.round(first.top)} px` });
    expect(headline.top, `${url}: headline`).toBeLessThan(150);
    expect(first.top, `${url}: first paragraph`).toBeLessThan(PHONE.height);
  }
});

test("on a 1280 × 800 laptop the front page leads with the headline, its picture under it, all on the first screen", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  for (const url of ["/", "/ar/"]) {
    await page.goto(url);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const headline = await box(page, ".lead-title");
    expect(headline.top, url).toBeLessThan(200);
    if (url === "/") {
      const picture = await box(page, ".lead-story img");
      expect(picture.top, url).toBeGreaterThan(headline.bottom);
      expect(picture.top, url).toBeLessThan(LAPTOP.height);
    }
  }
});

/** The reading column's blocks of text in `main` (outside the rail), with how many characters a line they hold. */
async function readingBlocks(page: Page) {
  return page.locator("main").evaluate((main) => {
    const rail = ".related, .appears-with, .latest";
    const blocks = [...main.querySelectorAll("p, li, h1, h2, h3, dd, figure, form")].filter((e) => !e.closest(rail) && !e.closest(".visually-hidden") && e.getBoundingClientRect().width > 0);
    return blocks.map((e) => {
      const r = e.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(e);
      const lines = new Set([...range.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.bottom))).size;
      const chars = (e.textContent ?? "").replace(/\s+/g, " ").trim().length;
      return { what: `${e.tagName.toLowerCase()}.${e.className}`, start: r.left, end: r.right, width: r.width, lines, charsPerLine: lines > 1 ? chars / lines : 0 };
    });
  });
}

test("every page type, in both languages, reads in one column of one measure, at the same place, on a 1280 px screen", async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  const rem = 16;
  let columnStart: Record<string, number> = {};
  for (const { name, url } of PAGE_TYPES) {
    await page.goto(name.endsWith("search") ? `${url}?q=${name.startsWith("ar") ? "%D8%B3%D9%88%D8%B1%D9%8A%D8%A7" : "Kerry"}` : url);
    if (name.endsWith("search")) await page.locator("#search-results li").first().waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const rtl = (await page.locator("html").getAttribute("dir")) === "rtl";
    const frame = await box(page, "main");
    const blocks = await readingBlocks(page);
    expect(blocks.length, name).toBeGreaterThan(0);
    // The column: 40rem at most, wherever a page prints text.
    for (const b of blocks) expect(b.width, `${name}: ${b.what} is ${Math.round(b.width)} px wide`).toBeLessThanOrEqual(40 * rem + 1);
    const widest = Math.max(...blocks.map((b) => b.charsPerLine));
    test.info().annotations.push({ type: "measure", description: `${name}: at most ${Math.round(widest)} characters a line` });
    expect(widest, `${name}: characters a line`).toBeLessThanOrEqual(90);
    // The frame is the column and its rail: a page without a rail leaves a third of it, not half a screen.
    expect(frame.width, name).toBeLessThanOrEqual(62 * rem + 1);
    // The column starts at the same edge on every page of a language: one grid.
    const edge = rtl ? Math.max(...blocks.map((b) => b.end)) : Math.min(...blocks.map((b) => b.start));
    const key = rtl ? "rtl" : "ltr";
    columnStart[key] ??= edge;
    expect(Math.abs(edge - columnStart[key]!), `${name}: column edge ${edge} vs ${columnStart[key]}`).toBeLessThanOrEqual(1);
    expect(Math.abs(edge - (rtl ? frame.right : frame.left)), name).toBeLessThanOrEqual(1);
  }
  columnStart = {};
});

/**
 * Each line of a heading, top to bottom, with its content box (the font's ascent and descent,
 * as laid out), and how far the heading's letters rise above and fall below the baseline at
 * most (its ink, measured in the same font on a canvas): lines closer than that can put the
 * tallest letter of one under the deepest of the line above.
 */
async function headingLines(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((headings) => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    return headings.filter((h) => h.getBoundingClientRect().width > 1).map((h) => {
      const style = getComputedStyle(h);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      canvas.direction = style.direction as CanvasDirection;
      const lines: { text: string; top: number; bottom: number }[] = [];
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
          if (line) {
            line.text += ` ${m[0]}`;
            line.bottom = Math.max(line.bottom, rect.bottom);
          } else lines.push({ text: m[0], top: rect.top, bottom: rect.bottom });
        }
      }
      lines.sort((a, b) => a.top - b.top);
      const ink = canvas.measureText(lines.map((l) => l.text).join(" "));
      return {
        heading: `${h.tagName.toLowerCase()}.${h.className}: ${(h.textContent ?? "").trim().slice(0, 40)}`,
        lines,
        ink: ink.actualBoundingBoxAscent + ink.actualBoundingBoxDescent,
      };
    });
  });
}

test("no Arabic heading's lines touch: at 375 and 1280 px, on every Arabic page type, line boxes and letters keep apart", async ({ page }) => {
  let wrapped = 0;
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport);
    for (const { name, url } of PAGE_TYPES.filter((p) => p.name.startsWith("ar-"))) {
      await page.goto(name.endsWith("search") ? `${url}?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7` : url);
      if (name.endsWith("search")) await page.locator("#search-results li").first().waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      for (const { heading, lines, ink } of await headingLines(page, "h1, h2, h3, h4, .brand-name")) {
        if (lines.length > 1) wrapped++;
        for (let i = 1; i < lines.length; i++) {
          const [above, below] = [lines[i - 1]!, lines[i]!];
          const where = `${name} at ${viewport.width} px, ${heading}, lines ${i} and ${i + 1}`;
          expect(below.top, `${where}: line boxes overlap`).toBeGreaterThanOrEqual(above.bottom - 0.5);
          expect(below.top - above.top, `${where}: letters can touch (${Math.round(ink)} px of ink a line)`).toBeGreaterThan(ink);
        }
      }
    }
  }
  // The check means something only where headings wrap (the front's lead and the article's headline on a phone do).
  expect(wrapped).toBeGreaterThan(2);
});
