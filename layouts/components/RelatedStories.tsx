import type { Article } from "../../src/model/types.ts";
import type { PageContext } from "../PageContext.ts";
import { formatDate, isoWithOffset } from "../../src/text/dates.ts";

/** Stories sharing this one's people and topics (src/collections/related.ts). */
export function RelatedStories({ ctx, related }: { ctx: PageContext; related: Article[] }) {
  const { edition } = ctx;
  if (related.length === 0) return "";
  return (
    <aside class="related" aria-labelledby="related-title">
      <h2 class="section-title" id="related-title">{edition.strings.relatedStories}</h2>
      <ul class="related-list">
        {related.map((a) => (
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
