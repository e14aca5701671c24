import type { PageContext } from "../PageContext.ts";
import { searchUrl, tagIndexUrl } from "../../src/urls.ts";
import { formatDay } from "../../src/text/dates.ts";

/** Masthead and the primary navigation: Latest, People, Topics, Search. */
export function SiteHeader({ ctx }: { ctx: PageContext }) {
  const { edition, site, page } = ctx;
  const s = edition.strings;
  const links = [
    { href: edition.homeUrl, label: s.latest },
    { href: tagIndexUrl(edition, "person"), label: s.people },
    { href: tagIndexUrl(edition, "topic"), label: s.topics },
    { href: searchUrl(edition), label: s.search },
  ];
  const others = site.editions.filter((e) => e !== edition);
  // The bulletin's date, on its front page: its newest day, linked to that day's bulletin.
  // Only there: on every page, the first story of each day would rewrite every page of the
  // edition (100,000 at newsroom scale) instead of a few dozen (docs/architecture.md).
  const today = ctx.page.kind === "home" && ctx.page.listPage.front ? edition.days[0] : undefined;
  return (
    <header class="site-header">
      <div class="masthead">
        <a class="brand" href={edition.homeUrl}>
          <span class="brand-agency">{edition.agency}</span> <span class="brand-name">{edition.name}</span>
        </a>
        {today ? <p class="masthead-date"><a href={today.url}><time datetime={today.date.toISODate()!}>{formatDay(today.date, edition)}</time></a></p> : ""}
      </div>
      <nav class="primary-nav" aria-label={s.primaryNav}>
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href} aria-current={page.url === l.href ? "page" : undefined}>{l.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {others.length > 0 ? (
        <nav class="edition-switch" aria-label={s.otherEditions}>
          <ul>
            {others.map((e) => (
              <li>
                <a href={e.homeUrl} lang={e.lang} hreflang={e.lang}>{e.strings.languageName}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : ""}
    </header>
  );
}
