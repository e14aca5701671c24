import type { DayArchive, Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { DayLayout } from "../../layouts/ArchiveLayouts.tsx";
import { breadcrumbs, dateTrail, webPage } from "../seo/jsonLd.ts";
import { articleRead, shellRead } from "../site/reads.ts";

/** A day's bulletin, `/YYYY/MM/DD/`: every article of the day, in the order filed. */
export interface DayPage {
  kind: "day";
  url: string;
  edition: Edition;
  day: DayArchive;
}

export const dayPages: PageType<DayPage> = {
  *pages(site) {
    for (const edition of site.editions) for (const day of edition.days) yield { kind: "day", url: day.url, edition, day };
  },
  render: (page, site) => <DayLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.day.articles.map(articleRead)],
  lastmod: (page, site) => site.latestChange(page.day.articles),
  structuredData: (page, site, facts) => [webPage(site, facts, "CollectionPage"), breadcrumbs(site, page.edition, dateTrail(page.edition, page.day.date, "day"))],
};
