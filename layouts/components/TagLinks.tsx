import type { Tag } from "../../src/model/types.ts";
import type { PageContext } from "../PageContext.ts";
import { tagUrl } from "../../src/urls.ts";

/** Links from an article to its people or topics. */
export function TagLinks({ ctx, tags, label, searchFilter }: {
  ctx: PageContext;
  tags: Tag[];
  label: string;
  /** Makes each name a search filter value under this key (article pages). */
  searchFilter?: "person" | "topic";
}) {
  if (tags.length === 0) return "";
  const { edition } = ctx;
  return (
    <div class="tag-group">
      <h3 class="tag-group-title">{label}</h3>
      <ul class="tag-list">
        {tags.map((t) => (
          <li>
            <a href={tagUrl(edition, t.kind, t.slug)} rel="tag" data-pagefind-filter={searchFilter}>{edition.tagText(t).name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
