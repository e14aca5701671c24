import type { CoAppearance } from "../../src/collections/appearsWith.ts";
import type { PageContext } from "../PageContext.ts";
import { tagUrl } from "../../src/urls.ts";

/** On a person's page: the people most often in the same stories, with how many (src/collections/appearsWith.ts). */
export function AppearsWith({ ctx, people }: { ctx: PageContext; people: CoAppearance[] }) {
  const { edition } = ctx;
  if (people.length === 0) return "";
  return (
    <aside class="appears-with" aria-labelledby="appears-with-title">
      <h2 class="section-title" id="appears-with-title">{edition.strings.appearsWith}</h2>
      <ul class="appears-with-list">
        {people.map(({ person, count }) => (
          <li>
            <a href={tagUrl(edition, person.kind, person.slug)}>
              {edition.tagText(person).name} <span class="count">{edition.strings.sharedArticles(count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
