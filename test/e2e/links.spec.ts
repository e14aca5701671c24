import { existsSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "../support/e2e.ts";
import { DESK_PATH } from "../../src/desk/deskFiles.ts";

/**
 * A crawl of the served _site/: from the home page, every internal link (and every page
 * file, so orphans are checked too) must answer 200, feeds and sitemaps included. Links
 * to the site's own base URL (canonical, hreflang, og:image, sitemaps) count as internal.
 */

const SITE = "_site";

/** The URL of every HTML file in _site/: `a/index.html` → `/a/`. */
function htmlPages(): string[] {
  return (readdirSync(SITE, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => f.endsWith(".html"))
    .map((f) => "/" + f.split(sep).join("/"))
    .map((p) => (p.endsWith("/index.html") ? p.slice(0, -"index.html".length) : p))
    .map((p) => p.split("/").map(encodeURIComponent).join("/"))
    .sort();
}

interface Parsed {
  lang: string;
  /** `<a href>` targets: what a reader can follow. */
  anchors: string[];
  /** Every other href/src/srcset target: styles, scripts, images, alternates. */
  resources: string[];
  /** The stray Arabic vowel of the source, outside any element marked as another language. */
  strayMark: boolean;
}

/** Parses HTML with the browser's own parser (no resources are loaded). */
function parseHtml(parser: Page, html: string): Promise<Parsed> {
  return parser.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    const anchors = [...doc.querySelectorAll("a[href]")].map((a) => a.getAttribute("href") ?? "");
    const resources = [...doc.querySelectorAll("[href]:not(a), [src], [srcset]")].flatMap((el) => [
      el.getAttribute("href") ?? "",
      el.getAttribute("src") ?? "",
      ...(el.getAttribute("srcset") ?? "").split(",").map((s) => s.trim().split(/\s+/)[0] ?? ""),
    ]).filter(Boolean);
    const lang = doc.documentElement.getAttribute("lang") ?? "";
    doc.querySelectorAll("[lang]:not(html)").forEach((el) => {
      if (!/^en\b/.test(el.getAttribute("lang") ?? "")) el.remove();
    });
    return { lang, anchors, resources, strayMark: doc.documentElement.outerHTML.includes("\u064F") };
  }, html);
}

/** Links in feeds, sitemaps and robots.txt. */
function linksInText(path: string, body: string): string[] {
  if (path.endsWith(".json")) {
    const feed = JSON.parse(body) as { home_page_url?: string; feed_url?: string; icon?: string; items?: { url?: string; image?: string }[] };
    return [feed.home_page_url, feed.feed_url, feed.icon, ...(feed.items ?? []).flatMap((i) => [i.url, i.image])].filter((u): u is string => !!u);
  }
  const found = [...body.matchAll(/href="([^"]+)"|<(?:loc|icon|logo|image:loc)>([^<]+)<|^Sitemap:\s*(\S+)/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  return found.map((u) => u.replace(/&amp;/g, "&"));
}

interface Crawl {
  /** Every URL checked, with its status. */
  status: Map<string, number>;
  /** Broken links: "page → link (status)". */
  broken: string[];
  /** Pages reached from the home page by following `<a href>` only. */
  reachable: Set<string>;
  /** English pages that carry U+064F. */
  strayMarks: string[];
  pages: string[];
}

let crawled: Promise<Crawl> | undefined;

async function crawl(request: APIRequestContext, parser: Page, origin: string, baseUrl: string): Promise<Crawl> {
  const status = new Map<string, number>();
  const linkedFrom = new Map<string, string>();
  const anchorsOf = new Map<string, string[]>();
  const strayMarks: string[] = [];
  const pages = htmlPages();
  // robots.txt is linked from nowhere but names the sitemaps crawlers start from.
  const queue = ["/", ...pages, ...(existsSync(join(SITE, "robots.txt")) ? ["/robots.txt"] : [])];
  const broken: string[] = [];

  /** A same-site path for a link, or undefined for an external one. */
  const internal = (link: string, from: string): string | undefined => {
    if (/^(mailto|tel|javascript|data):/i.test(link)) return undefined;
    const absolute = link.startsWith(baseUrl + "/") || link === baseUrl ? origin + link.slice(baseUrl.length) : link;
    const url = new URL(absolute, origin + from);
    if (url.origin !== origin) return undefined;
    return url.pathname;
  };

  while (queue.length > 0) {
    const path = queue.shift()!;
    if (status.has(path)) continue;
    const response = await request.get(path, { maxRedirects: 0 });
    status.set(path, response.status());
    if (response.status() !== 200) {
      broken.push(`${linkedFrom.get(path) ?? "(a file in _site)"} → ${decodeURI(path)} (${response.status()})`);
      continue;
    }
    const type = response.headers()["content-type"] ?? "";
    let links: string[] = [];
    if (type.startsWith("text/html")) {
      const parsed = await parseHtml(parser, await response.text());
      if (/^en\b/.test(parsed.lang) && parsed.strayMark) strayMarks.push(decodeURI(path));
      const anchors = parsed.anchors.map((l) => internal(l, path)).filter((p): p is string => !!p);
      anchorsOf.set(path, anchors);
      links = [...parsed.anchors, ...parsed.resources];
    } else if (/xml|json|text\/plain/.test(type)) {
      links = linksInText(path, await response.text());
    }
    for (const link of links) {
      const target = internal(link, path);
      if (!target || status.has(target)) continue;
      if (!linkedFrom.has(target)) linkedFrom.set(target, decodeURI(path));
      queue.push(target);
    }
  }

  const reachable = new Set<string>(["/"]);
  const walk = ["/"];
  while (walk.length > 0) {
    for (const next of anchorsOf.get(walk.pop()!) ?? []) {
      if (!reachable.has(next)) {
        reachable.add(next);
        walk.push(next);
      }
    }
  }
  return { status, broken, reachable, strayMarks, pages };
}

// The crawl runs once per worker; every test below reads its result.

test.beforeEach(async ({ page, request, baseURL }) => {
  if (crawled) return;
  await page.goto("/");
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  expect(canonical, "the home page names its canonical URL").toBeTruthy();
  const baseUrl = canonical!.replace(/\/$/, "");
  crawled = crawl(request, page, new URL(baseURL!).origin, baseUrl);
  await crawled;
});

test("every internal link, from every page, answers 200: pages, assets, feeds and sitemaps", async () => {
  const { broken, status } = await crawled!;
  expect(broken).toEqual([]);
  expect(status.size, "the crawl saw the whole site").toBeGreaterThan(20);
  for (const path of ["/feed.xml", "/sitemap.xml", "/assets/site.css"]) {
    if (status.has(path)) expect(status.get(path)).toBe(200);
  }
});

test("every HTML file in _site is served with status 200 at its URL", async () => {
  const { status, pages } = await crawled!;
  expect(pages.length).toBeGreaterThan(10);
  const notOk = pages.filter((p) => status.get(p) !== 200).map((p) => `${decodeURI(p)} (${status.get(p)})`);
  expect(notOk).toEqual([]);
});

test("every page can be reached from the home page by following links, except the not-found pages and the web desk", async () => {
  const { reachable, pages } = await crawled!;
  const orphans = pages.filter((p) => !reachable.has(p) && !/(^|\/)404\.html$/.test(p) && !p.startsWith(DESK_PATH)).map((p) => decodeURI(p));
  expect(orphans).toEqual([]);
});

test("no public page links to the web desk (/admin/)", async () => {
  const { reachable } = await crawled!;
  expect([...reachable].filter((p) => p.startsWith(DESK_PATH))).toEqual([]);
});

test("English pages never carry the stray Arabic vowel (U+064F) of the source text", async () => {
  const { strayMarks, pages } = await crawled!;
  expect(pages.length).toBeGreaterThan(0);
  expect(strayMarks).toEqual([]);
});
