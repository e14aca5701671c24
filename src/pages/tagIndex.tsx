import type { TagKind } from "../model/types.ts";
import type { Edition, TagListing } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { TagIndexLayout } from "../../layouts/TagIndexLayout.tsx";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, webPage } from "../seo/jsonLd.ts";
import { tagIndexUrl } from "../urls.ts";
import { shellRead } from "../site/reads.ts";

/** `/people/` and `/topics/` of each edition: everyone and everything, with article counts. */
export interface TagIndexPage {
  kind: "tagIndex";
  url: string;
  edition: Edition;
  tagKind: TagKind;
  listings: TagListing[];
}

export const tagIndexPages: PageType<TagIndexPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const tagKind of ["person", "topic"] as const) {
        yield { kind: "tagIndex", url: tagIndexUrl(edition, tagKind), edition, tagKind, listings: tagKind === "person" ? edition.people : edition.topics };
      }
    }
  },
  render: (page, site) => <TagIndexLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.listings.map((l) => `${l.url} ${l.name} ${l.articles.length}`)],
  lastmod: (page, site) => site.latestChange(page.edition.articles),
  alternates: (page, site) => editionAlternates(site, (e) => tagIndexUrl(e, page.tagKind)),
  structuredData: (page, site, facts) => [
    webPage(site, facts, "CollectionPage"),
    breadcrumbs(site, page.edition, [{ name: facts.title, url: page.url }]),
  ],
};
