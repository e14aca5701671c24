import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";

/**
 * `/search/`: Pagefind's UI over the index the build writes to `/pagefind/` (same origin).
 * The scripts are deferred, so nothing blocks rendering; without JavaScript the page says
 * where else to look.
 */
export function SearchLayout({ ctx }: { ctx: PageContext }) {
  const s = ctx.edition.strings;
  return (
    <BasePage
      ctx={ctx}
      title={s.searchTitle}
      description={s.searchIntro}
      head={
        <>
          <link rel="stylesheet" href="/pagefind/pagefind-ui.css" />
          <script src="/pagefind/pagefind-ui.js" defer></script>
          <script src="/assets/search.js" defer></script>
        </>
      }
    >
      <div class="search-page">
        <h1 class="page-title">{s.searchTitle}</h1>
        <p class="intro">{s.searchIntro}</p>
        <div class="search-tools" hidden>
          <label for="search-sort">{s.sortBy}</label>
          <select id="search-sort">
            <option value="">{s.sortRelevance}</option>
            <option value="date:desc">{s.sortNewest}</option>
            <option value="date:asc">{s.sortOldest}</option>
          </select>
        </div>
        <div id="search" class="search-ui" data-placeholder={s.searchPlaceholder}></div>
        <noscript>
          <p>{s.searchNoScript}</p>
        </noscript>
      </div>
    </BasePage>
  );
}
