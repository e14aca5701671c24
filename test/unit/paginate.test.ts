import { test } from "node:test";
import assert from "node:assert/strict";
import { paginate } from "../../src/collections/paginate.ts";

const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const shapes: [count: number, size: number, pageSizes: number[]][] = [
  [0, 20, [0]],
  [1, 20, [1]],
  [20, 20, [20]],
  [21, 20, [20, 1]],
  [45, 20, [20, 20, 5]],
  [3, 1, [1, 1, 1]],
];

for (const [count, size, pageSizes] of shapes) {
  test(`${count} items at ${size} a page make pages of ${pageSizes.join(", ")}`, () => {
    const pages = paginate(items(count), size, "/");
    assert.deepEqual(pages.map((p) => p.items.length), pageSizes);
    assert.deepEqual(pages.flatMap((p) => p.items), items(count), "every item once, in order");
    for (const p of pages) assert.equal(p.total, pageSizes.length);
  });
}

test("an empty listing still has its first page, with no links to others", () => {
  const [only, ...rest] = paginate([], 20, "/topics/syria/");
  assert.deepEqual(rest, []);
  assert.equal(only?.url, "/topics/syria/");
  assert.equal(only?.prev, undefined);
  assert.equal(only?.next, undefined);
});

test("page URLs follow the scheme and prev/next link neighbouring pages only", () => {
  const pages = paginate(items(5), 2, "/people/vladimir-putin/");
  assert.deepEqual(pages.map((p) => p.url), ["/people/vladimir-putin/", "/people/vladimir-putin/page/2/", "/people/vladimir-putin/page/3/"]);
  assert.deepEqual(pages.map((p) => [p.number, p.prev, p.next]), [
    [1, undefined, "/people/vladimir-putin/page/2/"],
    [2, "/people/vladimir-putin/", "/people/vladimir-putin/page/3/"],
    [3, "/people/vladimir-putin/page/2/", undefined],
  ]);
  for (const p of pages) assert.deepEqual(p.urls, pages.map((q) => q.url));
});
