import type { DateTime } from "luxon";
import type { Page, PageType } from "./pageTypes.ts";
import type { Site } from "../site/Site.ts";
import { archiveYear, touched } from "../site/changes.ts";
import { renderSitemap, sitemapIndex, sitemapParts, type SitemapDocument, type SitemapEntry, type SitemapPart } from "../seo/sitemap.ts";
import { SITEMAP_URL } from "../urls.ts";

/**
 * `/sitemap.xml`: every page readers land on. Past site.yaml's `sitemapMaxUrls` (the
 * protocol's 50,000), an index of files by group (src/seo/sitemap.ts): `/sitemaps/pages.xml`
 * for the front pages, listings and archives, `/sitemaps/<year>.xml` for each year's articles.
 * A file's entries are made when it is rendered or read, so a build that leaves a year's file
 * unchanged never makes them.
 */
export interface SitemapPage {
  kind: "sitemap";
  url: string;
  /** The whole sitemap in one file, the index of the split files, or one of them. */
  part: "all" | "index" | SitemapPart;
}

export const sitemapPages: PageType<SitemapPage> = {
  *pages(site) {
    const plan = sitemapPlan(site);
    if (!plan.parts) {
      yield { kind: "sitemap", url: SITEMAP_URL, part: "all" };
      return;
    }
    yield { kind: "sitemap", url: SITEMAP_URL, part: "index" };
    for (const part of plan.parts) yield { kind: "sitemap", url: part.url, part };
  },
  render: (page, site) => renderSitemap(sitemapDocument(page, site)),
  reads: (page, site) => {
    const doc = sitemapDocument(page, site);
    return doc.kind === "index"
      ? doc.files.map((f) => `${f.url} ${instant(f.lastmod)}`)
      : doc.entries.map((e) => `${e.url} ${instant(e.lastmod)} ${(e.alternates ?? []).map((a) => `${a.lang}=${a.url}`).join(" ")}`);
  },
  // A year's file lists the same stories, each as before, when no story that changed since the
  // last build is or was dated in that year, and none of its stories' translations changed
  // (its alternates). Its place in the index is its year's: the file's URL says where it stands.
  unchanged: (page, site, since) => {
    if (typeof page.part === "string" || page.part.group === PAGES) return false;
    const years = site.shared("sitemap years changed", () => {
      const changed = new Set(touched(site, since).years);
      for (const article of site.content.all) if (article.translation && since.translations.has(article.translation)) changed.add(archiveYear(article.date, site.config.timeZone));
      return changed;
    });
    return !years.has(page.part.group);
  },
};

/** The group of the pages that are not articles (`sitemapGroup`). */
const PAGES = "pages";

/** The pages the sitemap lists, by group (the other pages first, then years, newest first), each in the order of the page table; and its files when split. */
function sitemapPlan(site: Site): { groups: Map<string, Page[]>; parts?: SitemapPart[] } {
  return site.shared("sitemap plan", () => {
    const groups = new Map<string, Page[]>([[PAGES, []]]);
    for (const page of site.pages((type) => type.lastmod !== undefined)) {
      const name = site.pageType(page).sitemapGroup?.(page, site) ?? PAGES;
      let pages = groups.get(name);
      if (!pages) groups.set(name, (pages = []));
      pages.push(page);
    }
    const order = [...groups.keys()].sort((a, b) => (a === PAGES ? -1 : b === PAGES ? 1 : a < b ? 1 : -1));
    const sorted = new Map(order.map((name) => [name, groups.get(name)!]));
    return { groups: sorted, parts: sitemapParts(order.map((name) => ({ name, count: sorted.get(name)!.length })), site.config.sitemapMaxUrls) };
  });
}

function sitemapDocument(page: SitemapPage, site: Site): SitemapDocument {
  return site.shared(`sitemap ${page.url}`, (): SitemapDocument => {
    const { part } = page;
    if (part === "all") return { url: page.url, kind: "urlset", entries: sitemapEntries(site) };
    const plan = sitemapPlan(site);
    if (part === "index") {
      return sitemapIndex(plan.parts!.map((p) => ({ url: p.url, lastmods: plan.groups.get(p.group)!.slice(p.from, p.to).map((pg) => lastmodOf(pg, site)) })), site.config.baseUrl);
    }
    return { url: page.url, kind: "urlset", entries: plan.groups.get(part.group)!.slice(part.from, part.to).map((pg) => entryOf(pg, site)) };
  });
}

/** Every page whose type gives a `lastmod` (those readers land on), with its alternates, in the order of the page table. */
export function sitemapEntries(site: Site): SitemapEntry[] {
  return site.shared("sitemap entries", () => [...site.pages((type) => type.lastmod !== undefined)].filter((page) => site.pageType(page).lastmod).map((page) => entryOf(page, site)));
}

function entryOf(page: Page, site: Site): SitemapEntry {
  const type = site.pageType(page);
  const alternates = (type.alternates?.(page, site) ?? []).map((a) => ({ lang: a.lang, url: site.absolute(a.url) }));
  return { url: site.absolute(page.url), lastmod: lastmodOf(page, site), ...(alternates.length ? { alternates } : {}) };
}

/**
 * A page's lastmod, worked out once a build: the index and the page's own file both ask for
 * it, and a listing's is the latest change of all its stories (at 100,000 articles, the
 * 44,622 asks for the 22,311 person and topic pages' took 0.13–0.19 s of filing a story).
 */
function lastmodOf(page: Page, site: Site): DateTime | undefined {
  const known = site.shared("sitemap lastmods", () => new Map<Page, DateTime | undefined>());
  if (known.has(page)) return known.get(page);
  const lastmod = site.pageType(page).lastmod!(page, site);
  known.set(page, lastmod);
  return lastmod;
}

/** A lastmod as the fingerprint needs it: its instant (the offset printed is the bulletin's, from site.yaml; a change there rebuilds everything). */
function instant(date: DateTime | undefined): string {
  return date ? String(date.toMillis()) : "";
}
