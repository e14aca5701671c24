import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Article } from "../../src/model/types.ts";
import { timeline } from "../../src/collections/timeline.ts";

const article = (iso: string): Article => {
  const date = DateTime.fromISO(iso, { setZone: true }).setZone("Asia/Damascus");
  return {
    source: `${iso}.md`, slug: iso, title: iso, date, people: [], topics: [], corrections: [],
    draft: false, scheduled: false, lang: "en", body: "", bodyLine: 1, digest: "", url: `/${iso}/`,
  };
};

test("a topic's articles are grouped by month, newest month first, keeping their order", () => {
  const list = ["2016-08-02T10:00:00+03:00", "2016-07-30T10:00:00+03:00", "2016-07-01T10:00:00+03:00", "2016-05-09T10:00:00+03:00"].map(article);
  const months = timeline(list);
  assert.deepEqual(months.map((m) => m.key), ["2016-08", "2016-07", "2016-05"]);
  assert.deepEqual(months[1]!.articles, [list[1], list[2]]);
  assert.equal(months[0]!.month.toISODate(), "2016-08-01");
});

test("an article is placed in the month of the bulletin's time zone, not UTC", () => {
  // 22:30 UTC on 31 July is 01:30 on 1 August in Damascus.
  const months = timeline([article("2016-07-31T22:30:00Z")]);
  assert.equal(months[0]!.key, "2016-08");
});

test("no articles make an empty timeline", () => {
  assert.deepEqual(timeline([]), []);
});
