import type { Site } from "../site/Site.ts";
import type { DayArchive, Edition } from "../collections/editions.ts";
import type { Article } from "../model/types.ts";
import { formatDay, formatTime } from "../text/dates.ts";

/** Lines of a plain-text email: 72 characters leave room for the `> ` of replies (RFC 3676 keeps to 78). */
const WIDTH = 72;

/**
 * The plain-text part of a day's email (layouts/EmailLayout.tsx is the HTML one): the same
 * stories, headline, dateline and time, summary and absolute link, for the clients and
 * readers that take text. Text has no markup to escape; Arabic runs right to left in any
 * client that shows Arabic.
 */
export function emailText(site: Site, edition: Edition, day: DayArchive): string {
  const s = edition.strings;
  const title = s.dayTitle(formatDay(day.date, edition));
  const head = `${edition.agency} · ${edition.name}`;
  const lines = [head, title, "=".repeat(Math.min(WIDTH, Math.max(head.length, title.length))), ""];
  for (const article of day.articles) {
    lines.push(...wrap(article.title), meta(article, edition), "", ...wrap(site.summary(article)), site.absolute(article.url), "", "");
  }
  lines.push(`${s.emailViewOnline}: ${site.absolute(day.url)}`, s.footerNote(edition.agency), "");
  return lines.join("\n");
}

function meta(article: Article, edition: Edition): string {
  const s = edition.strings;
  const time = article.live ? `${s.lastUpdate} ${formatTime(article.live.lastUpdate, edition)}` : formatTime(article.date, edition);
  return [article.live?.open ? s.live : "", article.dateline ?? "", time].filter(Boolean).join(" · ");
}

/** Words wrapped at WIDTH; a word longer than a line (a URL) keeps a line of its own. */
export function wrap(text: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
