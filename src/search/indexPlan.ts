import type { Edition } from "../collections/editions.ts";
import type { Article } from "../model/types.ts";
import { latestSearchIndexUrl, searchIndexUrl } from "../urls.ts";

/**
 * Which search index each article of an edition goes in. Pagefind holds an index in memory
 * until it is written, about 170 KB an article; so an index holds a year of articles, or,
 * for a year with more than `MAX_ARTICLES`, a quarter, or else a month. Boundaries are
 * calendar ones, so that a rebuild finds the same indexes for the years that did not change.
 *
 * The week of the newest article (Monday to Sunday in the bulletin's time zone) has an index
 * of its own, `latest`: Pagefind cannot add to an index, so filing a story indexes again the
 * index it goes in, and a week's stories take a fraction of a second where a year's took
 * seconds. Once a week, the first story of the new week moves the last week's stories into
 * their year: that build indexes the year again (docs/architecture.md).
 */
export interface SearchIndexPlan {
  /** Every index's URL, newest articles first: the order articles render in, and the search page merges. */
  urls: string[];
  urlOf(article: Article): string;
}

/** About 0.9 GiB of Pagefind's memory. */
export const MAX_ARTICLES = 5000;

/** The plan of an edition's indexes; `Edition.searchPlan` keeps it once made. */
export function searchIndexPlan(edition: Pick<Edition, "lang" | "years">, maxArticles = MAX_ARTICLES): SearchIndexPlan {
  const urls: string[] = [];
  const byArticle = new Map<Article, string>();
  const newest = edition.years[0]?.months[0]?.days[0]?.date;
  const weekStart = newest?.startOf("week");
  const latest = latestSearchIndexUrl(edition.lang);
  for (const year of edition.years) {
    const all = year.months.flatMap((m) => m.days);
    for (const day of all) {
      if (!weekStart || day.date < weekStart) continue;
      if (urls.at(-1) !== latest) urls.push(latest);
      for (const article of day.articles) byArticle.set(article, latest);
    }
    const days = all.filter((d) => !weekStart || d.date < weekStart);
    const count = days.reduce((sum, d) => sum + d.articles.length, 0);
    const quarters = new Map<number, number>();
    for (const d of days) quarters.set(quarterOf(d.date.month), (quarters.get(quarterOf(d.date.month)) ?? 0) + d.articles.length);
    const part = count <= maxArticles ? "year" : Math.max(0, ...quarters.values()) <= maxArticles ? "quarter" : "month";
    for (const day of days) {
      const date = day.date;
      const url = searchIndexUrl(edition.lang, date, part === "year" ? undefined : part === "quarter" ? `q${quarterOf(date.month)}` : date.toFormat("MM"));
      if (urls.at(-1) !== url) urls.push(url);
      for (const article of day.articles) byArticle.set(article, url);
    }
  }
  const plan: SearchIndexPlan = {
    urls,
    urlOf(article) {
      const url = byArticle.get(article);
      if (!url) throw new Error(`search index: ${article.url} is not in its edition`);
      return url;
    },
  };
  return plan;
}

function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}
