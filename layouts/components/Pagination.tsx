import type { Page } from "../../src/collections/paginate.ts";
import type { PageContext } from "../PageContext.ts";

/**
 * Newer and older stories, and numbered archive pages near this one (counted from the oldest:
 * src/collections/paginate.ts); nothing when a listing fits on its first page.
 */
export function Pagination({ ctx, page }: { ctx: PageContext; page: Page<unknown> }) {
  if (!page.newer && !page.older) return "";
  const s = ctx.edition.strings;
  return (
    <nav class="pagination" aria-label={s.pagination}>
      {page.front ? "" : <p class="pagination-status">{s.pageNumber(page.number)}</p>}
      <ul>
        {page.newer ? <li><a href={page.newer} rel="prev">{s.previousPage}</a></li> : ""}
        {page.near.map((near, i) =>
          <>
            {i > 0 && near.number - page.near[i - 1]!.number > 1 ? <li class="gap" aria-hidden="true">…</li> : ""}
            <li>
              <a href={near.url} aria-current={!page.front && near.number === page.number ? "page" : undefined}>{String(near.number)}</a>
            </li>
          </>,
        )}
        {page.older ? <li><a href={page.older} rel="next">{s.nextPage}</a></li> : ""}
      </ul>
    </nav>
  );
}
