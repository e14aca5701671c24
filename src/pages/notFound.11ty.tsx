import type { SiteBuild } from "../build/SiteBuild.ts";
import { NotFoundLayout } from "../../layouts/NotFoundLayout.tsx";
import { contextOf } from "./pageData.ts";

/** `/404.html`, which static hosts serve for any unknown URL. */
export const data = { permalink: "404.html", eleventyExcludeFromCollections: true };

export function render(data: { build: SiteBuild }) {
  const edition = data.build.bulletin.edition(data.build.site.lang);
  return <NotFoundLayout ctx={contextOf(data, edition, "/404.html")} />;
}
