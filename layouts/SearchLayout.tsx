import type { SearchPage } from "../src/pages/search.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ASSETS } from "../src/urls.ts";

/**
 * `/search/`: a search form whose results come from the Pagefind indexes the build writes to
 * `/pagefind/<lang>/<year>/` (one per year of the edition, or part of a year; listed newest
 * first in `data-indexes`), through Pagefind's JavaScript API and our own markup, so the
 * results read like the rest of the bulletin in both languages. People and topics to filter
 * by are known at build time and listed here. The page's address holds the search
 * (`?q=…&person=…&topic=…&sort=date:asc`), so a search can be linked to. The script is a
 * module (deferred): nothing blocks rendering; without JavaScript the page says so.
 */
export function SearchLayout({ ctx }: { ctx: PageContext<SearchPage> }) {
  const { edition, page } = ctx;
  const s = edition.strings;
  const numbers = `${edition.locale}${edition.numberingSystem ? `-u-nu-${edition.numberingSystem}` : ""}`;
  return (
    <BasePage ctx={ctx} title={s.searchTitle} description={s.searchIntro} head={<script type="module" src={ASSETS.searchScript}></script>}>
      <div class="search-page">
        <h1 class="page-title">{s.searchTitle}</h1>
        <p class="intro">{s.searchIntro}</p>
        <form
          class="search-form"
          role="search"
          action={page.url}
          method="get"
          data-searching={s.searching}
          data-results-one={s.searchResults.one}
          data-results-other={s.searchResults.other}
          data-no-results={s.noResults}
          data-unavailable={s.searchUnavailable}
          data-number-locale={numbers}
          data-indexes={page.indexes.join(" ")}
        >
          <p class="search-field">
            <label for="search-q">{s.searchPlaceholder}</label>
            <span class="search-box">
              <input id="search-q" name="q" type="search" autocomplete="off" spellcheck="false" />
              <button type="submit">{s.search}</button>
            </span>
          </p>
          <div class="search-filters">
            <p>
              <label for="search-person">{s.people}</label>
              <select id="search-person" name="person">
                <option value="">{s.anyPerson}</option>
                {edition.people.map((l) => <option value={l.name}>{l.name}</option>)}
              </select>
            </p>
            <p>
              <label for="search-topic">{s.topics}</label>
              <select id="search-topic" name="topic">
                <option value="">{s.anyTopic}</option>
                {edition.topics.map((l) => <option value={l.name}>{l.name}</option>)}
              </select>
            </p>
            <p>
              <label for="search-sort">{s.sortBy}</label>
              <select id="search-sort" name="sort">
                <option value="">{s.sortRelevance}</option>
                <option value="date:desc">{s.sortNewest}</option>
                <option value="date:asc">{s.sortOldest}</option>
              </select>
            </p>
          </div>
        </form>
        <p id="search-status" class="search-status" role="status"></p>
        <ol id="search-results" class="search-results"></ol>
        <p><button id="search-more" class="search-more" type="button" hidden>{s.moreResults}</button></p>
        <noscript>
          <p class="empty">{s.searchNoScript}</p>
        </noscript>
      </div>
    </BasePage>
  );
}
