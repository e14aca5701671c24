import type { SiteBuild } from "../build/SiteBuild.ts";
import type { DayArchive, Edition, MonthArchive, TagListing, YearArchive } from "../collections/bulletin.ts";
import type { Page } from "../collections/paginate.ts";
import type { Article, TagKind } from "../model/types.ts";
import { tagIndexUrl } from "../urls.ts";

/**
 * What a public page is about, by its URL. Head metadata, structured data and the sitemap
 * all start from this, so layouts only hand over their URL (through BasePage) and the three
 * can never disagree about a page. Built once per build from `build.pages`.
 */
export type PageSubject =
  | { kind: "home"; url: string; edition: Edition; page: Page<Article> }
  | { kind: "article"; url: string; edition: Edition; article: Article }
  | { kind: "tag"; url: string; edition: Edition; listing: TagListing; page: Page<Article> }
  | { kind: "tagIndex"; url: string; edition: Edition; tagKind: TagKind; listings: TagListing[] }
  | { kind: "day"; url: string; edition: Edition; day: DayArchive }
  | { kind: "month"; url: string; edition: Edition; month: MonthArchive }
  | { kind: "year"; url: string; edition: Edition; year: YearArchive }
  | { kind: "corrections"; url: string; edition: Edition };

/** `/corrections/` of an edition, as src/pages/corrections.11ty.tsx writes it. */
export function correctionsUrl(edition: Edition): string {
  return `${edition.homeUrl}corrections/`;
}

/** Every public page of the build, in a stable order (editions, then page types). */
export function pageSubjects(build: SiteBuild): PageSubject[] {
  return indexOf(build).list;
}

/** The subject of the page at `url`, or undefined for pages outside the bulletin's listings (404, search). */
export function subjectAt(build: SiteBuild, url: string): PageSubject | undefined {
  return indexOf(build).byUrl.get(url);
}

const indexes = new WeakMap<SiteBuild, { list: PageSubject[]; byUrl: Map<string, PageSubject> }>();

function indexOf(build: SiteBuild) {
  let index = indexes.get(build);
  if (!index) {
    const list = collect(build);
    index = { list, byUrl: new Map(list.map((s) => [s.url, s])) };
    indexes.set(build, index);
  }
  return index;
}

function collect(build: SiteBuild): PageSubject[] {
  const { pages } = build;
  return [
    ...pages.home.map(({ edition, page }) => ({ kind: "home" as const, url: page.url, edition, page })),
    ...pages.article.map(({ edition, article }) => ({ kind: "article" as const, url: article.url, edition, article })),
    ...pages.tagIndex.map(({ edition, kind, listings }) => ({ kind: "tagIndex" as const, url: tagIndexUrl(edition.lang, kind), edition, tagKind: kind, listings })),
    ...pages.tag.map(({ edition, listing, page }) => ({ kind: "tag" as const, url: page.url, edition, listing, page })),
    ...pages.year.map(({ edition, year }) => ({ kind: "year" as const, url: year.url, edition, year })),
    ...pages.month.map(({ edition, month }) => ({ kind: "month" as const, url: month.url, edition, month })),
    ...pages.day.map(({ edition, day }) => ({ kind: "day" as const, url: day.url, edition, day })),
    ...pages.edition.map(({ edition }) => ({ kind: "corrections" as const, url: correctionsUrl(edition), edition })),
  ];
}
