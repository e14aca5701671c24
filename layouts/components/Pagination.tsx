import type { Page } from "../../src/collections/paginate.ts";
import type { PageContext } from "../PageContext.ts";

/** Newer/older links and numbered pages; nothing when a listing fits on one page. */
export function Pagination({ ctx, page }: { ctx: PageContext; page: Page<unknown> }) {
  if (page.total <= 1) return "";
  const s = ctx.edition.strings;
  const numbers = visiblePages(page.number, page.total);
  return (
    <nav class="pagination" aria-label={s.pagination}>
      <p class="pagination-status">{s.pageOf(page.number, page.total)}</p>
      <ul>
        {page.prev ? <li><a href={page.prev} rel="prev">{s.previousPage}</a></li> : ""}
        {numbers.map((n) =>
          n === 0 ? (
            <li class="gap" aria-hidden="true">…</li>
          ) : (
            <li>
              <a href={page.urls[n - 1]!} aria-current={n === page.number ? "page" : undefined}>{String(n)}</a>
            </li>
          ),
        )}
        {page.next ? <li><a href={page.next} rel="next">{s.nextPage}</a></li> : ""}
      </ul>
    </nav>
  );
}

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and two either side; 0 marks a gap. */
export function visiblePages(current: number, total: number): number[] {
  const shown = new Set([1, total]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: number[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(0);
    out.push(n);
  });
  return out;
}
