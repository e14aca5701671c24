import type { DayArchive, Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { DayLayout } from "../../layouts/ArchiveLayouts.tsx";
import { breadcrumbs, dateTrail, webPage } from "../seo/jsonLd.ts";
import { articleRead, noticeRead, shellRead } from "../site/reads.ts";
import { archiveKey, touched } from "../site/changes.ts";
import { previewNotice } from "./previewNotice.ts";

/** A day's bulletin, `/YYYY/MM/DD/`: every article of the day, in the order filed. */
export interface DayPage {
  kind: "day";
  url: string;
  edition: Edition;
  day: DayArchive;
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const dayPages: PageType<DayPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const day of edition.days) {
        yield { kind: "day", url: day.url, edition, day, notice: previewNotice(site, edition, { existsFor: { articles: day.articles }, shows: day.articles }) };
      }
    }
  },
  render: (page, site) => <DayLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.day.articles.map(articleRead), ...noticeRead(page)],
  unchanged: (page, site, since) => !since.shells.has(page.edition.lang) && !touched(site, since).days.has(archiveKey(page.edition.lang, page.day.date, site.config.timeZone, "day")),
  lastmod: (page, site) => site.latestChange(page.day.articles),
  structuredData: (page, site, facts) => [webPage(site, facts, "CollectionPage"), breadcrumbs(site, page.edition, dateTrail(page.edition, page.day.date, "day"))],
};
