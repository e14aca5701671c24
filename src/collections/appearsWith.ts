import type { Article, Tag } from "../model/types.ts";

export interface CoAppearance {
  person: Tag;
  /** How many of the person's stories name them both. */
  count: number;
}

/**
 * The people most often tagged together with `person`, with the number of stories they
 * share: most shared first, then alphabetically by `nameOf` (the edition's own names).
 * One pass over the person's own listing, never over every article.
 */
export function appearsWith(
  person: Tag,
  articles: readonly Article[],
  nameOf: (tag: Tag) => string,
  collator: Intl.Collator,
  limit = 8,
): CoAppearance[] {
  const counts = new Map<Tag, number>();
  for (const article of articles) {
    for (const other of article.people) {
      if (other !== person) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([tag, count]) => ({ person: tag, count }))
    .sort((a, b) => b.count - a.count || collator.compare(nameOf(a.person), nameOf(b.person)))
    .slice(0, limit);
}
