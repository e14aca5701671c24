import type { MonthEntry } from "../build/SiteBuild.ts";
import { MonthLayout } from "../../layouts/ArchiveLayouts.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** Monthly archives: `/YYYY/MM/`. */
export const data = paginated<MonthEntry>("month", (e) => e.month.url);

export function render(data: PageData<MonthEntry>) {
  const { edition, month } = data.entry;
  return <MonthLayout ctx={contextOf(data, edition, month.url)} month={month} />;
}
