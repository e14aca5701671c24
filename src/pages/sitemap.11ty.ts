import type { SiteBuild } from "../build/SiteBuild.ts";
import { renderSitemap, sitemapDocuments, sitemapEntries, type SitemapDocument } from "../seo/sitemap.ts";
import { outputPath } from "../urls.ts";

interface SitemapData {
  build: SiteBuild;
  doc: SitemapDocument;
}

/** `/sitemap.xml`: every public page; past 50,000 URLs an index of `/sitemaps/N.xml`. */
export const data = {
  pagination: {
    // Eleventy paginates over an array in the data; `before` swaps in the sitemap's files, worked out once.
    data: "build.pages.edition",
    size: 1,
    alias: "doc",
    addAllPagesToCollections: false,
    before: (_: unknown, full: { build: SiteBuild }) => sitemapDocuments(sitemapEntries(full.build), full.build.site.baseUrl),
  },
  permalink: (data: SitemapData) => outputPath(data.doc.url),
  eleventyExcludeFromCollections: true,
};

export function render(data: SitemapData): string {
  return renderSitemap(data.doc);
}
