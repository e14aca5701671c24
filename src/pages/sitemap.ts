import type { DateTime } from "luxon";
import type { PageType } from "./pageTypes.ts";
import type { Site } from "../site/Site.ts";
import { renderSitemap, sitemapDocuments, type SitemapDocument, type SitemapEntry } from "../seo/sitemap.ts";

/** `/sitemap.xml`: every page readers land on; past 50,000 URLs an index of `/sitemaps/N.xml`. */
export interface SitemapPage {
  kind: "sitemap";
  url: string;
  doc: SitemapDocument;
}

export const sitemapPages: PageType<SitemapPage> = {
  *pages(site) {
    for (const doc of sitemapDocuments(sitemapEntries(site), site.config.baseUrl)) yield { kind: "sitemap", url: doc.url, doc };
  },
  render: (page) => renderSitemap(page.doc),
  reads: (page) =>
    page.doc.kind === "index"
      ? page.doc.files.map((f) => `${f.url} ${instant(f.lastmod)}`)
      : page.doc.entries.map((e) => `${e.url} ${instant(e.lastmod)} ${(e.alternates ?? []).map((a) => `${a.lang}=${a.url}`).join(" ")}`),
};

/** Every page whose type gives a `lastmod` (those readers land on), with its alternates, in the order of the page table. */
export function sitemapEntries(site: Site): SitemapEntry[] {
  return site.shared("sitemap entries", () => {
    const entries: SitemapEntry[] = [];
    for (const page of site.pages((type) => type.lastmod !== undefined)) {
      const type = site.pageType(page);
      if (!type.lastmod) continue;
      const alternates = (type.alternates?.(page, site) ?? []).map((a) => ({ lang: a.lang, url: site.absolute(a.url) }));
      entries.push({ url: site.absolute(page.url), lastmod: type.lastmod(page, site), ...(alternates.length ? { alternates } : {}) });
    }
    return entries;
  });
}

/** A lastmod as the fingerprint needs it: its instant (the offset printed is the bulletin's, from site.yaml; a change there rebuilds everything). */
function instant(date: DateTime | undefined): string {
  return date ? String(date.toMillis()) : "";
}
