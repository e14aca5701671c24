import { test, expect, type Page } from "@playwright/test";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { article, makeFixtureSite, runBuildScript, type FixtureSite } from "../support/fixtureSite.ts";
import { serveStatic } from "../../scripts/serve.ts";

/**
 * The build writes one search index per year (Pagefind holds an index in memory while it
 * builds it); the search page queries them all and shows one list. The sample bulletin has
 * a single year, so this builds a fixture with stories in three.
 */
const STORIES = {
  "content/articles/2014/2014-03-01-coast.md": article(
    "title: Zqxrain falls on the coast\ndate: 2014-03-01T09:00:00+03:00\npeople: [Vladimir Putin]",
    "Zqxshared rain in Latakia. Zqxonlyoldest word.",
  ),
  "content/articles/2015/2015-05-10-harvest.md": article("title: Zqxwheat harvest begins\ndate: 2015-05-10T09:00:00+03:00", "Zqxshared harvest in Hasakah."),
  "content/articles/2016/07/2016-07-20-bridge.md": article(
    "title: Zqxbridge reopens in Homs\ndate: 2016-07-20T09:00:00+03:00\npeople: [Vladimir Putin]",
    "Zqxshared bridge reopened to traffic.",
  ),
};
const OLDEST = "/2014/03/01/coast/";
const MIDDLE = "/2015/05/10/harvest/";
const NEWEST = "/2016/07/20/bridge/";

let site: FixtureSite;
let server: Server;
let origin = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = makeFixtureSite(STORIES, { code: true });
  const built = await runBuildScript(site.root);
  expect(built.code, built.output).toBe(0);
  server = serveStatic(join(site.root, "_site"));
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((closed) => server?.close(closed));
  site?.remove();
});

const results = (page: Page) => page.locator("#search-results > li");
const hrefs = (page: Page) =>
  page.locator("#search-results a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

async function search(page: Page, term: string) {
  await page.goto(`${origin}/search/`);
  await page.getByRole("searchbox").fill(term);
  await page.getByRole("searchbox").press("Enter");
}

test("the search page finds a word in stories of three different years, as one list", async ({ page }) => {
  await search(page, "Zqxshared");
  await expect(results(page)).toHaveCount(3);
  await expect(page.getByRole("status")).toHaveText("3 articles found");
  expect((await hrefs(page)).sort()).toEqual([OLDEST, MIDDLE, NEWEST].sort());
});

test("sorting by date orders the results across years, newest or oldest first", async ({ page }) => {
  await search(page, "Zqxshared");
  await expect(results(page)).toHaveCount(3);
  await page.getByLabel("Sort results").selectOption({ label: "Oldest first" });
  await expect.poll(() => hrefs(page)).toEqual([OLDEST, MIDDLE, NEWEST]);
  await page.getByLabel("Sort results").selectOption({ label: "Newest first" });
  await expect.poll(() => hrefs(page)).toEqual([NEWEST, MIDDLE, OLDEST]);
});

test("a word only the oldest year's story holds is found, with its excerpt marked", async ({ page }) => {
  await search(page, "Zqxonlyoldest");
  await expect(results(page)).toHaveCount(1);
  expect(await hrefs(page)).toEqual([OLDEST]);
  await expect(results(page).first().locator("mark")).toHaveText("Zqxonlyoldest");
});

test("a person filter applies in every year", async ({ page }) => {
  await page.goto(`${origin}/search/?q=Zqxshared&person=Vladimir%20Putin&sort=date%3Adesc`);
  await expect.poll(() => hrefs(page)).toEqual([NEWEST, OLDEST]);
});
