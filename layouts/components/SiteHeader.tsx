import type { PageContext } from "../PageContext.ts";
import { tagIndexUrl } from "../../src/urls.ts";

/** Masthead and the primary navigation: Latest, People, Topics, Search. */
export function SiteHeader({ ctx }: { ctx: PageContext }) {
  const { edition, build } = ctx;
  const s = edition.strings;
  const links = [
    { href: edition.homeUrl, label: s.latest },
    { href: tagIndexUrl(edition.lang, "person"), label: s.people },
    { href: tagIndexUrl(edition.lang, "topic"), label: s.topics },
    { href: `${edition.homeUrl}search/`, label: s.search },
  ];
  return (
    <header class="site-header">
      <div class="masthead">
        <a class="brand" href={edition.homeUrl}>
          <span class="brand-agency">{build.site.agency}</span> <span class="brand-name">{edition.lang === "ar" ? "النشرة العربية" : build.site.name}</span>
        </a>
      </div>
      <nav class="primary-nav" aria-label={s.primaryNav}>
        <ul>
          {links.map((l) => (
            <li>
              <a href={l.href} aria-current={ctx.url === l.href ? "page" : undefined}>{l.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
