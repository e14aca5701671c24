import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeResults } from "../../layouts/assets/searchMerge.js";

// Each index's results as Pagefind returns them: already in the order asked for.
const r = (id: string, score: number) => ({ id, score });
const years = () => [
  [r("2016-b", 0.9), r("2016-a", 0.2)],
  [r("2015-b", 0.5), r("2015-a", 0.95)],
  [r("2014-a", 0.2)],
];

test("newest first: the years' results follow one another, newest year first", () => {
  assert.deepEqual(mergeResults(years(), "desc").map((x) => x.id), ["2016-b", "2016-a", "2015-b", "2015-a", "2014-a"]);
});

test("oldest first: the oldest year's results come first", () => {
  const oldestFirst = [[r("2016-a", 1), r("2016-b", 1)], [r("2015-a", 1), r("2015-b", 1)], [r("2014-a", 1)]];
  assert.deepEqual(mergeResults(oldestFirst, "asc").map((x) => x.id), ["2014-a", "2015-a", "2015-b", "2016-a", "2016-b"]);
});

test("by relevance: highest score first across years, equal scores newer year first", () => {
  assert.deepEqual(mergeResults(years(), undefined).map((x) => x.id), ["2015-a", "2016-b", "2015-b", "2016-a", "2014-a"]);
});
