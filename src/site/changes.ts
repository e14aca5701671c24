import type { StoryKey } from "../collections/staleRelated.ts";
import { tagKey } from "../collections/staleRelated.ts";
import type { Site } from "./Site.ts";
import { shellRead, tagNameRead, tagRead } from "./reads.ts";

/**
 * What changed since the last build, as the incremental build knows it from its record
 * (src/publish/incremental.ts): for page types with very many pages (articles), so that a
 * page which certainly reads as before keeps its fingerprint without being read again
 * (`PageType.unchanged` in src/pages/pageTypes.ts).
 */
export interface SinceLastBuild {
  /** Articles (sources) filed, edited, taken down, published or unpublished, or whose URL or image changed. */
  articles: ReadonlySet<string>;
  /** Those of them as they were, for where they stood among their neighbours. */
  before: readonly StoryKey[];
  /** Articles whose related stories in the last build included one of `articles`. */
  showedChanged: ReadonlySet<string>;
  /** Translation keys that one of `articles` has or had. */
  translations: ReadonlySet<string>;
  /** People and topics (`person:slug`) whose registry entry changed, or whose name as written did. */
  tags: ReadonlySet<string>;
  /** Editions (languages) whose every page must be read again: what all their pages show changed. */
  shells: ReadonlySet<string>;
}

/**
 * What a build records of the things many pages show, for the next build's `SinceLastBuild`:
 * each edition's shell, and the read of each person and topic an article names (its entry,
 * its name in every edition), as the pages' `reads` print them.
 */
export interface SharedReads {
  shells: Record<string, string>;
  tags: Record<string, string>;
}

export function sharedReads(site: Site): SharedReads {
  const shells: Record<string, string> = {};
  const tags: Record<string, string> = {};
  for (const edition of site.editions) shells[edition.lang] = shellRead(site, edition);
  for (const article of site.content.articles) {
    for (const tag of [...article.people, ...article.topics]) tags[tagKey(tag)] ??= [tagRead(tag), ...site.editions.map((e) => tagNameRead(tag, e))].join("\0");
  }
  return { shells, tags };
}

/** The keys whose value differs between two records (or is in one only). */
export function differing(was: Record<string, string>, now: Record<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const key of Object.keys(was)) if (was[key] !== now[key]) keys.add(key);
  for (const key of Object.keys(now)) if (was[key] !== now[key]) keys.add(key);
  return keys;
}
