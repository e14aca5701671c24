import type { DateTime } from "luxon";
import type { MarkdownIt, Token } from "markdown-it";
import { parseDate } from "../text/dates.ts";

/**
 * A live story: one Markdown file whose `##` headings are its updates, oldest first, each
 * starting with its time (`## 14:05 Lavrov: talks were useful`), below an optional intro.
 * A writer adds an update by appending a heading and its text at the end of the file: no
 * field to fill in, nothing to quote, and the file reads as the day ran. (A list in the
 * frontmatter was the other candidate: YAML with Markdown inside it, where a `:` in a quote
 * breaks the story.) Read once, with the file: every problem is on its line.
 */
export interface LiveUpdate {
  date: DateTime;
  /** The words after the time, if any. */
  title?: string;
  /** The update's anchor on the page, from its time: stable when later updates are added. */
  id: string;
  /** The line of its heading in the file. */
  line: number;
  /** Its Markdown, below the heading. */
  body: string;
}

export interface LiveCoverage {
  /** Open at the build's clock: `live: true`, or an end time still to come. */
  open: boolean;
  /** When the coverage ends or ended: `live:`'s time, or the last update once closed with `false`. */
  end?: DateTime;
  /** Oldest first, as written. */
  updates: LiveUpdate[];
  /** The Markdown above the first update. */
  intro: string;
  /** The latest update's time, or the story's own when it has none yet. */
  lastUpdate: DateTime;
}

export interface LiveProblem {
  line: number;
  message: string;
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Arabic-Indic and Persian digits read as 0-9, so an Arabic desk can type its own. */
const latinDigits = (text: string) => text.replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));

/** `14:05`, or `2016-07-16 00:30` for a day after the update above, then the update's words after a space or a dash. */
const TIME_HEADING = /^(?:(\d{4}-\d{2}-\d{2})[ T]+)?(\d{1,2}):(\d{2})(?!\d)(?:\s*[-–—:·|]?\s+|\s*$)(.*)$/u;

/**
 * The updates of a live story's body, with the problems a writer can make: a heading without
 * a time, a time that does not exist, updates out of order, one before the story or after the
 * coverage ended. `bodyLine` is the file line the body starts on.
 */
export function readLiveCoverage(
  md: MarkdownIt,
  story: { date: DateTime; live: boolean | DateTime },
  body: string,
  bodyLine: number,
  timeZone: string,
  now: DateTime,
): { coverage: LiveCoverage; problems: LiveProblem[] } {
  const problems: LiveProblem[] = [];
  const lines = body.split("\n");
  const tokens = md.parse(body, {});
  const headings = tokens
    .map((t: Token, i: number) => ({ t, inline: tokens[i + 1] }))
    .filter(({ t }) => t.type === "heading_open" && t.tag === "h2" && t.level === 0 && t.map);
  const endTime = typeof story.live === "boolean" ? undefined : story.live;
  const updates: LiveUpdate[] = [];
  const ids = new Set<string>();
  let day = story.date.toISODate()!;
  let previous: LiveUpdate | undefined;
  headings.forEach(({ t, inline }, i) => {
    const [start, end] = t.map!;
    const line = bodyLine + start;
    const text = (inline?.content ?? "").trim();
    const m = TIME_HEADING.exec(latinDigits(text));
    const next = headings[i + 1]?.t.map![0] ?? lines.length;
    const section = lines.slice(end, next).join("\n").trim();
    if (!m) {
      problems.push({ line, message: `live: the update "## ${text}" has no time: in a live story every ## heading is an update and starts with its time, such as "## 14:05 ${text || "Lavrov speaks"}" (a subhead inside an update is ###)` });
      return;
    }
    const [, date, hour, minute, title] = m;
    if (date) day = date;
    const written = `${date ? `${date} ` : ""}${hour}:${minute}`;
    const parsed = parseDate(`${day}T${hour!.padStart(2, "0")}:${minute}:00`, timeZone);
    if (!parsed.ok) {
      problems.push({ line, message: `live: the update's time "${written}" ${parsed.reason.replace("is not a real date", "is not a real time")}` });
      return;
    }
    const at = parsed.value;
    if (at < story.date) {
      problems.push({ line, message: `live: the update at ${written} is dated before the story (date: ${story.date.toFormat("yyyy-MM-dd HH:mm")}): check the time, or the story's date` });
    } else if (previous && at < previous.date) {
      problems.push({ line, message: `live: updates run oldest first, each below the one before it, but ${written} is earlier than the update above it (${previous.date.toFormat("HH:mm")}, line ${previous.line}): move it up, or check its time` });
    } else if (endTime && at > endTime) {
      problems.push({ line, message: `live: the update at ${written} is after the coverage ended (live: ${endTime.toFormat("yyyy-MM-dd HH:mm")}): move the end later, or check the time` });
    }
    let id = `update-${at.toFormat("yyyy-MM-dd-HHmm")}`;
    for (let n = 2; ids.has(id); n++) id = `update-${at.toFormat("yyyy-MM-dd-HHmm")}-${n}`;
    ids.add(id);
    const update: LiveUpdate = { date: at, title: title?.trim() || undefined, id, line, body: section };
    updates.push(update);
    previous = update;
  });
  const first = headings[0]?.t.map![0] ?? lines.length;
  const lastUpdate = updates.reduce((latest, u) => (u.date > latest ? u.date : latest), story.date);
  const open = story.live === true || (endTime !== undefined && now < endTime);
  const end = endTime ?? (story.live === false ? lastUpdate : undefined);
  return { coverage: { open, end, updates, intro: lines.slice(0, first).join("\n").trim(), lastUpdate }, problems };
}
