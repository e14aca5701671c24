import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Article } from "../../src/model/types.ts";
import { lastModified, latestOf, newestModification } from "../../src/seo/lastModified.ts";

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const story = (date: string, more: Partial<Article> = {}) => ({ date: at(date), corrections: [], ...more }) as unknown as Article;

test("a listing's latest change is its newest story's, unless an older one was corrected or updated since", () => {
  const newest = story("2016-07-15T10:00:00+03:00");
  const corrected = story("2016-07-01T10:00:00+03:00", { corrections: [{ date: at("2016-07-16T09:00:00+03:00"), text: "x" }] } as Partial<Article>);
  const updated = story("2016-06-01T10:00:00+03:00", { updated: at("2016-07-15T12:00:00+03:00") } as Partial<Article>);
  assert.equal(newestModification([newest, updated])?.toISO(), "2016-07-15T12:00:00.000+03:00");
  assert.equal(newestModification([newest, updated, corrected]), lastModified(corrected));
  assert.equal(newestModification([]), undefined);
});

test("the latest of some dates skips the missing ones, compares instants across offsets, and keeps the first of equal ones", () => {
  const utc = at("2016-07-15T07:00:00Z");
  const damascus = at("2016-07-15T10:00:00+03:00");
  const later = at("2016-07-15T10:00:01+03:00");
  assert.equal(latestOf([undefined, utc, damascus]), utc);
  assert.equal(latestOf([damascus, utc]), damascus);
  assert.equal(latestOf([utc, later, undefined, damascus]), later);
  assert.equal(latestOf([undefined]), undefined);
});
