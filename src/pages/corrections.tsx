import type { Article } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { CorrectionsLayout } from "../../layouts/CorrectionsLayout.tsx";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, webPage } from "../seo/jsonLd.ts";
import { correctionsUrl } from "../urls.ts";
import { articleRead, noticeRead, shellRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";

/** `/corrections/` of each edition: every published correction, newest first. */
export interface CorrectionsPage {
  kind: "corrections";
  url: string;
  edition: Edition;
  /** The edition's corrected articles, most recently corrected first. */
  articles: Article[];
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const correctionsPages: PageType<CorrectionsPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      const articles = site.bulletin.corrected.filter((a) => a.lang === edition.lang);
      yield { kind: "corrections", url: correctionsUrl(edition), edition, articles, notice: previewNotice(site, edition, { shows: articles }) };
    }
  },
  render: (page, site) => <CorrectionsLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.articles.map(articleRead), ...noticeRead(page)],
  // The latest correction; before any, the page has read the same since the edition's first
  // story (a crawler is still told when it changed, and that it has not changed since).
  lastmod: (page) => page.articles[0]?.corrections.at(-1)?.date ?? page.edition.articles.at(-1)?.date,
  alternates: (page, site) => editionAlternates(site, correctionsUrl),
  structuredData: (page, site, facts) => [webPage(site, facts, "WebPage"), breadcrumbs(site, page.edition, [{ name: facts.title, url: page.url }])],
};
