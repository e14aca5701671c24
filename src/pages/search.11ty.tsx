import type { EditionEntry } from "../build/SiteBuild.ts";
import { SearchLayout } from "../../layouts/SearchLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** `/search/` of each edition; Pagefind keeps one index per language. */
export const data = paginated<EditionEntry>("edition", (e) => `${e.edition.homeUrl}search/`);

export function render(data: PageData<EditionEntry>) {
  const { edition } = data.entry;
  return <SearchLayout ctx={contextOf(data, edition, `${edition.homeUrl}search/`)} />;
}
