import type { TagEntry } from "../build/SiteBuild.ts";
import { TagLayout } from "../../layouts/TagLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

/** Person and topic pages, paginated. */
export const data = paginated<TagEntry>("tag", (e) => e.page.url);

export function render(data: PageData<TagEntry>) {
  const { edition, listing, page } = data.entry;
  return <TagLayout ctx={contextOf(data, edition, page.url)} listing={listing} page={page} />;
}
