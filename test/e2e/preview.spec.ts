import { test, expect, type Page } from "@playwright/test";
import { article, makeFixtureSite, type FixtureSite } from "../support/fixtureSite.ts";
import { startPreview, type PreviewProcess } from "../support/previewProcess.ts";

// The writers' preview (`npm start`) on a fixture site of its own, not the built _site/.
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

/** Opens `url` and waits until its live-reload connection is up: a save before that would go unseen. */
async function openLive(page: Page, url: string): Promise<void> {
  const connected = page.waitForEvent("websocket").then((ws) => ws.waitForEvent("framereceived"));
  await page.goto(url);
  await connected;
}

test("an article open in the browser shows the writer's saved text without anyone reloading it", async ({ page }) => {
  await openLive(page, `${preview.url}${TALKS_URL}`);
  await expect(page.locator("h1")).toHaveText("Talks continue after midnight in Moscow");
  site.write(TALKS, talks("The talks ended as the sun rose over the Kremlin."));
  await expect(page.locator(".article-body")).toContainText("as the sun rose over the Kremlin", { timeout: 30_000 });
});

test("the home page open in the browser shows a new story once its file is saved", async ({ page }) => {
  await openLive(page, `${preview.url}/`);
  site.write("content/articles/2016/07/2016-07-17-a-new-story.md", article("title: A story filed this minute\ndate: 2016-07-17T09:00:00+03:00\ntopics: [Syria]"));
  await expect(page.locator("main")).toContainText("A story filed this minute", { timeout: 30_000 });
});
