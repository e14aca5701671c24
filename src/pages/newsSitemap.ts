import type { PageType } from "./pageTypes.ts";
import type { Site } from "../site/Site.ts";
import { newsArticles, quietNewsUrl, renderNewsSitemap } from "../seo/sitemap.ts";
import { NEWS_SITEMAP_URL } from "../urls.ts";
import { articleRead } from "../site/reads.ts";

/** `/news-sitemap.xml`: Google News, the articles of the two days before the build (src/seo/sitemap.ts says what it holds when there are none). */
export interface NewsSitemapPage {
  kind: "newsSitemap";
  url: string;
}

export const newsSitemapPages: PageType<NewsSitemapPage> = {
  *pages() {
    yield { kind: "newsSitemap", url: NEWS_SITEMAP_URL };
  },
  render: (_page, site) => renderNewsSitemap(newsArticles(site.content.articles, site.now), site.config.baseUrl, (a) => site.bulletin.edition(a.lang).name, quiet(site)),
  // The window moves with the clock: what matters is which articles are in it (or, with
  // none, which URL stands in).
  reads: (_page, site) => {
    const recent = newsArticles(site.content.articles, site.now);
    return recent.length > 0 ? recent.map(articleRead) : [`quiet ${quiet(site)}`];
  },
};

function quiet(site: Site): string {
  return quietNewsUrl(site.content.articles, site.now, site.editions[0]!.homeUrl);
}
