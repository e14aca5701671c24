import type { Article } from "../src/model/types.ts";
import type { Page } from "../src/collections/paginate.ts";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { Pagination } from "./components/Pagination.tsx";

/** The latest news, newest first, paginated. */
export function HomeLayout({ ctx, page }: { ctx: PageContext; page: Page<Article> }) {
  const { edition, build } = ctx;
  const s = edition.strings;
  const title = page.number === 1 ? edition.name : `${s.latest} · ${s.pageOf(page.number, page.total)}`;
  return (
    <BasePage ctx={ctx} title={title} description={edition.description || edition.name}>
      <h1 class={page.number === 1 ? "visually-hidden" : "page-title"}>{page.number === 1 ? `${edition.name}: ${s.latest}` : title}</h1>
      <ArticleList ctx={ctx} articles={page.items} />
      <Pagination ctx={ctx} page={page} />
    </BasePage>
  );
}
