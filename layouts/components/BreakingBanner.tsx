import type { PageContext } from "../PageContext.ts";

/**
 * The breaking-news banner on every page of an edition while its story's `breaking:` time
 * lasts (judged at build time: src/collections/frontPage.ts). A labelled complementary
 * landmark, not an alert: a screen reader finds it in the landmarks list without being
 * interrupted on every page. Plain HTML: no script.
 */
export function BreakingBanner({ ctx }: { ctx: PageContext }) {
  const { edition, page } = ctx;
  const story = edition.breaking;
  if (!story) return "";
  const s = edition.strings;
  return (
    <aside class="breaking-banner" aria-label={s.breakingNews}>
      <p>
        <strong class="breaking-label">{s.breaking}</strong>{" "}
        <a href={story.url} aria-current={page.url === story.url ? "page" : undefined}>{story.title}</a>
      </p>
    </aside>
  );
}
