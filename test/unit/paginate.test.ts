import { test } from "node:test";
import assert from "node:assert/strict";
import { archivePageKept, paginate } from "../../src/collections/paginate.ts";

/** Items newest first, as listings hold them: n, n-1, … 1 (1 the oldest). */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i);

const shapes: [count: number, size: number, pageSizes: number[]][] = [
  [0, 20, [0]],
  [1, 20, [1]],
  [20, 20, [20]],
  [21, 20, [21]],
  [40, 20, [40]],
  [41, 20, [21, 20]],
  [45, 20, [25, 20]],
  [60, 20, [40, 20]],
  [61, 20, [21, 20, 20]],
  [3, 1, [2, 1]],
];

for (const [count, size, pageSizes] of shapes) {
  test(`${count} items at ${size} a page make pages of ${pageSizes.join(", ")}, the front first`, () => {
    const pages = paginate(items(count), size, "/");
    assert.deepEqual(pages.map((p) => p.items.length), pageSizes);
    assert.deepEqual(pages.flatMap((p) => p.items), items(count), "every item once, in order");
    assert.deepEqual(pages.map((p) => p.front), pageSizes.map((_, i) => i === 0));
  });
}

test("an empty listing still has its front page, with no links to others", () => {
  const [only, ...rest] = paginate([], 20, "/topics/syria/");
  assert.deepEqual(rest, []);
  assert.equal(only?.url, "/topics/syria/");
  assert.equal(only?.newer, undefined);
  assert.equal(only?.older, undefined);
});

test("archive pages are counted from the oldest, and newer and older link neighbouring pages", () => {
  const pages = paginate(items(7), 2, "/people/vladimir-putin/");
  assert.deepEqual(pages.map((p) => [p.url, p.number, p.items]), [
    ["/people/vladimir-putin/", 3, [7, 6, 5]],
    ["/people/vladimir-putin/page/2/", 2, [4, 3]],
    ["/people/vladimir-putin/page/1/", 1, [2, 1]],
  ]);
  assert.deepEqual(pages.map((p) => [p.newer, p.older]), [
    [undefined, "/people/vladimir-putin/page/2/"],
    ["/people/vladimir-putin/", "/people/vladimir-putin/page/1/"],
    ["/people/vladimir-putin/page/2/", undefined],
  ]);
});

test("a new item changes the front alone until it fills a page; then the front's older page becomes an archive page and the pages before stay as they were", () => {
  const before = paginate(items(61), 20, "/");
  const after = paginate(items(62), 20, "/");
  assert.deepEqual(after.slice(1), before.slice(1), "archive pages unchanged");
  assert.deepEqual(after[0]!.items, items(62).slice(0, 22));
  const filled = paginate(items(80), 20, "/");
  const spilled = paginate(items(81), 20, "/");
  const byUrl = (pages: typeof filled) => new Map(pages.map((p) => [p.url, p.items]));
  for (const [url, list] of byUrl(filled)) if (url !== "/") assert.deepEqual(byUrl(spilled).get(url), list, `${url} holds the same items`);
  assert.deepEqual(spilled.map((p) => p.url), ["/", "/page/3/", "/page/2/", "/page/1/"]);
});

test("numbered links reach two pages either side and the oldest", () => {
  const pages = paginate(items(200), 10, "/");
  const page = pages.find((p) => p.number === 9)!;
  assert.deepEqual(page.near.map((n) => n.number), [1, 7, 8, 9, 10, 11]);
  assert.deepEqual(pages[0]!.near.map((n) => n.number), [1, 17, 18], "the front: the newest archive pages and the oldest");
});

test("an archive page said to be kept is the same page, whatever came or went among stories newer than all of its own", () => {
  let kept = 0;
  for (let size = 1; size <= 4; size++) {
    for (let before = 0; before <= 30; before++) {
      for (let now = 0; now <= 30; now++) {
        // The oldest `common` stories are the same in both; the newer ones all differ.
        const common = Math.min(before, now, 12);
        const list = (n: number, tag: string) => Array.from({ length: n }, (_, i) => (i < common ? `old-${i}` : `${tag}-${i}`)).reverse();
        const pagesBefore = paginate(list(before, "b"), size, "/");
        const pagesNow = paginate(list(now, "n"), size, "/");
        for (const page of pagesNow) {
          if (page.front || !archivePageKept(page.number, size, before, now)) continue;
          // Its stories all among the common ones: its newest is old.
          if (!page.items.every((item) => item.startsWith("old-"))) continue;
          const was = pagesBefore.find((p) => p.url === page.url);
          assert.deepEqual(was, page, `size ${size}, ${before} → ${now} stories, page ${page.number}`);
          kept++;
        }
      }
    }
  }
  assert.ok(kept > 1000, `${kept} pages kept`);
});
