import type { Article, Tag, TagKind } from "../model/types.ts";
import { newestFirst } from "../model/loadContent.ts";

/** The part of a tag listing related stories need: its articles, newest first. */
export interface RelatedSource {
  articles: readonly Article[];
}

export interface RelatedOptions {
  /** How many stories to return. */
  limit?: number;
  /**
   * How many neighbours in time to consider on each side of the article in each listing.
   * Bounds the work per article on very large listings ("Syria" with 50,000 stories): the
   * candidates are the stories filed around it, never the whole listing.
   */
  window?: number;
  /** A shared person says more about a story than a shared topic. */
  weights?: Record<TagKind, number>;
}

export interface RelatedStory {
  article: Article;
  /** The sum of the weights of the shared people and topics. */
  score: number;
  /** The people and topics both stories carry. */
  shared: Tag[];
}

const DEFAULTS = { limit: 5, window: 40, weights: { person: 2, topic: 1 } } satisfies Required<RelatedOptions>;

/** How many neighbours in time a story's related stories are chosen from, on each side, in each listing. */
export const RELATED_WINDOW = DEFAULTS.window;

/**
 * How much less a tag on `size` stories says than one on two: its weight is divided by the
 * order of magnitude of the listing, not by its exact size, so that one more story in
 * "Syria" changes no other story's related list unless Syria's count crosses a power of
 * two (the incremental build relies on this: src/collections/staleRelated.ts).
 */
export function sizeDivisor(size: number): number {
  return Math.ceil(Math.log2(size + 1));
}

/**
 * Stories related to `article`: those sharing its people and topics, found through the
 * listings of those people and topics (each already sorted, newest first). Each shared tag
 * adds its kind's weight, scaled down for tags that are on very many stories (sharing
 * "Geneva talks" says more than sharing "Syria": `sizeDivisor`); ties go to the more recent
 * story. The article itself is never among them. What it depends on, and nothing else: the
 * article's tags, and in each tag's listing the stories within `window` of it and the
 * listing's `sizeDivisor`.
 */
export function relatedStories(
  article: Article,
  listingOf: (tag: Tag) => RelatedSource | undefined,
  options: RelatedOptions = {},
): RelatedStory[] {
  const { limit, window, weights } = { ...DEFAULTS, ...options };
  if (limit <= 0) return [];
  // Scores only while scanning (hundreds of candidates per article); the shared tags are
  // worked out for the few that make the list.
  const scores = new Map<Article, number>();
  const spans: { tag: Tag; list: readonly Article[]; from: number; to: number }[] = [];
  for (const tag of [...article.people, ...article.topics]) {
    const listing = listingOf(tag);
    if (!listing || listing.articles.length < 2) continue;
    const list = listing.articles;
    const weight = weights[tag.kind] / sizeDivisor(list.length);
    const at = positionOf(list, article);
    const from = Math.max(0, (at < 0 ? 0 : at) - window);
    const to = Math.min(list.length, (at < 0 ? 0 : at) + window + 1);
    spans.push({ tag, list, from, to });
    for (let i = from; i < to; i++) {
      const other = list[i]!;
      if (other !== article) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }
  const top: RelatedStory[] = [];
  for (const [other, score] of scores) {
    // Most candidates score below the fifth: one comparison of numbers rules them out.
    if (top.length === limit && score < top[limit - 1]!.score) continue;
    if (top.length === limit && byScoreThenNewest(score, other, top[limit - 1]!) >= 0) continue;
    top.push({ article: other, score, shared: [] });
    top.sort((a, b) => byScoreThenNewest(a.score, a.article, b));
    if (top.length > limit) top.pop();
  }
  for (const story of top) {
    for (const span of spans) {
      for (let i = span.from; i < span.to; i++) {
        if (span.list[i] === story.article) {
          story.shared.push(span.tag);
          break;
        }
      }
    }
  }
  return top;
}

function byScoreThenNewest(score: number, article: Article, than: RelatedStory): number {
  // Dates first: newestFirst's own tie-break (comparing URLs) is rarely needed and costly.
  return than.score - score || than.article.date.toMillis() - article.date.toMillis() || newestFirst(article, than.article);
}

/** Where `article` sits in a newest-first list, by binary search; -1 when it is not there. */
export function positionOf(list: readonly Article[], article: Article): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = newestFirst(list[mid]!, article);
    if (order === 0) return list[mid] === article ? mid : -1;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
