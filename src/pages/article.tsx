import type { Article } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { RelatedStory } from "../collections/related.ts";
import type { PageType } from "./pageTypes.ts";
import { ArticleLayout } from "../../layouts/ArticleLayout.tsx";
import { lastModified } from "../seo/lastModified.ts";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, dateTrail, newsArticle } from "../seo/jsonLd.ts";
import { articleRead, shellRead, tagNameRead, tagRead } from "../site/reads.ts";

/** An article at `/YYYY/MM/DD/<slug>/`, with the stories related to it and its neighbours in its edition. */
export interface ArticlePage {
  kind: "article";
  url: string;
  edition: Edition;
  article: Article;
  related: RelatedStory[];
  newer?: Article;
  older?: Article;
  /** The same story in the other editions. */
  translations: Article[];
}

export const articlePages: PageType<ArticlePage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const article of edition.articles) {
        const { newer, older } = edition.neighbours(article);
        yield { kind: "article", url: article.url, edition, article, related: edition.related(article), newer, older, translations: site.bulletin.translationsOf(article) };
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
    ...page.related.map((r) => articleRead(r.article)),
    ...[page.newer, page.older].map((a) => (a ? articleRead(a) : "-")),
    ...page.translations.map((t) => `${t.lang} ${t.url}`),
  ],
  lastmod: (page) => lastModified(page.article),
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
};
