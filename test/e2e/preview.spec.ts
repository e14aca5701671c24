import { test, expect } from "@playwright/test";
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
