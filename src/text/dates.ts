import { DateTime, IANAZone, type Zone } from "luxon";

/**
 * Every date in the bulletin passes through here: parsed in the bulletin's time zone,
 * shown in it, and written into `<time datetime>` with its offset.
 */
export type ParsedDate = { ok: true; value: DateTime } | { ok: false; reason: string };

/**
 * Parses an ISO 8601 date-time as a writer types it. With an offset, the instant is kept;
 * without one, the wall-clock time is read in `timeZone`. The result is always expressed
 * in `timeZone`, so its calendar day is the bulletin's day.
 */
export function parseDate(text: string, timeZone: string): ParsedDate {
  const trimmed = text.trim();
  const plain = parsePlainIso(trimmed, timeZone);
  if (plain) return { ok: true, value: plain };
  const offset = offsetProblem(trimmed);
  if (offset) return { ok: false, reason: `is not a real date: ${offset}` };
  let dt = DateTime.fromISO(trimmed, { zone: timeZone, setZone: true });
  if (!dt.isValid && /^\d{4}-\d{2}-\d{2} \d/.test(trimmed)) {
    dt = DateTime.fromSQL(trimmed, { zone: timeZone, setZone: true });
  }
  if (!dt.isValid) {
    // Luxon's own wording ("you specified 13 (of type number) as a month") is for programmers.
    const why = dt.invalidExplanation ?? dt.invalidReason ?? "not a date";
    if (/unparsable|can.t be parsed|could not be parsed/i.test(why)) return { ok: false, reason: "is not an ISO 8601 date such as 2016-07-15T14:20:00+03:00" };
    return { ok: false, reason: `is not a real date: ${outOfRange(trimmed) ?? "check the year, month and day, and the time"}` };
  }
  return { ok: true, value: dt.setZone(timeZone) };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const PARTS = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?=$|[T ])(?:[T ](\d{2})(?::(\d{2})(?::(\d{2}))?)?)?/;

/** Which part of a date such as 2016-02-30T10:00 does not exist, in the desk's words. */
function outOfRange(text: string): string | undefined {
  const m = PARTS.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => (p === undefined ? undefined : Number(p)));
  if (month! < 1 || month! > 12) return `there is no month ${m[2]} (months run from 01 to 12)`;
  if (day !== undefined) {
    const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
    const name = MONTHS[month! - 1]!;
    if (day < 1) return `there is no day ${m[3]} (days start at 01)`;
    if (day > days) return month === 2 ? `February ${year} has ${days} days` : `${name} has ${days} days`;
  }
  if (hour !== undefined && (hour > 24 || (hour === 24 && (minute || second)))) return `there is no hour ${m[4]} (hours run from 00 to 23)`;
  if (minute !== undefined && minute > 59) return `there is no minute ${m[5]} (minutes run from 00 to 59)`;
  if (second !== undefined && second > 59) return `there is no second ${m[6]} (seconds run from 00 to 59)`;
  return undefined;
}

const OFFSET = /[T ]\d{2}(?::?\d{2}){0,2}(?:\.\d+)?\s*([+-])(\d{2}):?(\d{2})?$/;

/**
 * An offset no place has (+25:00, +03:60): luxon reads it as written, and the story would
 * be dated a day off. Offsets on Earth run from -12:00 to +14:00.
 */
function offsetProblem(text: string): string | undefined {
  const m = OFFSET.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  const total = hours * 60 + minutes;
  if (minutes > 59 || (m[1] === "+" ? total > 14 * 60 : total > 12 * 60)) {
    return `there is no time zone offset ${m[1]}${m[2]}:${m[3] ?? "00"} (offsets run from -12:00 to +14:00)`;
  }
  return undefined;
}

/** The form writers and `npm run new` write, with an offset (or Z) and whole seconds. */
const PLAIN_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * `2016-07-15T14:20:00+03:00` read directly: the instant, then luxon expresses it in the
 * bulletin's zone, exactly as the general path does. Luxon's ISO parser took a third of
 * loading time at 10,000 articles. Anything unusual (no offset, fractions of a second, a
 * day that does not exist) goes the general way, which also words the errors.
 */
function parsePlainIso(text: string, timeZone: string): DateTime | undefined {
  const m = PLAIN_ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number, number];
  const offsetHours = Number(m[8] ?? 0);
  const offsetMinutes = Number(m[9] ?? 0);
  // An offset no place has (see offsetProblem) goes the general way too, to be refused there.
  const offsetTotal = offsetHours * 60 + offsetMinutes;
  if (offsetMinutes > 59 || offsetTotal > (m[7] === "-" ? 12 * 60 : 14 * 60)) return undefined;
  if (year < 1000 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  const offset = (m[7] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const dt = DateTime.fromMillis(wall - offset * 60_000, { zone: cachedZone(timeZone) });
  return dt.isValid ? dt : undefined;
}

/**
 * An IANA zone that asks Intl for an offset once a week: luxon asks on every DateTime it
 * makes, and that was the largest single cost of reading 10,000 articles. A week whose two
 * ends differ holds a clock change: its days are asked about one by one, and a day whose
 * ends differ is asked about each time, as luxon does. (No zone changes its clocks twice
 * within a week and back; Morocco's Ramadan pause, the shortest, lasts about a month.)
 */
class WeekCachedZone extends IANAZone {
  private readonly weeks = new Map<number, number>();
  private readonly days = new Map<number, number>();

  override offset(ts: number): number {
    const week = this.steady(this.weeks, Math.floor(ts / WEEK_MS), WEEK_MS);
    if (!Number.isNaN(week)) return week;
    const day = this.steady(this.days, Math.floor(ts / DAY_MS), DAY_MS);
    return Number.isNaN(day) ? super.offset(ts) : day;
  }

  /** The offset all through span number `n` of `length` ms, or NaN when its ends differ. */
  private steady(cache: Map<number, number>, n: number, length: number): number {
    let offset = cache.get(n);
    if (offset === undefined) {
      const start = super.offset(n * length);
      offset = start === super.offset((n + 1) * length - 1) ? start : NaN;
      cache.set(n, offset);
    }
    return offset;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;
const zones = new Map<string, Zone>();

/** The zone luxon would use for `name`, week-cached when it is an IANA zone ("UTC" is not: it stays fixed). */
function cachedZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    const luxonZone = DateTime.fromMillis(0, { zone: name }).zone;
    zone = luxonZone.type === "iana" ? new WeekCachedZone(luxonZone.name) : luxonZone;
    zones.set(name, zone);
  }
  return zone;
}

/** The offset from UTC, in minutes, of `timeZone` at the instant `millis` (NaN for an invalid instant). */
export function offsetAt(millis: number, timeZone: string): number {
  return cachedZone(timeZone).offset(millis);
}

/** The instant `millis` in `timeZone`, as `parseDate` makes it (the build's record keeps dates as millis). */
export function dateFromMillis(millis: number, timeZone: string): DateTime {
  return DateTime.fromMillis(millis, { zone: cachedZone(timeZone) });
}

/**
 * `2016-07-15T00:30:00+03:00`: the form for `<time datetime>`, feeds and structured data.
 * Written out from the instant and its offset where that is plain (a whole second, a
 * four-digit year, an offset other than zero), as luxon writes it: luxon took 13 µs a date,
 * and a sitemap at 10,000 articles prints 19,500 of them (0.25 s of filing a story). The rest
 * (UTC's `Z`, fractions of a second, far years) is luxon's. A unit test compares the two.
 */
export function isoWithOffset(dt: DateTime): string {
  const millis = dt.toMillis();
  const offset = dt.offset;
  if (millis % 1000 !== 0 || offset === 0 || !Number.isInteger(offset)) return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!;
  const local = new Date(millis + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return dt.toISO({ suppressMilliseconds: true, includeOffset: true })!;
  const abs = Math.abs(offset);
  return `${year}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}${offset < 0 ? "-" : "+"}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `2016/07/15`, `2016/07` or `2016` (`separator` between the parts): the date's day, month or
 * year in its own zone, as luxon's `toFormat("yyyy/MM/dd")` writes it. From the date's fields:
 * toFormat parses its format string on every call, 2–3 µs against 0.1, and a build asks this
 * of every article's URL, every day's pages and emails and every article's search index,
 * some 400,000 times at 100,000 articles. A unit test compares the two.
 */
export function calendarDate(dt: DateTime, unit: "day" | "month" | "year" = "day", separator = "/"): string {
  const year = dt.year;
  if (year < 1000 || year > 9999) return dt.toFormat(unit === "year" ? "yyyy" : unit === "month" ? `yyyy'${separator}'MM` : `yyyy'${separator}'MM'${separator}'dd`);
  if (unit === "year") return String(year);
  const month = `${year}${separator}${two(dt.month)}`;
  return unit === "month" ? month : `${month}${separator}${two(dt.day)}`;
}

export interface DateFormatOptions {
  locale: string;
  numberingSystem?: string;
}

/** "Friday 15 July 2016, 14:20 GMT+3" in English; localised wording in other locales. */
export function formatDateTime(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "dateTime", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({
      weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
    }));
}

/** "14:05": the time of a live update, in the edition's digits (٥٫١٤ is never wanted: hours and minutes, 24-hour). */
export function formatTime(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "time", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" }));
}

/** "15 July 2016". */
export function formatDate(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "date", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({ day: "numeric", month: "long", year: "numeric" }));
}

/** "Friday 15 July 2016": the heading of a daily bulletin. */
export function formatDay(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "day", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({ weekday: "long", day: "numeric", month: "long", year: "numeric" }));
}

/** "July 2016". */
export function formatMonth(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "month", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({ month: "long", year: "numeric" }));
}

/** "2016", in the locale's digits. */
export function formatYear(dt: DateTime, opts: DateFormatOptions): string {
  return remembered(dt, "year", opts, () =>
    dt.reconfigure({ locale: opts.locale, numberingSystem: opts.numberingSystem }).toLocaleString({ year: "numeric" }));
}

/**
 * Luxon sets up a formatter on every call, and the same date is shown on many pages (the
 * article, each of its listings, archives): each rendering is kept, per DateTime (they are
 * immutable) and options. At 10,000 articles this saved several seconds per build.
 */
const formatted = new WeakMap<DateTime, Map<string, string>>();

function remembered(dt: DateTime, kind: string, opts: DateFormatOptions, format: () => string): string {
  let forDate = formatted.get(dt);
  if (!forDate) {
    forDate = new Map();
    formatted.set(dt, forDate);
  }
  const key = `${kind}|${opts.locale}|${opts.numberingSystem ?? ""}`;
  let text = forDate.get(key);
  if (text === undefined) {
    text = format();
    forDate.set(key, text);
  }
  return text;
}
