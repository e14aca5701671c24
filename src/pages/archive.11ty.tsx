import type { DayEntry } from "../build/SiteBuild.ts";
import { DayLayout } from "../../layouts/ArchiveLayouts.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** Daily bulletins: `/YYYY/MM/DD/`. */
export const data = paginated<DayEntry>("day", (e) => e.day.url);

export function render(data: PageData<DayEntry>) {
  const { edition, day } = data.entry;
  return <DayLayout ctx={contextOf(data, edition, day.url)} day={day} />;
}
