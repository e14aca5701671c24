import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { DateTime } from "luxon";
import { runBuild } from "../../src/publish/runBuild.ts";
import { loadContent } from "../../src/model/loadContent.ts";
import { Site } from "../../src/site/Site.ts";

/**
 * A small bulletin built into a temp folder for the feed, sitemap, head and JSON-LD tests:
 * a hostile headline and hostile names, an Arabic article, a corrected one with a byline and
 * a photo, older articles outside Google News's two days, a draft and a scheduled article.
 */
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** What a careless or malicious writer might type: every character that can end a context. */
export const HOSTILE_TITLE = `Minister says "no" & 'maybe' <script>alert("headline")</script> then </script><b>bold</b>`;
export const HOSTILE_PERSON = `Ali "The Fox" O'Neil & <script>alert(1)</script></script>`;
export const HOSTILE_DATELINE = `Homs & "Hama" </script>`;
export const HOSTILE_AGENCY = `Wire & "Co" <script>x</script>`;

/** The build's clock: 29 November 2026, noon in Damascus. */
export const NOW = DateTime.fromISO("2026-11-29T12:00:00+03:00", { setZone: true });
export const BASE_URL = "https://news.example.test";

export const URLS = {
  hostile: "/2026/11/29/hostile-headline/",
  corrected: "/2026/11/28/corrected-story/",
  older: "/2026/11/27/older-story/",
  archived: "/2016/07/15/archived-story/",
  arabic: `/ar/2026/11/29/${encodeURIComponent("خبر-عربي")}/`,
  draft: "/2026/11/29/draft-story/",
  scheduled: "/2026/11/30/scheduled-story/",
};

const IMAGE_LINE = "image: { src: photo.jpg, alt: A grey square, caption: The caption, credit: The photographer }";

const FILES: Record<string, string> = {
  "content/site.yaml": [
    "name: Test Bulletin",
    `agency: ${JSON.stringify(HOSTILE_AGENCY)}`,
    `baseUrl: ${BASE_URL}`,
    "lang: en",
    "timeZone: Asia/Damascus",
    "articlesPerPage: 1",
    "description: A bulletin the SEO tests build.",
    "twitterSite: TestBulletin",
    "editions:",
    "  ar:",
    "    name: النشرة التجريبية",
    "    agency: الوكالة",
    '    twitterSite: "@TestBulletinAr"',
  ].join("\n"),
  "content/people/vladimir-putin.md": "---\nname: Vladimir Putin\nnameAr: فلاديمير بوتين\nrole: President of Russia\nsameAs: [https://www.wikidata.org/wiki/Q7747]\n---\n",
  "content/topics/syria.md": "---\nname: Syria\nsameAs: [https://www.wikidata.org/wiki/Q858]\n---\n",
  "content/articles/2026/11/2026-11-29-hostile-headline.md": [
    "---",
    `title: ${JSON.stringify(HOSTILE_TITLE)}`,
    "date: 2026-11-29T09:00:00+03:00",
    `dateline: ${JSON.stringify(HOSTILE_DATELINE)}`,
    `people: [${JSON.stringify(HOSTILE_PERSON)}, Vladimir Putin]`,
    "topics: [Syria]",
    "---",
    "The first paragraph links to [Syria](/topics/syria/) and says <script>alert(2)</script> out loud.",
    "",
    "A second paragraph.",
  ].join("\n"),
  "content/articles/2026/11/2026-11-28-corrected-story.md": [
    "---",
    "title: A corrected story",
    "date: 2026-11-28T15:00:00+03:00",
    "updated: 2026-11-28T18:00:00+03:00",
    "author: Jane Doe",
    IMAGE_LINE,
    "corrections:",
    "  - { date: 2026-11-29T08:30:00+03:00, text: An earlier version gave the wrong day. }",
    "people: [Vladimir Putin]",
    "topics: [Syria]",
    "---",
    "Corrected body.",
  ].join("\n"),
  "content/articles/2026/11/2026-11-27-older-story.md": "---\ntitle: An older story\ndate: 2026-11-27T11:00:00+03:00\npeople: [Vladimir Putin]\n---\nOlder body.\n",
  "content/articles/2016/07/2016-07-15-archived-story.md": "---\ntitle: An archived story\ndate: 2016-07-15T14:20:00+03:00\npeople: [Vladimir Putin]\ntopics: [Syria]\n---\nArchived body.\n",
  "content/articles/2026/11/2026-11-29-خبر-عربي.md": "---\ntitle: خبر عربي عن \"سوريا\" & <script>\ndate: 2026-11-29T10:00:00+03:00\nlang: ar\npeople: [Vladimir Putin]\ntopics: [Syria]\n---\nنص الخبر.\n",
  "content/articles/2026/11/2026-11-29-draft-story.md": "---\ntitle: A draft story\ndate: 2026-11-29T07:00:00+03:00\ndraft: true\n---\nDraft body.\n",
  "content/articles/2026/11/2026-11-30-scheduled-story.md": "---\ntitle: A scheduled story\ndate: 2026-11-30T09:00:00+03:00\n---\nScheduled body.\n",
};

export interface SeoFixture {
  root: string;
  out: string;
  /** The model the build rendered (loaded again, the same way). */
  build: Site;
  read(path: string): string;
  exists(path: string): boolean;
  /** Every file written, relative to `out`, with forward slashes. */
  files(): string[];
  remove(): void;
}

/** A 64 × 36 grey JPEG: the smallest real photo the image pipeline resizes. */
const PHOTO_JPEG =
  "/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAkAEADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIgAAAAAAAAAAAAAAAAAAAAAAA//2Q==";

async function writeContent(root: string, opts: { image: boolean }): Promise<void> {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${opts.image ? text : text.replace(`${IMAGE_LINE}\n`, "")}\n`);
  }
  if (!opts.image) return;
  writeFileSync(join(root, "content/articles/2026/11/photo.jpg"), Buffer.from(PHOTO_JPEG, "base64"));
}

/**
 * Loads the fixture's content as a build does, without rendering: for the model-level tests.
 * Without the photo, so that nothing is resized (the built-site tests cover images).
 */
export async function loadSeoModel(): Promise<{ build: Site; remove(): void }> {
  const root = mkdtempSync(join(tmpdir(), "bulletin-seo-model-"));
  await writeContent(root, { image: false });
  const cwd = process.cwd();
  try {
    process.chdir(root);
    const content = loadContent({ root, now: NOW });
    if (content.problems.some((p) => p.severity === "error")) throw new Error(content.problems.map((p) => p.message).join("\n"));
    return { build: new Site(content), remove: () => rmSync(root, { recursive: true, force: true }) };
  } finally {
    process.chdir(cwd);
  }
}

/**
 * Builds the fixture with the real build (validation, Eleventy, every template). Runs in the
 * fixture's folder, as `npm run build` runs in a checkout, so image paths resolve there.
 */
export async function buildSeoFixture(): Promise<SeoFixture> {
  const root = mkdtempSync(join(tmpdir(), "bulletin-seo-"));
  await writeContent(root, { image: true });
  const out = join(root, "_site");
  const cwd = process.cwd();
  let build: Site;
  try {
    process.chdir(root);
    const result = await runBuild({ root, output: out, now: NOW, log: () => {} });
    if (!result.ok) throw new Error(`fixture build failed:\n${result.problems.map((p) => `${p.file}:${p.line ?? ""}: ${p.message}`).join("\n")}`);
    build = new Site(loadContent({ root, now: NOW }));
  } finally {
    process.chdir(cwd);
  }
  const files = () =>
    (readdirSync(`${out}/`, { recursive: true, encoding: "utf8" }) as string[])
      .map((f) => f.split("\\").join("/"))
      .filter((f) => /\.[a-z0-9]+$/i.test(f))
      .sort();
  return {
    root,
    out,
    build,
    read: (path) => readFileSync(join(out, fileOf(path)), "utf8"),
    exists: (path) => files().includes(fileOf(path)),
    files,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** The file a site URL is served from: `/a/` → `a/index.html`, `/` → `index.html`. */
function fileOf(url: string): string {
  const path = decodeURIComponent(url).replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

/** Every `<script type="application/ld+json">` of an HTML page, parsed. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

/** The `@graph` nodes of a page's JSON-LD. */
export function graphOf(html: string): Record<string, unknown>[] {
  const docs = jsonLdOf(html) as { "@graph": Record<string, unknown>[] }[];
  return docs.flatMap((d) => d["@graph"]);
}

/** xmllint's complaints about `xml` (empty when it is well-formed). */
export function xmlProblems(xml: string): string {
  const run = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint is needed for these tests (Debian: libxml2-utils): ${run.error.message}`);
  return run.status === 0 ? "" : run.stderr || `xmllint exited ${run.status}`;
}

/** The string value of an XPath 1.0 expression over `xml`, evaluated by xmllint. */
export function xpath(xml: string, expression: string): string {
  const run = spawnSync("xmllint", ["--xpath", `string(${expression})`, "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint is needed for these tests (Debian: libxml2-utils): ${run.error.message}`);
  // xmllint ends what it prints with a newline of its own.
  return run.stdout.replace(/\n$/, "");
}

/** A number computed by xmllint over `xml` (`count(…)`), for structural checks. */
export function xcount(xml: string, expression: string): number {
  return Number(xpath(xml, `count(${expression})`));
}

const SCHEMAS = join(PROJECT_ROOT, "test", "unit", "sitemaps-schemas");

/**
 * xmllint's complaints when `xml` is checked against the official sitemap and Google News
 * schemas (test/unit/sitemaps-schemas/official/, unchanged); empty when valid. A sitemap
 * index is checked against siteindex.xsd, written here from the protocol (the official one
 * is not among the schemas the project has).
 */
export function sitemapSchemaProblems(xml: string): string {
  const schema = join(SCHEMAS, /<sitemapindex[\s>]/.test(xml) ? "siteindex.xsd" : "sitemaps.xsd");
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, "-"], { input: xml, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint is needed for these tests (Debian: libxml2-utils): ${run.error.message}`);
  return run.status === 0 ? "" : run.stderr || `xmllint exited ${run.status}`;
}
