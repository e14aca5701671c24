import type { DateTime } from "luxon";
import type { Content } from "../model/loadContent.ts";
import type { Article, Tag, TagKind } from "../model/types.ts";
import type { Lang } from "../model/schema.ts";
import type { SiteConfig } from "../model/site.ts";
import { STRINGS, stringsWithDigits, type UiStrings } from "../i18n/strings.ts";
import { paginate, type Page } from "./paginate.ts";
import { groupBy, groupByMany } from "./groupBy.ts";
import { dayUrl, homeUrl, monthUrl, tagFeedUrl, tagUrl, yearUrl, DEFAULT_LANG } from "../urls.ts";

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
}

export interface YearArchive {
  date: DateTime;
  url: string;
  months: MonthArchive[];
}

export interface EditionStyle {
  lang: Lang;
  dir: "ltr" | "rtl";
  /** The bulletin's and the agency's names in this language. */
  name: string;
  agency: string;
  description: string;
  locale: string;
  numberingSystem?: string;
  strings: UiStrings;
}

export interface Edition extends EditionStyle {
  homeUrl: string;
  /** Newest first. */
  articles: Article[];
  home: Page<Article>[];
  people: TagListing[];
  topics: TagListing[];
  days: DayArchive[];
  months: MonthArchive[];
  years: YearArchive[];
  listing(kind: TagKind, slug: string): TagListing | undefined;
  /** The article filed just before and just after, in this edition. */
  neighbours(article: Article): { older?: Article; newer?: Article };
}

export interface Bulletin {
  site: SiteConfig;
  preview: boolean;
  editions: Edition[];
  edition(lang: Lang): Edition;
  /** The same story in the other languages. */
  translationsOf(article: Article): Article[];
  /** Every article with a correction, newest correction first. */
  corrected: Article[];
}

/** Language defaults; content/site.yaml's top level sets the default edition, `editions` the others. */
const LANGUAGE_DEFAULTS: Record<Lang, { dir: "ltr" | "rtl"; locale: string; numberingSystem: string }> = {
  en: { dir: "ltr", locale: "en-GB", numberingSystem: "latn" },
  ar: { dir: "rtl", locale: "ar-SY", numberingSystem: "arab" },
};

export function editionStyle(site: SiteConfig, lang: Lang): EditionStyle {
  const own = site.editions[lang] ?? {};
  const isDefault = lang === site.lang;
  const defaults = LANGUAGE_DEFAULTS[lang];
  const numberingSystem = own.numberingSystem ?? defaults.numberingSystem;
  return {
    lang,
    dir: isDefault ? site.dir : defaults.dir,
    name: own.name ?? site.name,
    agency: own.agency ?? site.agency,
    description: own.description ?? (isDefault ? site.description : ""),
    locale: own.locale ?? (isDefault ? site.locale : defaults.locale),
    numberingSystem,
    strings: stringsWithDigits(STRINGS[lang], numberingSystem),
  };
}

/** The name of a person or topic as an edition shows it. */
export function tagName(tag: Tag, lang: Lang): string {
  return lang === "ar" && tag.nameAr ? tag.nameAr : tag.name;
}

export function buildBulletin(content: Content): Bulletin {
  const { site } = content;
  const byLang = groupBy(content.articles, (a) => a.lang);
  const langs = [...new Set<Lang>([DEFAULT_LANG, ...byLang.keys()])];
  const editions = langs.map((lang) => buildEdition(site, editionStyle(site, lang), byLang.get(lang) ?? []));
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

function buildEdition(site: SiteConfig, style: EditionStyle, articles: Article[]): Edition {
  const { lang } = style;
  const perPage = site.articlesPerPage;
  const listings = (kind: TagKind): TagListing[] => {
    const groups = groupByMany(articles, (a) => (kind === "person" ? a.people : a.topics));
    const collator = new Intl.Collator(style.locale);
    return [...groups]
      .map(([tag, list]) => {
        const url = tagUrl(lang, kind, tag.slug);
        return { tag, name: tagName(tag, lang), url, feedUrl: tagFeedUrl(lang, kind, tag.slug), articles: list, pages: paginate(list, perPage, url) };
      })
      .sort((a, b) => collator.compare(a.name, b.name) || a.tag.slug.localeCompare(b.tag.slug));
  };
  const people = listings("person");
  const topics = listings("topic");
  const lookup = new Map<string, TagListing>();
  for (const l of [...people, ...topics]) lookup.set(`${l.tag.kind}:${l.tag.slug}`, l);

  const days = [...groupBy(articles, (a) => a.date.toISODate())].map(([, list]) => ({
    date: list[0]!.date.startOf("day"),
    url: dayUrl(lang, list[0]!.date),
    articles: [...list].reverse(),
  }));
  const months = [...groupBy(days, (d) => d.date.toFormat("yyyy-MM"))].map(([, list]) => ({
    date: list[0]!.date.startOf("month"),
    url: monthUrl(lang, list[0]!.date),
    days: list,
  }));
  const years = [...groupBy(months, (m) => m.date.year)].map(([, list]) => ({
    date: list[0]!.date.startOf("year"),
    url: yearUrl(lang, list[0]!.date),
    months: list,
  }));
  const position = new Map(articles.map((a, i) => [a, i]));

  return {
    ...style,
    homeUrl: homeUrl(lang),
    articles,
    home: paginate(articles, perPage, homeUrl(lang)),
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
  };
}

