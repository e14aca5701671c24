import { test } from "node:test";
import assert from "node:assert/strict";
import { buildBulletin } from "../../src/collections/editions.ts";
import { searchIndexPlan } from "../../src/search/indexPlan.ts";
import { article, loadFixture } from "../support/fixtureSite.ts";

// The basic fixture: 2016-06-30 and two stories on Friday 2016-07-15; more here, in 2016 and 2015.
const edition = (extra: Record<string, string> = {}) =>
  buildBulletin(loadFixture({
    "content/articles/2015/2015-05-10-harvest.md": article("title: Harvest\ndate: 2015-05-10T09:00:00+03:00"),
    "content/articles/2016/03/2016-03-01-spring.md": article("title: Spring\ndate: 2016-03-01T09:00:00+03:00"),
    ...extra,
  })).edition("en");
const urlsOf = (max: number, extra: Record<string, string> = {}) => {
  const e = edition(extra);
  const plan = searchIndexPlan(e, max);
  return { urls: plan.urls, each: e.articles.map((a) => `${a.date.toISODate()} ${plan.urlOf(a)}`) };
};

test("the newest week has an index of its own, then each year's articles share one, newest year first", () => {
  const { urls, each } = urlsOf(5000);
  assert.deepEqual(urls, ["/pagefind/en/latest/", "/pagefind/en/2016/", "/pagefind/en/2015/"]);
  assert.deepEqual(each, [
    "2016-07-15 /pagefind/en/latest/", "2016-07-15 /pagefind/en/latest/",
    "2016-06-30 /pagefind/en/2016/", "2016-03-01 /pagefind/en/2016/", "2015-05-10 /pagefind/en/2015/",
  ]);
});

test("the newest week runs from Monday in the bulletin's time zone: a story of the Sunday before is in its year", () => {
  const { each } = urlsOf(5000, {
    "content/articles/2016/07/2016-07-11-monday.md": article("title: Monday\ndate: 2016-07-11T00:10:00+03:00"),
    "content/articles/2016/07/2016-07-10-sunday.md": article("title: Sunday\ndate: 2016-07-10T23:50:00+03:00"),
  });
  assert.ok(each.includes("2016-07-11 /pagefind/en/latest/"));
  assert.ok(each.includes("2016-07-10 /pagefind/en/2016/"));
});

test("a year with more articles than an index holds is split by quarter, and by month when a quarter is too big", () => {
  assert.deepEqual(urlsOf(1).urls, ["/pagefind/en/latest/", "/pagefind/en/2016-q2/", "/pagefind/en/2016-q1/", "/pagefind/en/2015/"]);
  const april = { "content/articles/2016/04/2016-04-10-april.md": article("title: April\ndate: 2016-04-10T09:00:00+03:00") };
  assert.deepEqual(urlsOf(1, april).urls, ["/pagefind/en/latest/", "/pagefind/en/2016-06/", "/pagefind/en/2016-04/", "/pagefind/en/2016-03/", "/pagefind/en/2015/"]);
});

test("articles come in the order of the indexes: each index's articles one after the other", () => {
  const e = edition();
  const plan = searchIndexPlan(e, 1);
  const seen = e.articles.map((a) => plan.urlOf(a)).filter((url, i, all) => url !== all[i - 1]);
  assert.deepEqual(seen, plan.urls);
});
