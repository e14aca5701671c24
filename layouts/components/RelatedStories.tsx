import type { Article } from "../../src/model/types.ts";
import type { PageContext } from "../PageContext.ts";
import { relatedStories } from "../../src/collections/related.ts";
import { formatDate, isoWithOffset } from "../../src/text/dates.ts";

/** Stories sharing this one's people and topics, found through their listings. */
export function RelatedStories({ ctx, article }: { ctx: PageContext; article: Article }) {
  const { edition } = ctx;
  const related = relatedStories(article, (tag) => edition.listing(tag.kind, tag.slug));
  if (related.length === 0) return "";
  return (
    <aside class="related" aria-labelledby="related-title">
      <h2 class="section-title" id="related-title">{edition.strings.relatedStories}</h2>
      <ul class="related-list">
        {related.map(({ article: a }) => (
          <li>
            <a href={a.url}>{a.title}</a>
            <span class="related-meta">
              {a.dateline ? `${a.dateline} · ` : ""}
              <time datetime={isoWithOffset(a.date)}>{formatDate(a.date, edition)}</time>
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
