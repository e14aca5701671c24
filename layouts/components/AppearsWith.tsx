import type { TagListing } from "../../src/collections/bulletin.ts";
import type { PageContext } from "../PageContext.ts";
import { appearsWith } from "../../src/collections/appearsWith.ts";
import { tagName } from "../../src/collections/bulletin.ts";
import { tagUrl } from "../../src/urls.ts";

/** On a person's page: the people most often in the same stories, with how many. */
export function AppearsWith({ ctx, listing }: { ctx: PageContext; listing: TagListing }) {
  const { edition } = ctx;
  const lang = edition.lang;
  const people = appearsWith(listing.tag, listing.articles, (t) => tagName(t, lang), new Intl.Collator(edition.locale));
  if (people.length === 0) return "";
  return (
    <aside class="appears-with" aria-labelledby="appears-with-title">
      <h2 class="section-title" id="appears-with-title">{edition.strings.appearsWith}</h2>
      <ul class="appears-with-list">
        {people.map(({ person, count }) => (
          <li>
            <a href={tagUrl(lang, person.kind, person.slug)}>
              {tagName(person, lang)} <span class="count">{edition.strings.sharedArticles(count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
