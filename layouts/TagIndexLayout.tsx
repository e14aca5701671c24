import type { TagIndexPage } from "../src/pages/tagIndex.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";

/** `/people/` and `/topics/`: everyone and everything, alphabetical, with article counts. */
export function TagIndexLayout({ ctx }: { ctx: PageContext<TagIndexPage> }) {
  const { tagKind, listings } = ctx.page;
  const s = ctx.edition.strings;
  const title = tagKind === "person" ? s.people : s.topics;
  const intro = tagKind === "person" ? s.peopleIndexIntro : s.topicsIndexIntro;
  return (
    <BasePage ctx={ctx} title={title} description={intro}>
      <h1 class="page-title">{title}</h1>
      <p class="intro">{intro}</p>
      {listings.length === 0 ? <p class="empty">{s.noArticles}</p> : (
        <ul class="tag-index">
          {listings.map((l) => (
            <li>
              <a href={l.url}>{l.name}</a> <span class="count">{s.articleCount(l.articles.length)}</span>
            </li>
          ))}
        </ul>
      )}
    </BasePage>
  );
}
