import type { PageType } from "./pageTypes.ts";
import { newsArticles, renderNewsSitemap } from "../seo/sitemap.ts";
import { NEWS_SITEMAP_URL } from "../urls.ts";
import { articleRead } from "../site/reads.ts";

/** `/news-sitemap.xml`: Google News, the articles of the two days before the build. */
export interface NewsSitemapPage {
  kind: "newsSitemap";
  url: string;
}

export const newsSitemapPages: PageType<NewsSitemapPage> = {
  *pages() {
    yield { kind: "newsSitemap", url: NEWS_SITEMAP_URL };
  },
  render: (_page, site) => renderNewsSitemap(newsArticles(site.content.articles, site.now), site.config.baseUrl, (a) => site.bulletin.edition(a.lang).name),
  // The window moves with the clock: what matters is which articles are in it.
  reads: (_page, site) => newsArticles(site.content.articles, site.now).map(articleRead),
};
