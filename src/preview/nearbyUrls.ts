import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";
import { dayUrl, monthUrl, tagIndexUrl, yearUrl } from "../urls.ts";
import { editionFeedUrl, editionJsonFeedUrl } from "../feeds/feedUrls.ts";
import { correctionsUrl } from "../seo/pageSubjects.ts";

/**
 * The pages a reader is most likely to look at next after `articles` changed: the listings
 * and archives that show them, their neighbours and translations, the edition's indexes and
 * feeds. The preview brings these up to date right after the article itself; a pass over the
 * whole site follows and catches whatever else changed (related stories on other articles,
 * pages shifted by a new date), so this list needs to be quick, not complete.
 */
export function nearbyUrls(build: SiteBuild, articles: readonly Article[]): string[] {
  const urls = new Set<string>();
  // Feeds last: finding them means listing every tag feed, and nobody watches a feed reload.
  const feeds = new Set<string>();
  for (const article of articles) {
    const edition = build.bulletin.edition(article.lang);
    if (edition.lang !== article.lang) continue;
    for (const page of edition.home) if (page.items.includes(article)) urls.add(page.url);
    for (const tag of [...article.people, ...article.topics]) {
      const listing = edition.listing(tag.kind, tag.slug);
      if (!listing) continue;
      for (const page of listing.pages) if (page.items.includes(article)) urls.add(page.url);
      feeds.add(listing.feedUrl);
    }
    urls.add(dayUrl(edition.lang, article.date));
    urls.add(monthUrl(edition.lang, article.date));
    urls.add(yearUrl(edition.lang, article.date));
    const { older, newer } = edition.neighbours(article);
    for (const other of [older, newer, ...build.bulletin.translationsOf(article)]) if (other) urls.add(other.url);
    urls.add(edition.homeUrl);
    urls.add(tagIndexUrl(edition.lang, "person"));
    urls.add(tagIndexUrl(edition.lang, "topic"));
    urls.add(correctionsUrl(edition));
    feeds.add(editionFeedUrl(edition.lang));
    feeds.add(editionJsonFeedUrl(edition.lang));
  }
  return [...urls, ...feeds];
}
