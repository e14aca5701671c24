import type { NotFoundPage } from "../src/pages/notFound.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { searchUrl } from "../src/urls.ts";

/**
 * `/404.html` and each edition's own. A reader who followed a broken link is looking for
 * something: a search box (a plain form to the search page, which runs the search from its
 * address) is the quickest way to it.
 */
export function NotFoundLayout({ ctx }: { ctx: PageContext<NotFoundPage> }) {
  const s = ctx.edition.strings;
  return (
    <BasePage ctx={ctx} title={s.notFoundTitle} description={s.notFoundText}>
      <h1 class="page-title">{s.notFoundTitle}</h1>
      <p>{s.notFoundText}</p>
      <form class="search-form" role="search" action={searchUrl(ctx.edition)} method="get">
        <p class="search-field">
          <label for="not-found-q">{s.searchPlaceholder}</label>
          <span class="search-box">
            <input id="not-found-q" name="q" type="search" />
            <button type="submit">{s.search}</button>
          </span>
        </p>
      </form>
      <p><a href={ctx.edition.homeUrl}>{s.backHome}</a></p>
    </BasePage>
  );
}
