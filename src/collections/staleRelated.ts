import type { DateTime } from "luxon";
import type { Article } from "../model/types.ts";
import type { Edition } from "./editions.ts";
import { RELATED_WINDOW, sizeDivisor } from "./related.ts";

/** What the stale-related reckoning needs of an article, as it was or as it is. */
export interface StoryKey {
  source: string;
  lang: string;
  date: DateTime;
  url: string;
  /** `person:slug` and `topic:slug` of its people and topics. */
  tags: readonly string[];
}

/** `person:slug`, `topic:slug`: a tag as the build's records name it. */
export function tagKey(tag: { kind: string; slug: string }): string {
  return `${tag.kind}:${tag.slug}`;
}

/** Whether `key` is `tagKey(tag)`, told without making the key (asked of every unchanged article's tags at every build). */
export function isTagKey(key: string, tag: { kind: string; slug: string }): boolean {
  return key.length === tag.kind.length + 1 + tag.slug.length && key.startsWith(tag.kind) && key.charCodeAt(tag.kind.length) === 58 /* ":" */ && key.endsWith(tag.slug);
}

export function storyKey(article: Article): StoryKey {
  return { source: article.source, lang: article.lang, date: article.date, url: article.url, tags: [...article.people, ...article.topics].map(tagKey) };
}

/**
 * The articles of `edition` whose related stories may differ from the last build's, when the
 * stories `before` were taken out of its listings and `after` put in (an edited story is in
 * both; a new or newly published one in `after` only). A story's related stories depend only
 * on its tags, the stories within `RELATED_WINDOW` of it in each tag's listing, and each
 * listing's `sizeDivisor` (src/collections/related.ts); so what may change is: the stories
 * themselves, those within the window (one more, for the shift) of where each was or is in
 * each of its listings, and every story of a listing whose divisor changed. Everyone else's
 * related stories are the last build's.
 */
export function staleRelated(edition: Edition, before: readonly StoryKey[], after: readonly StoryKey[]): Set<string> {
  const stale = new Set<string>();
  const sizeChange = new Map<string, number>();
  const listingOf = (key: string) => {
    const colon = key.indexOf(":");
    return edition.listing(key.slice(0, colon) as "person" | "topic", key.slice(colon + 1));
  };
  const around = (story: StoryKey, sign: 1 | -1) => {
    stale.add(story.source);
    for (const key of story.tags) {
      sizeChange.set(key, (sizeChange.get(key) ?? 0) + sign);
      const list = listingOf(key)?.articles;
      if (!list) continue;
      const at = insertionPoint(list, story);
      for (let i = Math.max(0, at - RELATED_WINDOW - 2); i < Math.min(list.length, at + RELATED_WINDOW + 3); i++) stale.add(list[i]!.source);
    }
  };
  for (const story of before) around(story, -1);
  for (const story of after) around(story, 1);
  for (const [key, change] of sizeChange) {
    if (change === 0) continue;
    const list = listingOf(key)?.articles ?? [];
    if (sizeDivisor(list.length) !== sizeDivisor(list.length - change)) for (const a of list) stale.add(a.source);
  }
  return stale;
}

/** Where `story` is, or would be, in a newest-first listing (the order of `newestFirst`). */
function insertionPoint(list: readonly Article[], story: StoryKey): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const a = list[mid]!;
    const newer = a.date.toMillis() - story.date.toMillis() || story.url.localeCompare(a.url);
    if (newer > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
