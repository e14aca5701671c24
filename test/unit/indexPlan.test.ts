import { test } from "node:test";
import assert from "node:assert/strict";
import { buildBulletin } from "../../src/collections/editions.ts";
import { searchIndexPlan } from "../../src/search/indexPlan.ts";
import { article, loadFixture } from "../support/fixtureSite.ts";

// The basic fixture: 2016-06-30 and two stories on 2016-07-15; one more in 2015 here.
const edition = () =>
  buildBulletin(loadFixture({ "content/articles/2015/2015-05-10-harvest.md": article("title: Harvest\ndate: 2015-05-10T09:00:00+03:00") })).edition("en");
const urlsOf = (max: number) => {
  const e = edition();
  const plan = searchIndexPlan(e, max);
  return { urls: plan.urls, each: e.articles.map((a) => `${a.date.toISODate()} ${plan.urlOf(a)}`) };
};

test("a year's articles share one search index, newest year first", () => {
  const { urls, each } = urlsOf(5000);
  assert.deepEqual(urls, ["/pagefind/en/2016/", "/pagefind/en/2015/"]);
  assert.deepEqual(each, ["2016-07-15 /pagefind/en/2016/", "2016-07-15 /pagefind/en/2016/", "2016-06-30 /pagefind/en/2016/", "2015-05-10 /pagefind/en/2015/"]);
});

test("a year with more articles than an index holds is split by quarter, and by month when a quarter is too big", () => {
  assert.deepEqual(urlsOf(2).urls, ["/pagefind/en/2016-q3/", "/pagefind/en/2016-q2/", "/pagefind/en/2015/"]);
  assert.deepEqual(urlsOf(1).urls, ["/pagefind/en/2016-07/", "/pagefind/en/2016-06/", "/pagefind/en/2015/"]);
});

test("articles come in the order of the indexes: each index's articles one after the other", () => {
  const e = edition();
  const plan = searchIndexPlan(e, 1);
  const seen = e.articles.map((a) => plan.urlOf(a)).filter((url, i, all) => url !== all[i - 1]);
  assert.deepEqual(seen, plan.urls);
});
