import type { Edition, YearArchive } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { YearLayout } from "../../layouts/ArchiveLayouts.tsx";
import { breadcrumbs, dateTrail, webPage } from "../seo/jsonLd.ts";
import { noticeRead, shellRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";
import { latestOf } from "../seo/lastModified.ts";

/** A year's archive, `/YYYY/`: its months with their article counts, and the other years. */
export interface YearPage {
  kind: "year";
  url: string;
  edition: Edition;
  year: YearArchive;
  others: YearArchive[];
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const yearPages: PageType<YearPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const year of edition.years) {
        // The year's months are listed with their counts: stories not published are counted.
        const articles = site.preview ? year.months.flatMap((m) => m.days.flatMap((d) => d.articles)) : [];
        yield { kind: "year", url: year.url, edition, year, others: edition.years.filter((y) => y !== year), notice: previewNotice(site, edition, { existsFor: { articles }, shows: articles }) };
      }
    }
  },
  render: (page, site) => <YearLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.year.months.map((m) => `${m.url} ${m.count}`), ...page.others.map((y) => y.url), ...noticeRead(page)],
  lastmod: (page, site) => latestOf(page.year.months.flatMap((m) => m.days.map((d) => site.latestChange(d.articles)))),
  structuredData: (page, site, facts) => [webPage(site, facts, "CollectionPage"), breadcrumbs(site, page.edition, dateTrail(page.edition, page.year.date, "year"))],
};
