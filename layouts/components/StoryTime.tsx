import type { Article } from "../../src/model/types.ts";
import type { Edition } from "../../src/collections/editions.ts";
import { TimeStamp } from "./TimeStamp.tsx";

/**
 * A story's time in a listing: when it was published, or for a live story the time of its
 * last update, with a "Live" label while it is open.
 */
export function StoryTime({ article, edition }: { article: Article; edition: Edition }) {
  const s = edition.strings;
  if (!article.live) return <TimeStamp date={article.date} edition={edition} />;
  return (
    <>
      {article.live.open ? <span class="badge live-badge">{s.live}</span> : ""}
      <TimeStamp date={article.live.lastUpdate} edition={edition} label={s.lastUpdate} />
    </>
  );
}
