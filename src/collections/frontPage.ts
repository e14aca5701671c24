import type { DateTime } from "luxon";
import type { Article } from "../model/types.ts";
import type { EditionPicks } from "../model/frontPage.ts";

/** What an edition's front page shows, each story once: the lead, the desk's top stories, then the rest newest first. */
export interface FrontPageStories {
  lead?: Article;
  top: Article[];
  /** The latest news below them, newest first, without the lead or a top story. */
  river: Article[];
}

/**
 * The front page from the newest stories (`newest`, the front's share of the listing) and the
 * desk's picks in force (content/frontpage.yaml, lapsed ones already left out). Without a
 * lead pick the newest story not among the top stories leads; without any pick this is
 * newest first, as before the desk chose.
 */
export function frontPageStories(newest: readonly Article[], picks?: EditionPicks): FrontPageStories {
  const top = picks?.top.filter((a) => a !== picks.lead) ?? [];
  const taken = new Set<Article>(top);
  const lead = picks?.lead ?? newest.find((a) => !taken.has(a));
  if (lead) taken.add(lead);
  return { lead, top, river: newest.filter((a) => !taken.has(a)) };
}

/**
 * The story an edition's breaking banner links to at `now`: the newest whose `breaking:` time
 * is still to come (the publish path rebuilds often, so the banner comes down on time).
 */
export function breakingStory(newest: readonly Article[], now: DateTime): Article | undefined {
  return newest.find((a) => a.breaking !== undefined && now < a.breaking);
}
