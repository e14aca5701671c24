import type { Article } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { Site } from "../site/Site.ts";

/**
 * The notice the preview prints on top of a page (layouts/BasePage.tsx), worked out by each
 * page type as it prepares its pages, so that it is true of that page:
 *
 * - a draft or scheduled article says so;
 * - a page that the published site will not have (a person named only in a draft, a day of
 *   scheduled stories, a listing's archive page filled out by drafts, an edition of drafts)
 *   says it exists only because of stories not published yet, naming the story when one
 *   stands between it and publication;
 * - a page that shows stories not published yet (headlines, related stories, links) says so;
 * - any other page says what the preview is.
 *
 * Undefined outside previews: the published site prints none.
 */
export interface NoticeFacts {
  /** The page is this article. */
  article?: Article;
  /**
   * What the page's existence depends on: it is published once `needed` (1 unless given) of
   * `articles` are. Undefined for a page every edition has (the default edition's home,
   * indexes, search…), which is then judged by its edition alone.
   */
  existsFor?: { articles: readonly Article[]; needed?: number };
  /** The stories the page shows, as headlines, links or related stories. */
  shows?: Iterable<Article | undefined>;
}

export function isUnpublished(article: Article): boolean {
  return article.draft || article.scheduled;
}

export function previewNotice(site: Site, edition: Edition, facts: NoticeFacts = {}): string | undefined {
  if (!site.preview) return undefined;
  const s = edition.strings;
  const { article } = facts;
  if (article?.draft) return s.previewDraftArticle;
  if (article?.scheduled) return s.previewScheduledArticle;
  // An edition other than the default exists only while one of its stories is published.
  const existence = [facts.existsFor, edition.isDefault ? undefined : { articles: edition.articles }];
  for (const depends of existence) {
    if (!depends) continue;
    const { published, unpublished } = tally(depends.articles);
    if (published >= (depends.needed ?? 1)) continue;
    return unpublished.length === 1 ? s.previewPageAwaits(unpublished[0]!.title) : s.previewPageUnpublished;
  }
  for (const shown of facts.shows ?? []) if (shown && isUnpublished(shown)) return s.previewShowsUnpublished;
  return s.previewNotice;
}

/**
 * How many stories a listing must have, published, for its archive page `number` to exist
 * (src/collections/paginate.ts: the front holds up to two pages' worth); 1 for its front.
 */
export function storiesForPage(page: { front: boolean; number: number }, perPage: number): number {
  return page.front ? 1 : (page.number + 1) * perPage + 1;
}

interface Tally {
  published: number;
  /** The first two stories not published: one names the story a page waits for, two say "stories". */
  unpublished: Article[];
}

/** Per list of articles (a listing's, a day's, an edition's): every page of a listing asks about the same one. */
const tallies = new WeakMap<readonly Article[], Tally>();

function tally(articles: readonly Article[]): Tally {
  let found = tallies.get(articles);
  if (!found) {
    found = { published: 0, unpublished: [] };
    for (const a of articles) {
      if (!isUnpublished(a)) found.published++;
      else if (found.unpublished.length < 2) found.unpublished.push(a);
    }
    tallies.set(articles, found);
  }
  return found;
}
