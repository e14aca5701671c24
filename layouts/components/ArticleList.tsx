import type { Article } from "../../src/model/types.ts";
import type { PageContext } from "../PageContext.ts";
import { StoryTime } from "./StoryTime.tsx";

/** Headlines with date and summary, as on the home page and every listing. */
export function ArticleList({ ctx, articles, headingLevel = 2 }: { ctx: PageContext; articles: Article[]; headingLevel?: 2 | 3 | 4 }) {
  const { edition, site } = ctx;
  if (articles.length === 0) return <p class="empty">{edition.strings.noArticles}</p>;
  const Heading = (["h2", "h3", "h4"] as const)[headingLevel - 2]!;
  return (
    <ol class="article-list">
      {articles.map((a) => (
        <li class="teaser" lang={a.lang === edition.lang ? undefined : a.lang}>
          <Heading class="teaser-title">
            <a href={a.url}>{a.title}</a>
          </Heading>
          <p class="teaser-meta">
            {a.dateline ? <span class="teaser-dateline">{a.dateline}</span> : ""}
            {a.dateline ? " · " : ""}
            <StoryTime article={a} edition={edition} />
            {a.draft ? <span class="badge">{edition.strings.draft}</span> : ""}
            {a.scheduled ? <span class="badge">{edition.strings.scheduled}</span> : ""}
          </p>
          <p class="teaser-summary">{site.summary(a)}</p>
        </li>
      ))}
    </ol>
  );
}
