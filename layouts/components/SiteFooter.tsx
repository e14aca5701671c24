import type { PageContext } from "../PageContext.ts";
import { correctionsUrl, editionFeedUrl, editionJsonFeedUrl } from "../../src/urls.ts";

/**
 * What the bulletin says about itself on every page: who publishes it, its corrections, its
 * archive and its feeds (readers who follow the news in a feed reader find them here, not
 * only in the page's head). No "about" page: the agency's words about itself would have to
 * come from content the bulletin does not have; the corrections page is the bulletin's
 * account of itself that exists.
 */
export function SiteFooter({ ctx }: { ctx: PageContext }) {
  const { edition } = ctx;
  const s = edition.strings;
  return (
    <footer class="site-footer">
      <p>{s.footerNote(edition.agency)}</p>
      <ul class="footer-links">
        <li><a href={correctionsUrl(edition)}>{s.corrections}</a></li>
        {edition.years.length > 0 ? <li><a href={edition.years[0]!.url}>{s.archive}</a></li> : ""}
        <li><a href={editionFeedUrl(edition)} type="application/atom+xml">{s.atomFeed}</a></li>
        <li><a href={editionJsonFeedUrl(edition)} type="application/feed+json">{s.jsonFeed}</a></li>
      </ul>
    </footer>
  );
}
