import type { SiteBuild } from "../build/SiteBuild.ts";
import { newsArticles, renderNewsSitemap } from "../seo/sitemap.ts";

/** `/news-sitemap.xml`: Google News, the articles of the two days before the build. */
export const data = { permalink: "news-sitemap.xml", eleventyExcludeFromCollections: true };

export function render(data: { build: SiteBuild }): string {
  const { build } = data;
  return renderNewsSitemap(newsArticles(build.content.articles, build.content.now), build.site.baseUrl, (a) => build.bulletin.edition(a.lang).name);
}
