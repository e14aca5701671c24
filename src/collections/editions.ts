import type { DateTime } from "luxon";
import { calendarDate } from "../text/dates.ts";
import type { Content } from "../model/loadContent.ts";
import type { Article, Tag, TagKind } from "../model/types.ts";
import type { SiteConfig } from "../model/site.ts";
import type { Language } from "../i18n/languages.ts";
import type { WebFont } from "../i18n/fonts.ts";
import { stringsWithDigits, type UiStrings } from "../i18n/strings.ts";
import { paginate, type Page } from "./paginate.ts";
import { groupBy, groupByMany } from "./groupBy.ts";
import { relatedStories } from "./related.ts";
import { appearsWith, type CoAppearance } from "./appearsWith.ts";
import { searchIndexPlan, type SearchIndexPlan } from "../search/indexPlan.ts";
import { breakingStory, frontPageStories, type FrontPageStories } from "./frontPage.ts";
import { dayUrl, editionPrefix, homeUrl, monthUrl, tagFeedUrl, tagUrl, yearUrl, type EditionPath } from "../urls.ts";

/**
 * The collections every page is built from, computed once per build: each listing is a
 * slice of one sorted array, so no page filters or sorts all articles again.
 */
export interface TagListing {
  tag: Tag;
  /** The name in this edition's language. */
  name: string;
  url: string;
  feedUrl: string;
  /** Newest first. */
  articles: Article[];
  pages: Page<Article>[];
}

export interface DayArchive {
  date: DateTime;
  url: string;
  /** In the order they were filed, as the day's bulletin ran. */
  articles: Article[];
}

export interface MonthArchive {
  date: DateTime;
  url: string;
  /** Newest first. */
  days: DayArchive[];
  /** How many articles the month has. */
  count: number;
}

export interface YearArchive {
  date: DateTime;
  url: string;
  months: MonthArchive[];
}

/** A person's or topic's words as an edition prints them. */
export interface TagText {
  name: string;
  role?: string;
  description?: string;
  /** The registry file's body (Markdown), written in the default edition's language: only that edition shows it. */
  bio: string;
}

/**
 * One edition config per language: the language's own settings (src/i18n/languages.ts),
 * with the bulletin's overrides from content/site.yaml, and where its pages live.
 */
export interface EditionConfig extends EditionPath {
  lang: string;
  dir: "ltr" | "rtl";
  /** The bulletin's and the agency's names in this language. */
  name: string;
  agency: string;
  description: string;
  /** The edition's X (Twitter) account (`@name`) for `twitter:site`, when the settings give one. */
  twitterSite?: string;
  locale: string;
  numberingSystem: string;
  /** The interface's words, with the edition's digits in counts. */
  strings: UiStrings;
  /** The text face its pages load, if its language has one. */
  font?: WebFont;
  /** The default edition is at the site's root; the others under `/<lang>/`. */
  isDefault: boolean;
  /** Another language's name in this one ("Arabic" in English), from Intl. */
  languageName(lang: string): string;
}

export interface Edition extends EditionConfig {
  homeUrl: string;
  /** Newest first. */
  articles: Article[];
  home: Page<Article>[];
  /** The front page (the first of `home`): lead, top stories, then the rest (src/collections/frontPage.ts). */
  front: FrontPageStories;
  /** The story the breaking banner on every page of the edition links to, while its time lasts. */
  breaking?: Article;
  people: TagListing[];
  topics: TagListing[];
  days: DayArchive[];
  months: MonthArchive[];
  years: YearArchive[];
  listing(kind: TagKind, slug: string): TagListing | undefined;
  /** The article filed just before and just after, in this edition. */
  neighbours(article: Article): { older?: Article; newer?: Article };
  /** Stories sharing the article's people and topics (src/collections/related.ts), most related first. */
  related(article: Article): Article[];
  /** False when the article's related stories are the last build's, known not to have changed (`RelatedMemory`). */
  relatedMayDiffer(article: Article): boolean;
  /** The people most often in a person's stories (src/collections/appearsWith.ts). */
  appearsWith(listing: TagListing): CoAppearance[];
  /** A person's or topic's name, role and description in this edition's language. */
  tagText(tag: Tag): TagText;
  /** Which search index each article goes in (src/search/indexPlan.ts). */
  searchPlan(): SearchIndexPlan;
}

export interface Bulletin {
  site: SiteConfig;
  preview: boolean;
  /** The default edition first, then the others that have articles. */
  editions: Edition[];
  edition(lang: string): Edition;
  /** The same story in the other languages. */
  translationsOf(article: Article): Article[];
  /** Every article with a correction, newest correction first. */
  corrected: Article[];
}

/** Every language's edition config, the bulletin's default edition first. */
export function editionConfigs(site: SiteConfig, languages: readonly Language[]): EditionConfig[] {
  const ordered = [...languages].sort((a, b) => Number(b.lang === site.lang) - Number(a.lang === site.lang));
  return ordered.map((language) => {
    const own = site.editions[language.lang] ?? {};
    const isDefault = language.lang === site.lang;
    const numberingSystem = own.numberingSystem ?? language.numberingSystem;
    const locale = own.locale ?? (isDefault ? site.locale : undefined) ?? language.locale;
    const names = new Intl.DisplayNames([locale], { type: "language" });
    return {
      lang: language.lang,
      dir: (isDefault ? site.dir : undefined) ?? language.dir,
      name: own.name ?? site.name,
      agency: own.agency ?? site.agency,
      description: own.description ?? (isDefault ? site.description : ""),
      twitterSite: own.twitterSite ?? site.twitterSite,
      locale,
      numberingSystem,
      strings: stringsWithDigits(language.strings, numberingSystem),
      font: language.font,
      isDefault,
      prefix: editionPrefix(site.lang, language.lang),
      languageName: (lang: string) => names.of(lang) ?? lang,
    };
  });
}

/**
 * How an edition prints a registry entry: its translation into the edition's language. A
 * name without one is printed as written (a name reads in any script); a role or description
 * without one is left out, as the bio is: an English sentence on an Arabic page reads
 * right to left, full stop first, and tells its reader nothing.
 */
export function tagText(tag: Tag, edition: { lang: string; isDefault: boolean }): TagText {
  if (edition.isDefault) return { name: tag.name, role: tag.role, description: tag.description, bio: tag.bio };
  const own = tag.translations[edition.lang];
  return { name: own?.name ?? tag.name, role: own?.role, description: own?.description, bio: "" };
}

/**
 * The related stories of the last build, for the incremental build: each article's (by source)
 * stay as they were unless `stale` says otherwise (src/collections/staleRelated.ts).
 */
export interface RelatedMemory {
  /** The article's related stories (sources) in the last build, when it worked them out. */
  previous(article: Article): readonly string[] | undefined;
  /** Per edition (language), the articles whose related stories must be worked out again. */
  stale(edition: Edition): ReadonlySet<string>;
  /** Per edition, the stories it had in the last build and has no more (deleted, held back, moved to another language): a list naming one is not recalled. */
  gone(edition: Edition): ReadonlySet<string>;
}

export function buildBulletin(content: Content, opts: { related?: RelatedMemory } = {}): Bulletin {
  const { site } = content;
  const byLang = groupBy(content.articles, (a) => a.lang);
  const configs = editionConfigs(site, content.languages).filter((e) => e.isDefault || byLang.has(e.lang));
  const editions = configs.map((config) => buildEdition(content, config, byLang.get(config.lang) ?? [], opts.related));
  const byKey = groupBy(content.articles.filter((a) => a.translation), (a) => a.translation);
  const corrected = content.articles
    .filter((a) => a.corrections.length > 0)
    .sort((a, b) => b.corrections.at(-1)!.date.toMillis() - a.corrections.at(-1)!.date.toMillis());
  return {
    site,
    preview: content.preview,
    editions,
    edition: (lang) => editions.find((e) => e.lang === lang) ?? editions[0]!,
    translationsOf: (a) => (a.translation ? (byKey.get(a.translation) ?? []).filter((t) => t !== a) : []),
    corrected,
  };
}

function buildEdition(content: Content, config: EditionConfig, articles: Article[], memory?: RelatedMemory): Edition {
  const { site } = content;
  const perPage = site.articlesPerPage;
  const text = new Map<Tag, TagText>();
  const textOf = (tag: Tag) => {
    let found = text.get(tag);
    if (!found) text.set(tag, (found = tagText(tag, config)));
    return found;
  };
  const collator = new Intl.Collator(config.locale);
  const listings = (kind: TagKind): TagListing[] => {
    const groups = groupByMany(articles, (a) => (kind === "person" ? a.people : a.topics));
    return [...groups]
      .map(([tag, list]) => {
        const url = tagUrl(config, kind, tag.slug);
        return { tag, name: textOf(tag).name, url, feedUrl: tagFeedUrl(config, kind, tag.slug), articles: list, pages: paginate(list, perPage, url) };
      })
      .sort((a, b) => collator.compare(a.name, b.name) || a.tag.slug.localeCompare(b.tag.slug));
  };
  const people = listings("person");
  const topics = listings("topic");
  const lookup = new Map<string, TagListing>();
  const byTag = new Map<Tag, TagListing>();
  for (const l of [...people, ...topics]) {
    lookup.set(`${l.tag.kind}:${l.tag.slug}`, l);
    byTag.set(l.tag, l);
  }

  const days = [...groupBy(articles, (a) => a.date.toISODate())].map(([, list]) => ({
    date: list[0]!.date.startOf("day"),
    url: dayUrl(config, list[0]!.date),
    articles: [...list].reverse(),
  }));
  const months = [...groupBy(days, (d) => calendarDate(d.date, "month", "-"))].map(([, list]) => ({
    date: list[0]!.date.startOf("month"),
    url: monthUrl(config, list[0]!.date),
    days: list,
    count: list.reduce((n, d) => n + d.articles.length, 0),
  }));
  const years = [...groupBy(months, (m) => m.date.year)].map(([, list]) => ({
    date: list[0]!.date.startOf("year"),
    url: yearUrl(config, list[0]!.date),
    months: list,
  }));
  const position = new Map(articles.map((a, i) => [a, i]));
  const related = new Map<Article, Article[]>();
  /** Those of `related` recalled from the last build's record. */
  const recalled = new Set<Article>();
  let recall: Recaller | undefined;
  const together = new Map<TagListing, CoAppearance[]>();
  let plan: SearchIndexPlan | undefined;

  const home = paginate(articles, perPage, homeUrl(config));
  const edition: Edition = {
    ...config,
    homeUrl: homeUrl(config),
    articles,
    home,
    front: frontPageStories(home[0]!.items, content.frontPage.get(config.lang)),
    breaking: breakingStory(articles, content.now),
    people,
    topics,
    days,
    months,
    years,
    listing: (kind, slug) => lookup.get(`${kind}:${slug}`),
    neighbours: (a) => {
      const i = position.get(a);
      return i === undefined ? {} : { newer: articles[i - 1], older: articles[i + 1] };
    },
    related: (a) => {
      let found = related.get(a);
      if (!found) {
        recall ??= recaller(edition, articles, memory);
        const kept = recall.recall(a);
        if (kept) recalled.add(a);
        found = kept ?? relatedStories(a, (tag) => byTag.get(tag)).map((r) => r.article);
        related.set(a, found);
      }
      return found;
    },
    relatedMayDiffer: (a) => {
      if (related.has(a)) return !recalled.has(a);
      // Asked of every article page: answered without making its list (the few pages
      // rendered ask for it), 100,000 lists and their entries in two maps at 100,000 articles.
      recall ??= recaller(edition, articles, memory);
      return !recall.can(a);
    },
    appearsWith: (listing) => {
      let found = together.get(listing);
      if (!found) together.set(listing, (found = appearsWith(listing.tag, listing.articles, (t) => textOf(t).name, collator)));
      return found;
    },
    tagText: textOf,
    searchPlan: () => (plan ??= searchIndexPlan({ lang: config.lang, years })),
  };
  return edition;
}

interface Recaller {
  /** Whether the last build's related stories of `a` are its related stories now. */
  can(a: Article): boolean;
  /** They, when they are. */
  recall(a: Article): Article[] | undefined;
}

/** The last build's related stories of an article, when they cannot have changed (none without a memory). */
function recaller(edition: Edition, articles: Article[], memory: RelatedMemory | undefined): Recaller {
  if (!memory) return { can: () => false, recall: () => undefined };
  const stale = memory.stale(edition);
  const gone = memory.gone(edition);
  const sourcesOf = (a: Article) => (stale.has(a.source) ? undefined : memory.previous(a));
  let bySource: Map<string, Article> | undefined;
  return {
    // Asked of every article: its list is the last build's when none of them left the edition
    // (told by the few that left, not by looking up every source of every list: 0.2 s at 100,000).
    can: (a) => {
      const sources = sourcesOf(a);
      if (!sources) return false;
      if (gone.size > 0) for (const source of sources) if (gone.has(source)) return false;
      return true;
    },
    recall: (a) => {
      const sources = sourcesOf(a);
      if (!sources) return undefined;
      if (!bySource) {
        bySource = new Map();
        for (const article of articles) bySource.set(article.source, article);
      }
      const found: Article[] = [];
      for (const source of sources) {
        const other = bySource.get(source);
        if (!other) return undefined;
        found.push(other);
      }
      return found;
    },
  };
}
