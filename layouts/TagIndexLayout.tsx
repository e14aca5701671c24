import type { TagListing } from "../src/collections/bulletin.ts";
import type { TagKind } from "../src/model/types.ts";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";

/** `/people/` and `/topics/`: everyone and everything, alphabetical, with article counts. */
export function TagIndexLayout({ ctx, kind, listings }: { ctx: PageContext; kind: TagKind; listings: TagListing[] }) {
  const s = ctx.edition.strings;
  const title = kind === "person" ? s.people : s.topics;
  const intro = kind === "person" ? s.peopleIndexIntro : s.topicsIndexIntro;
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
