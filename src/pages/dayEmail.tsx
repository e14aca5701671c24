import type { DayArchive, Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { EmailLayout } from "../../layouts/EmailLayout.tsx";
import { jsxToHtml } from "../site/jsxToHtml.ts";
import { inlineEmail } from "../email/inlineEmail.ts";
import { emailText } from "../email/plainText.ts";
import { articleRead } from "../site/reads.ts";
import { archiveKey, touched } from "../site/changes.ts";
import { dayEmailUrl } from "../urls.ts";

/**
 * A day's bulletin ready to send by email, for every day page of every edition:
 * `/2016/07/15/email.html` (styles inlined) and `/2016/07/15/email.txt`. Not for search
 * engines (no `lastmod`, so not in the sitemap) nor for the search index; the day page links
 * to both, and a mailing tool fetches them by URL (docs/writing.md).
 */
export interface DayEmailPage {
  kind: "dayEmail";
  url: string;
  edition: Edition;
  day: DayArchive;
}

export interface DayEmailTextPage {
  kind: "dayEmailText";
  url: string;
  edition: Edition;
  day: DayArchive;
}

/** What an email prints: the day's stories (their text, live state) and their pictures. The edition's names are settings. */
const emailReads = (day: DayArchive, site: Parameters<PageType<DayEmailPage>["reads"]>[1]) => [
  ...day.articles.map(articleRead),
  ...day.articles.map((a) => site.image(a)?.src ?? "-"),
];

/** What `emailReads` depends on: the day's stories, none of them changed, none come or gone. */
const emailUnchanged: NonNullable<PageType<DayEmailPage | DayEmailTextPage>["unchanged"]> = (page, site, since) =>
  !touched(site, since).days.has(archiveKey(page.edition.lang, page.day.date, site.config.timeZone, "day"));

export const dayEmailPages: PageType<DayEmailPage> = {
  *pages(site) {
    for (const edition of site.editions) for (const day of edition.days) yield { kind: "dayEmail", url: dayEmailUrl(edition, day.date, "html"), edition, day };
  },
  render: async (page, site) => inlineEmail(await jsxToHtml(<EmailLayout ctx={{ site, edition: page.edition, page }} />)),
  reads: (page, site) => emailReads(page.day, site),
  unchanged: (page, site, since) => emailUnchanged(page, site, since),
};

export const dayEmailTextPages: PageType<DayEmailTextPage> = {
  *pages(site) {
    for (const edition of site.editions) for (const day of edition.days) yield { kind: "dayEmailText", url: dayEmailUrl(edition, day.date, "txt"), edition, day };
  },
  render: (page, site) => emailText(site, page.edition, page.day),
  reads: (page, site) => emailReads(page.day, site),
  unchanged: (page, site, since) => emailUnchanged(page, site, since),
};
