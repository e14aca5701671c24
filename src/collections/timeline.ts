import type { DateTime } from "luxon";
import { calendarDate } from "../text/dates.ts";
import type { Article } from "../model/types.ts";

export interface TimelineMonth {
  /** The first moment of the month, in the bulletin's time zone. */
  month: DateTime;
  /** `2016-07`: unique within a timeline, for ids. */
  key: string;
  /** In the order given (newest first on a topic page). */
  articles: Article[];
}

/**
 * Articles grouped by the month they were published in (the bulletin's time zone, as
 * every date), keeping their order. Articles arrive sorted, so a month never repeats.
 */
export function timeline(articles: readonly Article[]): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const article of articles) {
    const key = calendarDate(article.date, "month", "-");
    const last = months.at(-1);
    if (last && last.key === key) last.articles.push(article);
    else months.push({ month: article.date.startOf("month"), key, articles: [article] });
  }
  return months;
}
