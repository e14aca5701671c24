import type { YearEntry } from "../build/SiteBuild.ts";
import { YearLayout } from "../../layouts/ArchiveLayouts.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** Yearly archives: `/YYYY/`. */
export const data = paginated<YearEntry>("year", (e) => e.year.url);

export function render(data: PageData<YearEntry>) {
  const { edition, year } = data.entry;
  return <YearLayout ctx={contextOf(data, edition, year.url)} year={year} />;
}
