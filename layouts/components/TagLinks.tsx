import type { Tag } from "../../src/model/types.ts";
import type { PageContext } from "../PageContext.ts";
import { tagName } from "../../src/collections/bulletin.ts";
import { tagUrl } from "../../src/urls.ts";

/** Links from an article to its people or topics. */
export function TagLinks({ ctx, tags, label }: { ctx: PageContext; tags: Tag[]; label: string }) {
  if (tags.length === 0) return "";
  const lang = ctx.edition.lang;
  return (
    <div class="tag-group">
      <h3 class="tag-group-title">{label}</h3>
      <ul class="tag-list">
        {tags.map((t) => (
          <li>
            <a href={tagUrl(lang, t.kind, t.slug)} rel="tag">{tagName(t, lang)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
