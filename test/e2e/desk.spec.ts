import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { AxeBuilder } from "@axe-core/playwright";
import { test, expect, expectNoSeriousA11yViolations } from "../support/e2e.ts";
import { makeFixtureSite, runBuildScript, PROJECT_ROOT, type FixtureSite } from "../support/fixtureSite.ts";
import { startPreview, type PreviewProcess } from "../support/previewProcess.ts";
import { scalarValue, splitFrontmatter } from "../../src/model/yamlFile.ts";
import { ARTICLE_FIELDS } from "../../src/model/schema.ts";
import { serveStatic } from "../../scripts/serve.ts";

/**
 * The web desk (Decap CMS at /admin/) as a writer uses it, on `npm start` in a throwaway
 * copy of the fixture site: the desk's local backend writes into that copy, `npm run check`
 * and `npm run build` run there, and the built pages are served from it. Everything is on
 * 127.0.0.1. The browser runs in New York's time zone: what the writer types is still
 * Damascus time, the bulletin's.
 *
 * The steps depend on each other (one story, edited, then translated), so they run in order.
 * DESK_SCREENSHOTS=docs/images saves the screenshots of docs/writing.md.
 */
test.describe.configure({ mode: "serial" });
test.use({ timezoneId: "America/New_York", viewport: { width: 1400, height: 1000 } });

const HEADLINE = "Desk files a story after midnight in Damascus";
const SLUG = "desk-files-a-story-after-midnight-in-damascus";
const FILE = `content/articles/2016/07/2016-07-16-${SLUG}.md`;
const URL_EN = `/2016/07/16/${SLUG}/`;
const HEADLINE_AR = "المكتب يرسل خبرا بعد منتصف الليل في دمشق";
const TRANSLATION_KEY = "desk-story-2016-07-16";
const SCREENSHOTS = process.env.DESK_SCREENSHOTS;

let site: FixtureSite;
let preview: PreviewProcess;
let desk: string;
let published: Server | undefined;

test.beforeAll(async () => {
  site = makeFixtureSite({
    "content/people/john-kerry.md": "---\nname: John Kerry\nrole: US Secretary of State\naliases: [Kerry]\nnameAr: جون كيري\n---\n",
  }, { code: true });
  preview = await startPreview(site);
  const found = /Desk at (http:\/\/127\.0\.0\.1:\d+\/admin\/)/.exec(preview.output());
  expect(found, `npm start names the desk's address:\n${preview.output()}`).not.toBeNull();
  desk = found![1]!;
});

test.afterAll(async () => {
  preview?.stop();
  if (published) await new Promise((done) => published!.close(done));
  site?.remove();
});

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** Opens the desk and signs in to the local backend (a button; no account). */
async function openDesk(page: Page, hash = ""): Promise<void> {
  await page.goto(`${desk}${hash}`);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page.getByRole("button", { name: "Login" })).toHaveCount(0);
}

async function openStory(page: Page, title: string): Promise<void> {
  await openDesk(page, "#/collections/articles");
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByLabel("Headline")).toHaveValue(title);
}

async function save(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("menuitem", { name: "Save now" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible({ timeout: 15_000 });
}

async function addName(page: Page, field: "People" | "Topics", typed: string): Promise<void> {
  await page.getByRole("combobox", { name: new RegExp(`^${field}`) }).fill(typed);
  await page.getByRole("button", { name: `Add to ${field.toLowerCase()}` }).click();
}

function frontmatter(path: string): Record<string, unknown> {
  const parsed = splitFrontmatter(readFileSync(join(site.root, path), "utf8"));
  expect(parsed.ok, `${path} has a frontmatter block`).toBe(true);
  // A plain `true` or `20` comes back as a PlainScalar keeping its text; compare the value.
  return parsed.ok ? Object.fromEntries(Object.entries(parsed.file.data).map(([key, value]) => [key, scalarValue(value)])) : {};
}

function check(): { code: number | null; output: string } {
  const run = spawnSync(process.execPath, ["--import", import.meta.resolve("tsx"), "scripts/check.ts"], { cwd: site.root, encoding: "utf8", env: { ...process.env, DEBUG: "" } });
  return { code: run.status, output: run.stdout + run.stderr };
}

/** `npm run build` in the fixture (its clock after every story), then its _site/ served on 127.0.0.1. */
async function buildAndServe(): Promise<string> {
  const build = await runBuildScript(site.root);
  expect(build.code, build.output).toBe(0);
  if (!published) {
    published = serveStatic(join(site.root, "_site"));
    await new Promise<void>((done) => published!.listen(0, "127.0.0.1", done));
  }
  return `http://127.0.0.1:${(published.address() as AddressInfo).port}`;
}

test("a writer files a story in the desk: a Markdown file under content/articles/YYYY/MM/, dated in Damascus time, that npm run check accepts", async ({ page }) => {
  await openDesk(page);
  await screenshot(page, "desk-stories.png");
  await page.getByRole("link", { name: /New story|story/ }).first().click();

  await page.getByLabel("Headline").fill(HEADLINE);
  // 00:30 in Damascus is still the 15th in New York and in UTC: the file must say the 16th, +03:00.
  await page.getByLabel("Publication time").fill("2016-07-16T00:30");
  await page.getByLabel("Dateline").fill("Damascus");
  await addName(page, "People", "Putin"); // an alias: the registered name is what goes in the file
  await addName(page, "People", "John Kerry");
  await addName(page, "People", "Walid Muallem");
  // A name nobody registered can be added, but it is marked as new.
  const newName = page.locator(".desk-chip-new");
  await expect(newName).toContainText("Walid Muallem");
  await expect(newName).toContainText("not in the registry");
  await page.getByRole("button", { name: "Remove Walid Muallem" }).click();
  await addName(page, "Topics", "syria");
  await page.locator("[data-slate-editor=true], [contenteditable=true]").first().click();
  await page.keyboard.type("The talks went on past midnight in Damascus.");
  await expect(page.getByRole("switch", { name: /Draft/ })).toHaveAttribute("aria-checked", "true");
  await page.getByLabel("Headline").scrollIntoViewIfNeeded();
  await screenshot(page, "desk-new-story.png");
  await save(page);

  await expect.poll(() => existsSync(join(site.root, FILE)), { message: FILE }).toBe(true);
  const fm = frontmatter(FILE);
  expect(fm).toMatchObject({
    title: HEADLINE,
    date: "2016-07-16T00:30:00+03:00",
    dateline: "Damascus",
    people: ["Vladimir Putin", "John Kerry"],
    topics: ["Syria"],
    draft: true,
  });
  expect(Object.keys(fm).filter((k) => !(ARTICLE_FIELDS as readonly string[]).includes(k)), "keys the schema does not know").toEqual([]);
  expect(readFileSync(join(site.root, FILE), "utf8")).toContain("The talks went on past midnight in Damascus.");
  const checked = check();
  expect(checked.code, checked.output).toBe(0);
  expect(checked.output).not.toContain(FILE);
});

test("an editor registers a new person in the desk; writers then pick them from the list, unflagged", async ({ page }) => {
  await openDesk(page, "#/collections/people/new");
  await page.getByLabel("Name", { exact: true }).fill("Walid Muallem");
  await page.getByLabel("Name in Arabic").fill("وليد المعلم");
  await page.getByRole("textbox", { name: "Role (optional)", exact: true }).fill("Foreign Minister of Syria");
  await save(page);
  const file = "content/people/walid-muallem.md";
  await expect.poll(() => existsSync(join(site.root, file)), { message: file }).toBe(true);
  expect(frontmatter(file)).toEqual({ name: "Walid Muallem", nameAr: "وليد المعلم", role: "Foreign Minister of Syria" });
  const checked = check();
  expect(checked.code, checked.output).toBe(0);

  // A fresh load of the desk reads the registry again: in a new tab, since reloading this one
  // can be held back by the editor's "leave with unsaved changes?" prompt, which is dismissed.
  const writer = await page.context().newPage();
  try {
    await writer.goto(`${desk}#/collections/articles/new`);
    const login = writer.getByRole("button", { name: "Login" });
    await login.or(writer.getByLabel("Headline")).first().waitFor();
    if (await login.isVisible()) await login.click();
    await addName(writer, "People", "Walid Muallem");
    await expect(writer.locator(".desk-chip")).toContainText("Walid Muallem");
    await expect(writer.locator(".desk-chip-new")).toHaveCount(0);
  } finally {
    await writer.close();
  }
});

test("unticking Draft publishes the story: a build puts it at its contract URL /YYYY/MM/DD/<slug>/", async ({ page }) => {
  await openStory(page, HEADLINE);
  await page.getByRole("switch", { name: /Draft/ }).click();
  await save(page);
  await expect.poll(() => frontmatter(FILE).draft).toBe(false);

  const origin = await buildAndServe();
  const response = await page.goto(`${origin}${URL_EN}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator("h1")).toHaveText(HEADLINE);
  await expect(page.locator(".article-body")).toContainText("Damascus, SANA – The talks went on past midnight");
  await expect(page.locator(".published time")).toHaveAttribute("datetime", "2016-07-16T00:30:00+03:00");
  await expect(page.locator(".article-footer")).toContainText("John Kerry");

  // The desk is published with the site, and kept out of what machines read.
  const built = (path: string) => readFileSync(join(site.root, "_site", path), "utf8");
  expect(built("admin/index.html")).toContain("vendor/decap-cms.js");
  for (const file of ["sitemap.xml", "feed.xml", "feed.json"]) expect(built(file), file).not.toContain("/admin");
  expect(built("robots.txt")).toMatch(/^Disallow: \/admin\/$/m);
  // The search index takes only pages marked data-pagefind-body (articles); the desk is copied, never rendered.
  expect(built("admin/index.html")).not.toContain("data-pagefind");
});

test("an edit adds a correction as an entry of its own, which the built page shows", async ({ page }) => {
  await openStory(page, HEADLINE);
  await page.getByRole("button", { name: /Add correction/i }).click();
  await page.getByLabel("What was wrong").fill("An earlier version gave the wrong time for the end of the talks.");
  await page.getByLabel("Translation key").fill(TRANSLATION_KEY);
  await screenshot(page, "desk-correction.png");
  await save(page);

  await expect.poll(() => (frontmatter(FILE).corrections as unknown[] | undefined)?.length ?? 0).toBe(1);
  const [correction] = frontmatter(FILE).corrections as { date: string; text: string }[];
  expect(correction!.text).toBe("An earlier version gave the wrong time for the end of the talks.");
  expect(correction!.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
  expect(frontmatter(FILE).translation).toBe(TRANSLATION_KEY);
  const checked = check();
  expect(checked.code, checked.output).toBe(0);

  const origin = await buildAndServe();
  await page.goto(`${origin}${URL_EN}`);
  await expect(page.locator(".corrections")).toContainText("An earlier version gave the wrong time");
});

test("a picture is saved next to the story's file, and the file names it relative to itself, with its description", async ({ page }) => {
  await openStory(page, HEADLINE);
  await page.getByRole("button", { name: /Add image/i }).click();
  await page.getByRole("button", { name: /Choose an image/i }).click();
  await page.locator('input[type="file"]').setInputFiles(join(PROJECT_ROOT, "test", "fixtures", "images", "small.png"));
  await page.getByRole("button", { name: /Choose selected/i }).click();
  await page.getByLabel("Description for readers who cannot see it").fill("A small test picture");
  const classesIn = (root: Page | ReturnType<Page["frameLocator"]>) =>
    // (inside .article-body is the story's rendered Markdown, which Decap wraps in its own elements)
    root.locator(".article [class]:not(.article-body *)").evaluateAll((els) => [...new Set(els.flatMap((el) => [...el.classList]))].sort());
  await expect(page.frameLocator("#preview-pane").locator(".article-figure img")).toBeVisible();
  const previewClasses = await classesIn(page.frameLocator("#preview-pane"));
  await save(page);

  const picture = "content/articles/2016/07/small.png";
  await expect.poll(() => existsSync(join(site.root, picture)), { message: picture }).toBe(true);
  await expect.poll(() => frontmatter(FILE).image).toEqual({ src: "small.png", alt: "A small test picture" });
  const checked = check();
  expect(checked.code, checked.output).toBe(0);
  const origin = await buildAndServe();
  await page.goto(`${origin}${URL_EN}`);
  await expect(page.locator(".article-figure img")).toHaveAttribute("alt", "A small test picture");
  // The preview copies the article layout's markup (layouts/ArticleLayout.tsx): every class it
  // uses is one the real page uses, so site.css styles it alike.
  const pageClasses = await classesIn(page);
  expect(previewClasses.filter((c) => !pageClasses.includes(c) && !c.startsWith("desk-"))).toEqual([]);
  expect(previewClasses).toEqual(expect.arrayContaining(["headline", "article-header", "article-meta", "article-body", "article-figure", "corrections", "tag-list"]));
});

test("its Arabic translation is edited right to left and linked from the English page once built", async ({ page }) => {
  await openDesk(page, "#/collections/articles/new");
  await page.getByLabel("Edition").selectOption("ar");
  const headline = page.getByLabel("Headline");
  await expect(headline).toHaveAttribute("dir", "rtl");
  expect(await headline.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await headline.fill(HEADLINE_AR);
  await page.getByLabel("Publication time").fill("2016-07-16T00:30");
  await page.getByLabel("Dateline").fill("دمشق");
  await addName(page, "People", "جون كيري"); // the registry's Arabic name
  const body = page.locator("[data-slate-editor=true], [contenteditable=true]").first();
  await expect(body).toHaveAttribute("dir", "rtl");
  await body.click();
  await page.keyboard.type("استمرت المحادثات بعد منتصف الليل.");
  await page.getByLabel("Translation key").fill(TRANSLATION_KEY);
  await page.getByRole("switch", { name: /Draft/ }).click();
  await headline.scrollIntoViewIfNeeded();
  await screenshot(page, "desk-arabic.png");
  await save(page);

  const arabicFile = `content/articles/2016/07/2016-07-16-${"المكتب-يرسل-خبرا-بعد-منتصف-الليل-في-دمشق"}.md`;
  await expect.poll(() => existsSync(join(site.root, arabicFile)), { message: arabicFile }).toBe(true);
  expect(frontmatter(arabicFile)).toMatchObject({ title: HEADLINE_AR, lang: "ar", translation: TRANSLATION_KEY, people: ["John Kerry"], draft: false });
  const checked = check();
  expect(checked.code, checked.output).toBe(0);

  const origin = await buildAndServe();
  await page.goto(`${origin}${URL_EN}`);
  await page.locator('.translation a[hreflang="ar"]').click();
  await expect(page).toHaveURL(/\/ar\/2016\/07\/16\//);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("h1")).toHaveText(HEADLINE_AR);
  await page.locator('.translation a[hreflang="en"]').click();
  await expect(page.locator("h1")).toHaveText(HEADLINE);
});

test("the desk's entry page and its list of stories have no serious or critical accessibility violations (axe)", async ({ page }) => {
  await page.goto(desk);
  await expect(page.getByRole("button", { name: "Login" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Login" }).click();
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the story editor has none either, apart from the drop-down menus inside Decap's Markdown toolbar", async ({ page }) => {
  await openDesk(page, "#/collections/articles/new");
  await page.getByLabel("Headline").fill("A headline, so that the preview's heading is not empty");
  // Decap's "Headings" and "Add component" menus nest a button in a button (nested-interactive);
  // that is Decap's own markup, not the bulletin's, and only those menus are left out.
  const results = await new AxeBuilder({ page }).exclude('[class*="ToolbarDropdownWrapper"]').analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
});
