import { test } from "node:test";
import assert from "node:assert/strict";
import { parseDate, isoWithOffset, calendarDate, formatDateTime, formatDay, formatMonth, formatYear } from "../../src/text/dates.ts";
import { DateTime } from "luxon";
import { articleUrl, dayUrl } from "../../src/urls.ts";
import { buildBulletin } from "../../src/collections/editions.ts";
import { loadFixture } from "../support/fixtureSite.ts";

const EN = { prefix: "" };

const ZONE = "Asia/Damascus";

function date(text: string) {
  const parsed = parseDate(text, ZONE);
  if (!parsed.ok) assert.fail(`${text}: ${parsed.reason}`);
  return parsed.value;
}

const parsedCases: [input: string, datetime: string, why: string][] = [
  ["2016-07-15T00:30:00+03:00", "2016-07-15T00:30:00+03:00", "a Damascus offset is kept as written"],
  ["2016-07-14T21:30:00Z", "2016-07-15T00:30:00+03:00", "UTC is shown in the bulletin's zone: the 15th in Damascus"],
  ["2016-07-14T23:30:00+01:00", "2016-07-15T01:30:00+03:00", "another offset keeps its instant"],
  ["2016-07-15T14:20", "2016-07-15T14:20:00+03:00", "without an offset, Damascus wall-clock time (summer, +03:00)"],
  ["2016-01-15T10:00", "2016-01-15T10:00:00+02:00", "Damascus winter time in 2016 was +02:00"],
  ["2016-07-15 14:20", "2016-07-15T14:20:00+03:00", "a space instead of T, as writers type it"],
  ["2016-07-15", "2016-07-15T00:00:00+03:00", "a date alone is the start of that day in Damascus"],
  ["  2016-07-15T14:20:00+03:00 ", "2016-07-15T14:20:00+03:00", "surrounding spaces are ignored"],
  ["2016-02-29T10:00", "2016-02-29T10:00:00+02:00", "29 February of a leap year is real"],
];

for (const [input, datetime, why] of parsedCases) {
  test(`${JSON.stringify(input)} is ${datetime}: ${why}`, () => {
    assert.equal(isoWithOffset(date(input)), datetime);
  });
}

const rejectedCases: [input: string, reason: RegExp][] = [
  ["2016-02-30T10:00:00+03:00", /is not a real date/],
  ["2015-02-29", /is not a real date/],
  ["2016-13-01", /is not a real date/],
  ["2016-07-15T25:00", /is not a real date|ISO 8601/],
  ["15/07/2016", /is not an ISO 8601 date such as 2016-07-15T14:20:00\+03:00/],
  ["yesterday", /is not an ISO 8601 date/],
  ["", /ISO 8601/],
];

for (const [input, reason] of rejectedCases) {
  test(`${JSON.stringify(input)} is rejected with a reason a writer understands`, () => {
    const parsed = parseDate(input, ZONE);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.reason, reason);
  });
}

test("00:30 Damascus time and 21:30 UTC the evening before are both on the 15th: same URL day and day parts", () => {
  for (const text of ["2016-07-15T00:30:00+03:00", "2016-07-14T21:30:00Z"]) {
    const dt = date(text);
    assert.deepEqual([calendarDate(dt), calendarDate(dt, "month"), calendarDate(dt, "year"), calendarDate(dt, "day", "-")], ["2016/07/15", "2016/07", "2016", "2016-07-15"]);
    assert.equal(articleUrl(EN, dt, "talks"), "/2016/07/15/talks/");
    assert.equal(dayUrl(EN, dt), "/2016/07/15/");
  }
});

test("both spellings of the same instant land in the day archive of the 15th, with +03:00 kept for <time datetime>", () => {
  const edition = buildBulletin(loadFixture()).edition("en");
  const day15 = edition.days.find((d) => d.url === "/2016/07/15/");
  assert.ok(day15, `days: ${edition.days.map((d) => d.url).join(", ")}`);
  assert.deepEqual(day15.articles.map((a) => a.slug).sort(), ["same-instant-in-utc", "talks-after-midnight"]);
  assert.equal(edition.days.some((d) => d.url === "/2016/07/14/"), false, "nothing is filed on the 14th");
  for (const a of day15.articles) {
    assert.equal(isoWithOffset(a.date), "2016-07-15T00:30:00+03:00");
    assert.match(a.url, /^\/2016\/07\/15\//);
  }
});

test("the visible date says the same day and time as the datetime attribute", () => {
  const dt = date("2016-07-14T21:30:00Z");
  const shown = formatDateTime(dt, { locale: "en-GB" });
  assert.match(shown, /15 July 2016/);
  assert.match(shown, /00:30/);
  assert.equal(formatDay(dt, { locale: "en-GB" }), "Friday, 15 July 2016");
  assert.equal(formatMonth(dt, { locale: "en-GB" }), "July 2016");
});

test("Arabic dates use Arabic-Indic digits when the edition asks for them", () => {
  const dt = date("2016-07-15T14:20:00+03:00");
  assert.equal(formatYear(dt, { locale: "ar", numberingSystem: "arab" }), "٢٠١٦");
  assert.match(formatDateTime(dt, { locale: "ar", numberingSystem: "arab" }), /١٥/);
  assert.equal(formatYear(dt, { locale: "ar", numberingSystem: "latn" }), "2016");
});

test("dates parsed through the cached zone have luxon's own offset, across every clock change of 2010–2026", () => {
  // Damascus, London, Havana (changes at midnight) and Casablanca (a month's pause for Ramadan).
  for (const zone of ["Asia/Damascus", "Europe/London", "America/Havana", "Africa/Casablanca"]) {
    const from = Date.UTC(2010, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    let wrong = 0;
    const first: string[] = [];
    for (let ts = from; ts < to; ts += 5 * 60 * 60 * 1000 + 60 * 1000) {
      const text = new Date(ts).toISOString().replace(".000", "");
      const parsed = parseDate(text, zone);
      assert.ok(parsed.ok);
      const expected = DateTime.fromMillis(ts, { zone }).offset;
      if (parsed.value.offset !== expected || parsed.value.toMillis() !== ts) {
        wrong++;
        if (first.length < 3) first.push(`${text}: ${parsed.value.offset} ≠ ${expected}`);
      }
    }
    assert.equal(wrong, 0, `${zone}: ${first.join("; ")}`);
  }
});

test("the ISO form of a date is luxon's own, in zones east and west, across clock changes, at half and three-quarter hours, in UTC and with milliseconds", () => {
  const zones = ["Asia/Damascus", "America/Havana", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC", "Europe/London", "Africa/Casablanca"];
  for (const zone of zones) {
    let wrong = 0;
    const first: string[] = [];
    for (let ts = Date.UTC(2010, 0, 1); ts < Date.UTC(2027, 0, 1); ts += 7 * 60 * 60 * 1000 + 61 * 1000) {
      for (const instant of [ts, ts + 250]) {
        const dt = parseDate(new Date(instant).toISOString(), zone);
        assert.ok(dt.ok);
        const expected = dt.value.toISO({ suppressMilliseconds: true, includeOffset: true });
        if (isoWithOffset(dt.value) !== expected) {
          wrong++;
          if (first.length < 3) first.push(`${isoWithOffset(dt.value)} ≠ ${expected}`);
        }
      }
    }
    assert.equal(wrong, 0, `${zone}: ${first.join("; ")}`);
  }
  for (const far of ["0999-12-31T23:00:00+03:00", "2016-07-15T00:30:00-09:30"]) {
    const dt = DateTime.fromISO(far, { setZone: true });
    assert.equal(isoWithOffset(dt), dt.toISO({ suppressMilliseconds: true, includeOffset: true }));
  }
});

const unrealCases: [input: string, reason: string][] = [
  ["2016-13-01", "is not a real date: there is no month 13 (months run from 01 to 12)"],
  ["2016-00-10", "is not a real date: there is no month 00 (months run from 01 to 12)"],
  ["2016-02-30T10:00:00+03:00", "is not a real date: February 2016 has 29 days"],
  ["2015-02-29", "is not a real date: February 2015 has 28 days"],
  ["2016-04-31T09:00", "is not a real date: April has 30 days"],
  ["2016-07-00", "is not a real date: there is no day 00 (days start at 01)"],
  ["2016-07-15T25:00", "is not a real date: there is no hour 25 (hours run from 00 to 23)"],
  ["2016-07-15 10:60", "is not a real date: there is no minute 60 (minutes run from 00 to 59)"],
  ["2016-07-15T10:00:61+03:00", "is not a real date: there is no second 61 (seconds run from 00 to 59)"],
  ["2016-07-15T10:00:00+25:00", "is not a real date: there is no time zone offset +25:00 (offsets run from -12:00 to +14:00)"],
  ["2016-07-15T10:00:00+03:60", "is not a real date: there is no time zone offset +03:60 (offsets run from -12:00 to +14:00)"],
];

for (const [input, reason] of unrealCases) {
  test(`${JSON.stringify(input)} is rejected in the desk's words: ${reason.replace("is not a real date: ", "")}`, () => {
    const parsed = parseDate(input, ZONE);
    assert.deepEqual(parsed, { ok: false, reason });
  });
}

test("offsets at the ends of the world's range and midnight written as 24:00 are still real", () => {
  assert.equal(isoWithOffset(date("2016-07-15T10:00:00+14:00")), "2016-07-14T23:00:00+03:00");
  assert.equal(isoWithOffset(date("2016-07-15T10:00:00-12:00")), "2016-07-16T01:00:00+03:00");
  assert.equal(isoWithOffset(date("2016-07-15T24:00:00+03:00")), "2016-07-16T00:00:00+03:00");
});

test("calendarDate writes what luxon's toFormat writes, in the date's own zone, at day ends, in leap years and far years", () => {
  const zones = ["Asia/Damascus", "UTC", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
  const instants = ["2016-07-14T21:30:00Z", "2016-02-29T23:59:59Z", "2024-12-31T22:00:00Z", "2025-01-01T00:00:00Z", "0999-12-31T12:00:00Z", "9999-06-15T00:00:00Z", "+010000-01-01T00:00:00Z"];
  for (const zone of zones) {
    for (const instant of instants) {
      const dt = DateTime.fromISO(instant, { zone });
      assert.ok(dt.isValid, instant);
      assert.equal(calendarDate(dt), dt.toFormat("yyyy/MM/dd"), `${instant} in ${zone}`);
      assert.equal(calendarDate(dt, "month", "-"), dt.toFormat("yyyy-MM"), `${instant} in ${zone}`);
      assert.equal(calendarDate(dt, "year"), dt.toFormat("yyyy"), `${instant} in ${zone}`);
    }
  }
});
