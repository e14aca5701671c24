import type { TagIndexEntry } from "../build/SiteBuild.ts";
import { TagIndexLayout } from "../../layouts/TagIndexLayout.tsx";
import { tagIndexUrl } from "../urls.ts";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** `/people/` and `/topics/` of each edition. */
export const data = paginated<TagIndexEntry>("tagIndex", (e) => tagIndexUrl(e.edition.lang, e.kind));

export function render(data: PageData<TagIndexEntry>) {
  const { edition, kind, listings } = data.entry;
  return <TagIndexLayout ctx={contextOf(data, edition, tagIndexUrl(edition.lang, kind))} kind={kind} listings={listings} />;
}
