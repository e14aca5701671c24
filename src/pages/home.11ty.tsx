import type { HomeEntry } from "../build/SiteBuild.ts";
import { HomeLayout } from "../../layouts/HomeLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

export const data = paginated<HomeEntry>("home", (e) => e.page.url);

export function render(data: PageData<HomeEntry>) {
  const { edition, page } = data.entry;
  return <HomeLayout ctx={contextOf(data, edition, page.url)} page={page} />;
}
