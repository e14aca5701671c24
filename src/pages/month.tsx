import type { Edition, MonthArchive } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { MonthLayout } from "../../layouts/ArchiveLayouts.tsx";
import { breadcrumbs, dateTrail, webPage } from "../seo/jsonLd.ts";
import { noticeRead, shellRead } from "../site/reads.ts";
import { archiveKey, touched } from "../site/changes.ts";
import { previewNotice } from "./previewNotice.ts";
import { latestOf } from "../seo/lastModified.ts";

/** A month's archive, `/YYYY/MM/`: its days, each with its headlines. */
export interface MonthPage {
  kind: "month";
  url: string;
  edition: Edition;
  month: MonthArchive;
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const monthPages: PageType<MonthPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const month of edition.months) {
        const articles = site.preview ? month.days.flatMap((d) => d.articles) : [];
        yield { kind: "month", url: month.url, edition, month, notice: previewNotice(site, edition, { existsFor: { articles }, shows: articles }) };
      }
    }
  },
  render: (page, site) => <MonthLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.month.days.flatMap((d) => [d.url, ...d.articles.map((a) => `${a.url} ${a.title}`)]), ...noticeRead(page)],
  unchanged: (page, site, since) => !since.shells.has(page.edition.lang) && !touched(site, since).months.has(archiveKey(page.edition.lang, page.month.date, site.config.timeZone, "month")),
  lastmod: (page, site) => latestOf(page.month.days.map((d) => site.latestChange(d.articles))),
  structuredData: (page, site, facts) => [webPage(site, facts, "CollectionPage"), breadcrumbs(site, page.edition, dateTrail(page.edition, page.month.date, "month"))],
};
