import type { TagKind } from "../model/types.ts";
import type { Edition, TagListing } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { TagIndexLayout } from "../../layouts/TagIndexLayout.tsx";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, webPage } from "../seo/jsonLd.ts";
import { tagIndexUrl } from "../urls.ts";
import { noticeRead, shellRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";

/** `/people/` and `/topics/` of each edition: everyone and everything, with article counts. */
export interface TagIndexPage {
  kind: "tagIndex";
  url: string;
  edition: Edition;
  tagKind: TagKind;
  listings: TagListing[];
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const tagIndexPages: PageType<TagIndexPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const tagKind of ["person", "topic"] as const) {
        // Everyone listed is counted with their stories, published or not.
        const counted = site.preview ? edition.articles.filter((a) => (tagKind === "person" ? a.people : a.topics).length > 0) : [];
        const listings = tagKind === "person" ? edition.people : edition.topics;
        yield { kind: "tagIndex", url: tagIndexUrl(edition, tagKind), edition, tagKind, listings, notice: previewNotice(site, edition, { shows: counted }) };
      }
    }
  },
  render: (page, site) => <TagIndexLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.listings.map((l) => `${l.url} ${l.name} ${l.articles.length}`), ...noticeRead(page)],
  lastmod: (page, site) => site.listingChange(page.edition.home),
  alternates: (page, site) => editionAlternates(site, (e) => tagIndexUrl(e, page.tagKind)),
  structuredData: (page, site, facts) => [
    webPage(site, facts, "CollectionPage"),
    breadcrumbs(site, page.edition, [{ name: facts.title, url: page.url }]),
  ],
};
