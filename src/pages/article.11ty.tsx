import type { ArticleEntry } from "../build/SiteBuild.ts";
import { ArticleLayout } from "../../layouts/ArticleLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";

export const data = paginated<ArticleEntry>("article", (e) => e.article.url);

export function render(data: PageData<ArticleEntry>) {
  const { edition, article } = data.entry;
  return <ArticleLayout ctx={contextOf(data, edition, article.url)} article={article} />;
}
