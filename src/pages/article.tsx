import type { Article } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { ArticleLayout } from "../../layouts/ArticleLayout.tsx";
import { lastModified } from "../seo/lastModified.ts";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, dateTrail, newsArticle } from "../seo/jsonLd.ts";
import { articleRead, noticeRead, shellRead, tagNameRead, tagRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";
import type { Site } from "../site/Site.ts";
import { archiveYear, type SinceLastBuild } from "../site/changes.ts";
import { tagKey } from "../collections/staleRelated.ts";

/** An article at `/YYYY/MM/DD/<slug>/`, with the stories related to it and its neighbours in its edition. */
export interface ArticlePage {
  kind: "article";
  url: string;
  edition: Edition;
  article: Article;
  /** Stories sharing its people and topics, most related first. */
  readonly related: Article[];
  newer?: Article;
  older?: Article;
  /** The same story in the other editions. */
  translations: Article[];
  /** What its date is said to be: published, or (previews) a draft's date, a scheduled time. */
  dateLabel: string;
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

/**
 * An article's page as the page table lists it. A class, its lazy fields getters on the
 * prototype: made for every article at every build, an object literal with getters of its
 * own took 2 µs to make (0.2 s at 100,000 articles), one with a class 0.1–0.3 µs.
 */
class ListedArticle implements ArticlePage {
  readonly kind = "article";
  readonly url: string;
  readonly dateLabel: string;
  constructor(
    private readonly site: Site,
    readonly edition: Edition,
    readonly article: Article,
    readonly newer: Article | undefined,
    readonly older: Article | undefined,
    readonly translations: Article[],
  ) {
    this.url = article.url;
    const s = edition.strings;
    this.dateLabel = article.draft ? s.draftDated : article.scheduled ? s.scheduledFor : s.published;
  }

  // Worked out when the page is read or rendered, not when it is listed (the sitemap lists every page).
  get related(): Article[] {
    return this.edition.related(this.article);
  }

  get notice(): string | undefined {
    return previewNotice(this.site, this.edition, { article: this.article, shows: [...this.related, this.newer, this.older, ...this.translations] });
  }
}

export const articlePages: PageType<ArticlePage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const article of edition.articles) {
        const { newer, older } = edition.neighbours(article);
        yield new ListedArticle(site, edition, article, newer, older, site.bulletin.translationsOf(article));
      }
    }
  },
  render: (page, site) => <ArticleLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [
    shellRead(site, page.edition),
    articleRead(page.article),
    site.image(page.article)?.src ?? "",
    // Structured data's crops: the photo's, or the share image's for a story without one.
    ...site.crops(page.article).map((c) => c.url),
    ...[...page.article.people, ...page.article.topics].map(tagRead),
    ...page.article.topics.slice(0, 1).map((t) => tagNameRead(t, page.edition)),
    ...page.related.map(articleRead),
    ...[page.newer, page.older].map((a) => (a ? articleRead(a) : "-")),
    ...page.translations.map((t) => `${t.lang} ${t.url}`),
    ...noticeRead(page),
  ],
  lastmod: (page) => lastModified(page.article),
  sitemapGroup: (page, site) => archiveYear(page.article.date, site.config.timeZone),
  alternates: (page, site) => editionAlternates(site, (e) => [page.article, ...page.translations].find((a) => a.lang === e.lang)?.url),
  structuredData: (page, site) => [
    newsArticle(site, page.edition, page.article),
    breadcrumbs(site, page.edition, [...dateTrail(page.edition, page.article.date, "day").slice(2), { name: page.article.title, url: page.url }]),
  ],
  head: (page, site) => ({
    article: {
      published: page.article.date,
      modified: lastModified(page.article),
      tags: [...page.article.people, ...page.article.topics].map((t) => page.edition.tagText(t).name),
      image: site.sharedImage(page.article),
    },
  }),
  searchIndex: (page) => page.edition.searchPlan().urlOf(page.article),
  // Everything `reads` above depends on, as the incremental build knows its changes.
  unchanged: (page, site, since) => {
    const { article, edition } = page;
    if (since.shells.has(edition.lang) || since.articles.has(article.source) || since.showedChanged.has(article.source)) return false;
    if (article.translation && since.translations.has(article.translation)) return false;
    if ((page.newer && since.articles.has(page.newer.source)) || (page.older && since.articles.has(page.older.source))) return false;
    // Asked of every article page: no arrays or keys made unless a person or topic changed.
    if (since.tags.size > 0 && [...article.people, ...article.topics].some((t) => since.tags.has(tagKey(t)))) return false;
    if (edition.relatedMayDiffer(article)) return false;
    return !besideWhereChangedStood(site, edition, since).has(article.source);
  },
};

/**
 * The articles of `edition` now next to where a changed story stood in the last build (one
 * taken down, or moved by a new date): their next or previous article may not be the last
 * build's. Worked out once per build and edition.
 */
function besideWhereChangedStood(site: Site, edition: Edition, since: SinceLastBuild): ReadonlySet<string> {
  return site.shared(`articles beside where changed ones stood, ${edition.lang}`, () => {
    const beside = new Set<string>();
    const list = edition.articles;
    for (const story of since.before) {
      if (story.lang !== edition.lang) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const a = list[mid]!;
        if ((a.date.toMillis() - story.date.toMillis() || story.url.localeCompare(a.url)) > 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = Math.max(0, lo - 2); i < Math.min(list.length, lo + 2); i++) beside.add(list[i]!.source);
    }
    return beside;
  });
}
