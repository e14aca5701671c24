import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { SearchLayout } from "../../layouts/SearchLayout.tsx";
import { searchUrl } from "../urls.ts";
import { noticeRead, shellRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";

/** `/search/` of each edition, over the edition's search indexes (src/search). */
export interface SearchPage {
  kind: "search";
  url: string;
  edition: Edition;
  /** Every search index of the edition, newest first. */
  indexes: string[];
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const searchPages: PageType<SearchPage> = {
  *pages(site) {
    for (const edition of site.editions) yield { kind: "search", url: searchUrl(edition), edition, indexes: edition.searchPlan().urls, notice: previewNotice(site, edition) };
  },
  render: (page, site) => <SearchLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...page.indexes, ...[...page.edition.people, ...page.edition.topics].map((l) => l.name), ...noticeRead(page)],
};
