import type { DateTime } from "luxon";
import type { StoryKey } from "../collections/staleRelated.ts";
import { tagKey } from "../collections/staleRelated.ts";
import type { Site } from "./Site.ts";
import type { Article, Tag } from "../model/types.ts";
import { archivePageKept, type Page as ListPage } from "../collections/paginate.ts";
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
  /** Those that came or moved, as they are now (with `before`, what each listing gained or lost). */
  after: readonly StoryKey[];
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
 * Where the stories that changed since the last build stand, now and as they were: their
 * people and topics (`person:slug`, in any edition: a listing's alternates name the other
 * editions'), and their days and months (`<lang> 2016-07-15`, `<lang> 2016-07`). A listing or
 * an archive none of them is in lists the same stories as in the last build, each reading
 * the same (`PageType.unchanged`). Their years (`2016`, in every edition) are those of the
 * sitemap's files by year. Worked out once per build.
 */
export function touched(site: Site, since: SinceLastBuild): { tags: ReadonlySet<string>; days: ReadonlySet<string>; months: ReadonlySet<string>; years: ReadonlySet<string> } {
  return site.shared("where the changed stories stand", () => {
    const zone = site.config.timeZone;
    const tags = new Set<string>();
    const days = new Set<string>();
    const months = new Set<string>();
    const years = new Set<string>();
    const add = (lang: string, date: DateTime, keys: readonly string[]) => {
      for (const key of keys) tags.add(key);
      days.add(archiveKey(lang, date, zone, "day"));
      months.add(archiveKey(lang, date, zone, "month"));
      years.add(archiveYear(date, zone));
    };
    for (const story of since.before) add(story.lang, story.date, story.tags);
    for (const article of site.content.all) {
      if (since.articles.has(article.source)) add(article.lang, article.date, [...article.people, ...article.topics].map(tagKey));
    }
    return { tags, days, months, years };
  });
}

/**
 * For each listing a story that changed since the last build is or was in (`en` for an
 * edition's home page, `en person:slug` for a person's or topic's page in an edition): the
 * date of the oldest such story (ms), and how many stories the listing gained since (lost,
 * when negative). An archive page of a listing whose stories are all older than that, and
 * whose links reach no end of the listing that moved, is the same page (`archivePageKept`).
 * Worked out once per build.
 */
export function listingChanges(site: Site, since: SinceLastBuild): ReadonlyMap<string, { oldest: number; gained: number }> {
  return site.shared("listings the changed stories are in", () => {
    const changes = new Map<string, { oldest: number; gained: number }>();
    const note = (lang: string, tags: readonly string[], millis: number, gained: number) => {
      for (const key of [lang, ...tags.map((tag) => `${lang} ${tag}`)]) {
        const change = changes.get(key);
        if (change) {
          change.oldest = Math.min(change.oldest, millis);
          change.gained += gained;
        } else changes.set(key, { oldest: millis, gained });
      }
    };
    for (const story of since.before) note(story.lang, story.tags, story.date.toMillis(), -1);
    for (const story of since.after) note(story.lang, story.tags, story.date.toMillis(), 1);
    // Edited in place (neither moved nor came nor went): their date counts, not their number.
    for (const article of site.content.all) {
      if (since.articles.has(article.source)) note(article.lang, [...article.people, ...article.topics].map(tagKey), article.date.toMillis(), 0);
    }
    return changes;
  });
}

/**
 * Whether an archive page (not the front) of the listing `key` (as `listingChanges` names it),
 * now of `count` stories, lists the same stories as in the last build, with the same links.
 */
export function archivePageUnchanged(listPage: ListPage<Article>, key: string, count: number, site: Site, since: SinceLastBuild): boolean {
  if (listPage.front) return false;
  const change = listingChanges(site, since).get(key);
  if (!change) return true;
  const newest = listPage.items[0];
  return newest !== undefined && newest.date.toMillis() < change.oldest && archivePageKept(listPage.number, site.config.articlesPerPage, count - change.gained, count);
}

/** The key of a day or month in `touched`: the edition's language and the date as the archives group it. */
export function archiveKey(lang: string, date: DateTime, zone: string, unit: "day" | "month"): string {
  const day = date.setZone(zone).toISODate()!;
  return `${lang} ${unit === "day" ? day : day.slice(0, 7)}`;
}

/** The year a story is archived under, as the sitemap's files by year group it (`2016`, the same in every edition). */
export function archiveYear(date: DateTime, zone: string): string {
  return String(date.setZone(zone).year);
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
  // Asked for twice by an incremental build (what changed, and the record it leaves): made once.
  return site.shared("shared reads", () => {
    const shells: Record<string, string> = {};
    const tags: Record<string, string> = {};
    for (const edition of site.editions) shells[edition.lang] = shellRead(site, edition);
    // Each tag once, found by identity: its key made for every mention was 0.15 s at 100,000 articles.
    const named = new Set<Tag>();
    for (const article of site.content.articles) {
      for (const tag of article.people) named.add(tag);
      for (const tag of article.topics) named.add(tag);
    }
    for (const tag of named) tags[tagKey(tag)] ??= [tagRead(tag), ...site.editions.map((e) => tagNameRead(tag, e))].join("\0");
    return { shells, tags };
  });
}

/** The keys whose value differs between two records (or is in one only). */
export function differing(was: Record<string, string>, now: Record<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const key of Object.keys(was)) if (was[key] !== now[key]) keys.add(key);
  for (const key of Object.keys(now)) if (was[key] !== now[key]) keys.add(key);
  return keys;
}
