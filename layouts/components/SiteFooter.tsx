import type { PageContext } from "../PageContext.ts";
import { correctionsUrl } from "../../src/urls.ts";

export function SiteFooter({ ctx }: { ctx: PageContext }) {
  const { edition } = ctx;
  const s = edition.strings;
  return (
    <footer class="site-footer">
      <p>{s.footerNote(edition.agency)}</p>
      <ul class="footer-links">
        <li><a href={correctionsUrl(edition)}>{s.corrections}</a></li>
        {edition.years.length > 0 ? <li><a href={edition.years[0]!.url}>{s.archive}</a></li> : ""}
      </ul>
    </footer>
  );
}
