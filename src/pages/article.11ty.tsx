import type { ArticleEntry } from "../build/SiteBuild.ts";
import { ArticleLayout } from "../../layouts/ArticleLayout.tsx";
import { contextOf, paginated, type PageData } from "./pageData.ts";
import { searchIndexPlan } from "../search/indexPlan.ts";

export const data = paginated<ArticleEntry>("article", (e) => e.article.url);

export function render(data: PageData<ArticleEntry>) {
  const { edition, article } = data.entry;
  return <ArticleLayout ctx={contextOf(data, edition, article.url)} article={article} />;
}

/** The search index an article goes in: its edition's, of its year or part of it (src/search/indexPlan.ts). */
export function searchIndex(data: PageData<ArticleEntry>): string {
  const { edition, article } = data.entry;
  return searchIndexPlan(edition).urlOf(article);
}
