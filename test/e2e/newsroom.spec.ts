import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import { test, expect, open } from "../support/e2e.ts";
import { makeFixtureSite, PROJECT_ROOT, runBuildScript, type FixtureSite } from "../support/fixtureSite.ts";
import { serveStatic } from "../../scripts/serve.ts";
import { PAGE_TYPES, statusOf } from "./pageTypes.ts";

/**
 * The newsroom's page (issue 13) in both editions of the sample bulletin: the desk's pinned
 * lead and the river, the live story, the day's email edition. The sample's breaking banner,
 * Live label and top-story pick all ended on 15 and 16 July 2016, so the built `_site/` shows
 * them lapsed; the second half builds the same content again with the clock at 18:00 that
 * day (BULLETIN_NOW) to see them in force.
 */

const LIVE = "/2016/07/15/moscow-talks-on-syria-live/";
const AR_LIVE = `/ar/2016/07/15/${encodeURIComponent("مباشر-كيري-في-موسكو-لمحادثات-حول-سوريا")}/`;
const PUTIN = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
const KREMLIN = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const AR_PUTIN = `/ar/2016/07/15/${encodeURIComponent("بوتين-لكيري-موسكو-تأمل-بتحقيق-تقدم-في-المحادثات-حول-سوريا")}/`;
const EMAILS = [
  { lang: "en", url: "/2016/07/15/email.html", dir: "ltr" },
  { lang: "ar", url: "/ar/2016/07/15/email.html", dir: "rtl" },
];

const BASE_URL = "https://bulletin.example.org";

/**
 * What a mail client does with the email's absolute links: its pictures come from the
 * bulletin's own site (here, the local server that serves `_site/`, so an image the build
 * did not write would fail the test), and nobody asks for a favicon.
 */
async function asMailClient(page: Page, origin: string): Promise<void> {
  await page.route(`${BASE_URL}/**`, async (route) => route.fulfill({ response: await route.fetch({ url: route.request().url().replace(BASE_URL, origin) }) }));
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
}

/** axe-core's violations of any impact (WCAG 2.2 A/AA and best practices), as a11y-dark.spec.ts counts them. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Article links in the front page's parts, in reading order: the lead, the top stories, the river. */
async function frontParts(page: Page) {
  const links = (selector: string) => page.locator(`${selector} :is(h2, h3) a`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return {
    lead: await links(".lead-story"),
    top: await links(".top-stories"),
    river: [...(await links(".latest")), ...(await links(".more-news"))],
  };
}

/** The `datetime` of each update of a live story's page, in the order shown. */
const updateTimes = (page: Page) => page.locator(".live-update > h3 time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));

test.describe("the sample bulletin, built after its breaking banner, Live label and top-story pick ended", () => {
  for (const { lang, home, lead, river } of [
    { lang: "English", home: "/", lead: LIVE, river: [PUTIN, KREMLIN] },
    { lang: "Arabic", home: "/ar/", lead: AR_LIVE, river: [AR_PUTIN] },
  ]) {
    test(`the ${lang} front page leads with the desk's pinned story, not the newest, then the river newest first, each story once`, async ({ page }) => {
      await open(page, home);
      const parts = await frontParts(page);
      expect(parts.lead).toEqual([lead]);
      expect(parts.top, "the top-story pick lapsed on 16 July 2016").toEqual([]);
      expect(parts.river).toEqual(river);
      const all = [...parts.lead, ...parts.top, ...parts.river];
      expect(new Set(all).size, "no story twice").toBe(all.length);
      await expect(page.locator(".lead-story .live-badge"), "the live story closed at 20:00 that day").toHaveCount(0);
      expect(await violations(page)).toEqual([]);
    });
  }

  test("no page of either edition carries a breaking banner once its time has passed", async ({ page }) => {
    for (const { name, url } of PAGE_TYPES) {
      await open(page, url, statusOf(name));
      await expect(page.locator(".breaking-banner"), name).toHaveCount(0);
    }
  });

  test("the front page's masthead dates the bulletin by its newest day, in each edition's language and digits, linking to that day", async ({ page }) => {
    await open(page, LIVE);
    await expect(page.locator(".masthead-date")).toHaveCount(0);
    await open(page, "/");
    await expect(page.locator(".masthead-date a")).toHaveAttribute("href", "/2016/07/15/");
    await expect(page.locator(".masthead-date time")).toHaveAttribute("datetime", "2016-07-15");
    await expect(page.locator(".masthead-date time")).toHaveText("Friday, 15 July 2016");
    await open(page, "/ar/");
    await expect(page.locator(".masthead-date time")).toHaveText("الجمعة، ١٥ تموز ٢٠١٦");
  });

  for (const { lang, url, times, label, ended } of [
    { lang: "English", url: LIVE, times: ["17:40", "13:10"], label: "Last update", ended: "Live coverage has ended" },
    { lang: "Arabic", url: AR_LIVE, times: ["١٧:٤٠", "١٣:١٠"], label: "آخر تحديث", ended: "انتهت التغطية المباشرة" },
  ]) {
    test(`the ${lang} live story shows its updates newest first, each time a link to its own anchor, and says the coverage ended`, async ({ page }) => {
      await open(page, url);
      expect(await updateTimes(page)).toEqual(["2016-07-15T17:40:00+03:00", "2016-07-15T13:10:00+03:00"]);
      await expect(page.locator(".live-update-time")).toHaveText(times);
      const first = page.locator(".live-update").first();
      const id = await first.getAttribute("id");
      expect(id).toBe("update-2016-07-15-1740");
      await page.locator(`.live-update-time[href="#update-2016-07-15-1310"]`).click();
      await expect(page).toHaveURL(/#update-2016-07-15-1310$/);
      await expect(page.locator("#update-2016-07-15-1310")).toBeInViewport();
      await expect(page.locator(".article-header .live-badge")).toHaveCount(0);
      await expect(page.locator(".article-meta .updated")).toContainText(label);
      await expect(page.locator(".article-meta .updated time")).toHaveAttribute("datetime", "2016-07-15T17:40:00+03:00");
      await expect(page.locator(".live-ended")).toHaveText(ended);
      expect(await violations(page)).toEqual([]);
    });
  }

  test("the live story's JSON-LD parses and is a LiveBlogPosting with an update for each of its two updates", async ({ page }) => {
    await open(page, LIVE);
    const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const graph = texts.flatMap((t) => (JSON.parse(t) as { "@graph": Record<string, unknown>[] })["@graph"]);
    const blog = graph.find((n) => n["@type"] === "LiveBlogPosting")!;
    expect(blog).toBeTruthy();
    expect(blog.coverageStartTime).toBe("2016-07-15T13:10:00+03:00");
    expect(blog.coverageEndTime).toBe("2016-07-15T20:00:00+03:00");
    const updates = blog.liveBlogUpdate as { "@type": string; headline: string; url: string; datePublished: string; articleBody: string }[];
    expect(updates.map((u) => [u["@type"], u.datePublished, new URL(u.url).hash])).toEqual([
      ["BlogPosting", "2016-07-15T17:40:00+03:00", "#update-2016-07-15-1740"],
      ["BlogPosting", "2016-07-15T13:10:00+03:00", "#update-2016-07-15-1310"],
    ]);
    expect(updates[0]!.headline).toBe("Putin to Kerry: Moscow hopes for progress on Syria");
    expect(updates[1]!.articleBody).toContain("Kremlin spokesman Dmitry Peskov said");
  });

  test("the day page lists the live story by its last update and links to the day's email, HTML and plain text", async ({ page, request, baseURL }) => {
    await asMailClient(page, baseURL!);
    await open(page, "/2016/07/15/");
    const teaser = page.locator(`.teaser:has(a[href="${LIVE}"]) .teaser-meta`);
    await expect(teaser).toContainText("Last update");
    await expect(teaser.locator("time")).toHaveAttribute("datetime", "2016-07-15T17:40:00+03:00");
    await expect(page.locator(".email-edition a")).toHaveText(["HTML edition", "plain-text edition"]);
    await page.locator(".email-edition a", { hasText: "HTML" }).click();
    await expect(page).toHaveURL(/\/2016\/07\/15\/email\.html$/);
    const text = await request.get("/ar/2016/07/15/email.txt");
    expect(text.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toContain("نشرة الجمعة، ١٥ تموز ٢٠١٦");
  });

  for (const { lang, url, dir } of EMAILS) {
    for (const width of [600, 375]) {
      test(`the ${lang} email of 15 July 2016 reads at ${width} px: one column, no stylesheet to fetch, absolute links, ${dir}`, async ({ page, baseURL }) => {
        await asMailClient(page, baseURL!);
        const fetched: string[] = [];
        page.on("request", (r) => fetched.push(`${r.resourceType()} ${new URL(r.url()).pathname}`));
        await page.setViewportSize({ width, height: 900 });
        await open(page, url);
        expect(fetched.filter((f) => /^(stylesheet|script|font)/.test(f))).toEqual([]);
        await expect(page.locator('link[rel="stylesheet"]')).toHaveCount(0);
        const column = page.locator(".email");
        await expect(column).toHaveAttribute("dir", dir);
        expect(await column.evaluate((e) => (e as HTMLElement).style.maxWidth), "the width is in the element's own style").toBe("600px");
        const box = (await column.boundingBox())!;
        expect(box.width).toBeLessThanOrEqual(Math.min(600, width));
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), "no sideways scrolling").toBeLessThanOrEqual(0);
        const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
        expect(hrefs.length).toBeGreaterThan(3);
        expect(hrefs.filter((h) => !h.startsWith("https://bulletin.example.org/")), "every link absolute").toEqual([]);
        expect(await page.locator(".email-story h2").count()).toBe(lang === "en" ? 3 : 2);
        expect(await violations(page)).toEqual([]);
      });
    }
  }

  test("the email reads with images off: every picture has its words, and every story its headline and summary", async ({ browser, baseURL }) => {
    // A page of its own: the pictures fail on purpose here, as a mail client blocking them does.
    const context = await browser.newContext({ baseURL, viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.route(`${BASE_URL}/**`, (route) => route.abort());
    await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
    await page.goto("/2016/07/15/email.html");
    const images = page.locator("img");
    expect(await images.count()).toBeGreaterThan(0);
    for (const alt of await images.evaluateAll((is) => is.map((i) => i.getAttribute("alt") ?? ""))) expect(alt.length).toBeGreaterThan(10);
    await expect(page.locator(".email-story h2")).toHaveCount(3);
    for (const story of await page.locator(".email-story").all()) {
      await expect(story.locator("h2")).toBeVisible();
      await expect(story.locator(".email-summary")).toBeVisible();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

/** The sample bulletin built again into a folder of its own with the clock at `now`, and served there. */
async function buildAt(now: string): Promise<{ site: FixtureSite; server: Server; url: string }> {
  const site = makeFixtureSite({}, { code: true });
  rmSync(join(site.root, "content"), { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, "content"), join(site.root, "content"), { recursive: true });
  const run = await runBuildScript(site.root, { BULLETIN_NOW: now });
  if (run.code !== 0) throw new Error(`the build at ${now} failed:\n${run.output}`);
  const server = serveStatic(join(site.root, "_site"));
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  return { site, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test.describe("the sample bulletin, built at 18:00 on 15 July 2016 (BULLETIN_NOW), while its banner, Live label and picks hold", () => {
  // One build for the block: its tests share it in one worker.
  test.describe.configure({ mode: "serial" });
  let built: Awaited<ReturnType<typeof buildAt>> | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    built = await buildAt("2016-07-15T18:00:00+03:00");
  });
  test.afterAll(async () => {
    await new Promise((done) => built?.server.close(done) ?? done(undefined));
    built?.site.remove();
  });

  test("every page type of both editions carries the breaking banner, a labelled landmark linking to the live story", async ({ page }) => {
    for (const { name, url } of PAGE_TYPES) {
      await open(page, `${built!.url}${url}`, statusOf(name));
      const banner = page.getByRole("complementary", { name: /^(Breaking news|خبر عاجل)$/ });
      await expect(banner, name).toHaveCount(1);
      await expect(banner.getByRole("link"), name).toHaveAttribute("href", name.startsWith("ar-") ? AR_LIVE : LIVE);
      await expect(page.locator('[role="alert"], [aria-live]'), `${name}: the banner does not interrupt`).toHaveCount(0);
    }
  });

  test("the banner is there without JavaScript, and axe finds nothing wrong with it in either edition", async ({ browser, page: withScript }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${built!.url}/people/`);
    await expect(page.locator(".breaking-banner a")).toHaveText("Live: Kerry in Moscow for talks on Syria with Putin and Lavrov");
    await context.close();
    for (const url of ["/", "/ar/", PUTIN]) {
      await withScript.goto(`${built!.url}${url}`);
      expect(await violations(withScript), url).toEqual([]);
    }
  });

  for (const { lang, home, live, top, river, label } of [
    { lang: "English", home: "/", live: LIVE, top: [KREMLIN], river: [PUTIN], label: "Live" },
    { lang: "Arabic", home: "/ar/", live: AR_LIVE, top: [], river: [AR_PUTIN], label: "مباشر" },
  ]) {
    test(`the ${lang} front page shows the pinned lead with its Live label, the top story still picked, then the river, each story once`, async ({ page }) => {
      await page.goto(`${built!.url}${home}`);
      const parts = await frontParts(page);
      expect(parts).toEqual({ lead: [live], top, river });
      await expect(page.locator(".lead-story .live-badge")).toHaveText(label);
    });

    test(`the ${lang} live story is labelled Live while open, with its updates newest first`, async ({ page }) => {
      await page.goto(`${built!.url}${live}`);
      await expect(page.locator(".article-header .live-badge")).toHaveText(label);
      await expect(page.locator(".live-ended")).toHaveCount(0);
      expect(await updateTimes(page)).toEqual(["2016-07-15T17:40:00+03:00", "2016-07-15T13:10:00+03:00"]);
      expect(await violations(page)).toEqual([]);
    });
  }
});
