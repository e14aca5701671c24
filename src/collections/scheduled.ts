import type { Content } from "../model/loadContent.ts";
import type { Article } from "../model/types.ts";

/** The stories dated after the build's clock (drafts aside: they wait for an editor, not a time). */
export interface ScheduledStories {
  count: number;
  /** The one due first. */
  next?: Article;
  /** The bulletin's time zone, which `next` is told in. */
  timeZone: string;
  /** Built as previews (BULLETIN_PREVIEW=1) rather than left out. */
  included: boolean;
}

export function scheduledStories(content: Pick<Content, "all" | "preview" | "site">): ScheduledStories {
  let count = 0;
  let next: Article | undefined;
  for (const article of content.all) {
    if (!article.scheduled || article.draft) continue;
    count++;
    if (!next || article.date < next.date) next = article;
  }
  return { count, next, timeZone: content.site.timeZone, included: content.preview };
}

/**
 * The build summary's line about scheduled stories, or undefined when there are none: how
 * many, and when the first is due in the bulletin's time zone. A scheduled story is published
 * by the first build that runs after its time, not by the clock alone, so the line says so.
 */
export function scheduledLine(scheduled: ScheduledStories): string | undefined {
  const { count, next, timeZone } = scheduled;
  if (count === 0 || !next) return undefined;
  const at = next.date.setZone(timeZone).setLocale("en-GB");
  const due = `${at.toFormat("cccc d LLLL yyyy 'at' HH:mm")} (${timeZone}, ${at.toFormat("ZZ")})`;
  const stories = count === 1 ? "1 scheduled story" : `${count} scheduled stories`;
  if (scheduled.included) return `${stories} built as previews, marked; the first, "${next.title}", is due ${due}.`;
  const first = count === 1 ? `"${next.title}"` : `the first, "${next.title}",`;
  return `${stories} not published yet: ${first} is due ${due}; a build after then publishes it.`;
}
