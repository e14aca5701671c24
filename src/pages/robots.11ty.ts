import type { SiteBuild } from "../build/SiteBuild.ts";
import { robotsTxt } from "../seo/sitemap.ts";

/** `/robots.txt`, naming both sitemaps. */
export const data = { permalink: "robots.txt", eleventyExcludeFromCollections: true };

export function render(data: { build: SiteBuild }): string {
  return robotsTxt(data.build.site.baseUrl);
}
