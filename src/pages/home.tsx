import type { Article } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { Page as ListPage } from "../collections/paginate.ts";
import type { PageType } from "./pageTypes.ts";
import { HomeLayout } from "../../layouts/HomeLayout.tsx";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, webPage } from "../seo/jsonLd.ts";
import { articleRead, noticeRead, shellRead, tagNameRead } from "../site/reads.ts";
import { archivePageUnchanged } from "../site/changes.ts";
import { previewNotice, storiesForPage } from "./previewNotice.ts";

/** The latest news of an edition, newest first: `/`, `/page/2/`…; the first is the front page. */
export interface HomePage {
  kind: "home";
  url: string;
  edition: Edition;
  listPage: ListPage<Article>;
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const homePages: PageType<HomePage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const listPage of edition.home) {
        // The default edition's front page is there with no story at all.
        const existsFor = listPage.front && edition.isDefault ? undefined : { articles: edition.articles, needed: storiesForPage(listPage, site.config.articlesPerPage) };
        yield { kind: "home", url: listPage.url, edition, listPage, notice: previewNotice(site, edition, { existsFor, shows: listPage.items }) };
      }
    }
  },
  render: (page, site) => <HomeLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => {
    const { items, front, newer, older, near } = page.listPage;
    // The desk's picks in force at the build's clock: a lapsed pick changes the front page.
    const stories = front ? page.edition.front : undefined;
    const lead = stories?.lead;
    return [
      shellRead(site, page.edition),
      `${newer} ${older} ${near.map((n) => n.number).join(",")}`,
      ...items.map(articleRead),
      // The masthead's date: the edition's newest day.
      ...(stories ? [`today ${page.edition.days[0]?.url ?? "-"}`, `front ${lead?.url ?? "-"} top ${stories.top.map((a) => a.url).join(" ")}`, ...stories.top.map(articleRead), lead ? articleRead(lead) : "-"] : []),
      ...(lead ? [site.image(lead)?.src ?? "", ...lead.topics.slice(0, 1).map((t) => tagNameRead(t, page.edition))] : []),
      ...noticeRead(page),
    ];
  },
  // An archive page lists what it did while every story that changed is newer than all of its own.
  unchanged: (page, site, since) => !since.shells.has(page.edition.lang) && archivePageUnchanged(page.listPage, page.edition.lang, page.edition.articles.length, site, since),
  lastmod: (page, site) => page.listPage.front ? site.listingChange(page.edition.home) : site.latestChange(page.listPage.items),
  alternates: (page, site) => (page.listPage.front ? editionAlternates(site, (e) => e.homeUrl) : []),
  structuredData: (page, site, facts) => [
    webPage(site, facts, "CollectionPage"),
    ...(!page.listPage.front ? [breadcrumbs(site, page.edition, [{ name: facts.title, url: page.url }])] : []),
  ],
};
