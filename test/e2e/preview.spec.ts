import { test, expect, type Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import { ar } from "../../src/i18n/strings.ts";
import { article, makeFixtureSite, type FixtureSite } from "../support/fixtureSite.ts";
import { startPreview, type PreviewProcess } from "../support/previewProcess.ts";

// The writers' preview (`npm start`) on a fixture site of its own, not the built _site/.
// Files are saved right after the page opens, without waiting for its live-reload
// connection: a save made while the page connects must not be missed.
const TALKS = "content/articles/2016/07/2016-07-15-talks-after-midnight.md";
const TALKS_URL = "/2016/07/15/talks-after-midnight/";
const talks = (body: string) => article("title: Talks continue after midnight in Moscow\ndate: 2016-07-15T00:30:00+03:00\npeople: Vladimir Putin\ntopics: [Syria]", body);

let site: FixtureSite;
let preview: PreviewProcess;

test.beforeEach(async () => {
  site = makeFixtureSite();
  preview = await startPreview(site);
});

test.afterEach(() => {
  preview.stop();
  site.remove();
});

test("an article open in the browser shows the writer's saved text without anyone reloading it", async ({ page }) => {
  await page.goto(`${preview.url}${TALKS_URL}`);
  await expect(page.locator("h1")).toHaveText("Talks continue after midnight in Moscow");
  site.write(TALKS, talks("The talks ended as the sun rose over the Kremlin."));
  await expect(page.locator(".article-body")).toContainText("as the sun rose over the Kremlin", { timeout: 30_000 });
});

test("the home page open in the browser shows a new story once its file is saved", async ({ page }) => {
  await page.goto(`${preview.url}/`);
  site.write("content/articles/2016/07/2016-07-17-a-new-story.md", article("title: A story filed this minute\ndate: 2016-07-17T09:00:00+03:00\ntopics: [Syria]"));
  await expect(page.locator("main")).toContainText("A story filed this minute", { timeout: 30_000 });
});

test("a save reloads the pages it changed and leaves other open pages alone", async ({ browser }) => {
  const home = await browser.newPage();
  const elsewhere = await browser.newPage();
  await home.goto(`${preview.url}/`);
  await elsewhere.goto(`${preview.url}/people/`);
  // Marks that a reload would wipe.
  for (const page of [home, elsewhere]) await page.evaluate(() => document.body.setAttribute("data-unreloaded", ""));
  site.write(TALKS, article("title: Talks end at dawn in Moscow\ndate: 2016-07-15T00:30:00+03:00\npeople: Vladimir Putin\ntopics: [Syria]"));
  await expect(home.locator("main")).toContainText("Talks end at dawn in Moscow", { timeout: 30_000 });
  await expect.poll(() => preview.output(), { timeout: 30_000 }).toContain("rest of the site checked");
  await expect(elsewhere.locator("body")).toHaveAttribute("data-unreloaded", "");
  await expect(home.locator("body")).not.toHaveAttribute("data-unreloaded", "");
});

// While a save has errors the preview keeps the last good pages; the open pages say why.
const problemsOverlay = (page: Page) => page.locator("#bulletin-preview-problems").getByRole("alert");

test("a save with an error shows its file:LINE message over open pages and pages opened after, until it is fixed", async ({ browser }) => {
  const story = await browser.newPage();
  await story.goto(`${preview.url}${TALKS_URL}`);
  site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 15 July 2016\npeople: Vladimir Putin", "A body that must not show."));
  const overlay = problemsOverlay(story);
  await expect(overlay).toContainText(`${TALKS}:3: date: "15 July 2016" is not an ISO 8601 date`, { timeout: 30_000 });
  await expect(overlay).toContainText("Not updated: a saved file has a problem");
  await expect(story.locator("h1"), "the last good page stays").toHaveText("Talks continue after midnight in Moscow");

  const home = await browser.newPage();
  await home.goto(`${preview.url}/`);
  await expect(problemsOverlay(home), "a page opened after the error").toContainText(`${TALKS}:3: date:`);

  site.write(TALKS, talks("Fixed, and shown."));
  await expect(story.locator(".article-body")).toContainText("Fixed, and shown.", { timeout: 30_000 });
  await expect(problemsOverlay(story)).toHaveCount(0);
  await expect(problemsOverlay(home), "gone from a page the fix did not reload").toHaveCount(0);
});

test("a problem quoting markup from the file shows it as text: no element of it reaches the page", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${preview.url}${TALKS_URL}`);
  const hostile = `<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">`;
  site.write(TALKS, article(`title: Talks continue after midnight in Moscow\ndate: '${hostile}'`));
  await expect(problemsOverlay(page)).toContainText(`date: "${hostile}" is not an ISO 8601 date`, { timeout: 30_000 });
  await expect(page.locator("#bulletin-preview-problems script, #bulletin-preview-problems img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});

test("on an Arabic page the overlay speaks Arabic right to left, keeps file:LINE left to right, passes axe, and closes from the keyboard", async ({ page }) => {
  const ARABIC = "content/articles/2016/07/2016-07-15-talks-ar.md";
  site.write(ARABIC, article("title: المحادثات تستمر بعد منتصف الليل\ndate: 2016-07-15T01:00:00+03:00\nlang: ar", "استمرت المحادثات."));
  const url = `${preview.url}/ar/2016/07/15/talks-ar/`;
  await expect.poll(async () => (await page.request.get(url)).status(), { timeout: 30_000 }).toBe(200);
  await page.goto(url);
  site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 15 July 2016"));
  const overlay = problemsOverlay(page);
  await expect(overlay).toContainText(ar.previewProblemsTitle, { timeout: 30_000 });
  await expect(overlay).toContainText(`${TALKS}:3: date:`);
  expect(await overlay.evaluate((box) => getComputedStyle(box).direction)).toBe("rtl");
  const line = page.locator("#bulletin-preview-problems code");
  expect(await line.evaluate((code) => getComputedStyle(code).direction)).toBe("ltr");
  await expect(line).toHaveAttribute("lang", "en");
  // Mirrored: the close button ends the heading's line, which on an Arabic page is at the left.
  const box = (await overlay.boundingBox())!;
  const close = (await overlay.getByRole("button", { name: ar.dismiss }).boundingBox())!;
  expect(close.x - box.x, "the button is nearer the left edge").toBeLessThan(box.x + box.width - (close.x + close.width));
  const axe = await new AxeBuilder({ page }).include("#bulletin-preview-problems").analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(overlay).toHaveCount(0);
  // New problems come back; the button closes them from the keyboard too.
  site.write(TALKS, article("title: Talks continue after midnight in Moscow\ndate: 16 July 2016"));
  await expect(overlay).toContainText('"16 July 2016"', { timeout: 30_000 });
  await overlay.getByRole("button", { name: ar.dismiss }).press("Enter");
  await expect(overlay).toHaveCount(0);
});
