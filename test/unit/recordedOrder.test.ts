import { test } from "node:test";
import assert from "node:assert/strict";
import { RecordedOrder } from "../../src/site/recordedOrder.ts";

/** Each new key's place in the last list (-1 when it has none), as a table lookup gives it, and the places left over. */
function byTable(last: string[], now: string[]): { found: number[]; gone: number[] } {
  const index = new Map(last.map((k, i) => [k, i]));
  const found = now.map((k) => index.get(k) ?? -1);
  const used = new Set(found);
  return { found, gone: last.map((_, i) => i).filter((i) => !used.has(i)) };
}

function byWalk(last: string[], now: string[]): { found: number[]; gone: number[] } {
  const order = new RecordedOrder(last);
  const found = order.placesOf(now);
  return { found, gone: order.untaken() };
}

/** A small deterministic random source (the test's cases are the same at every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

test("a walk in order finds what a table finds, whatever came, went or moved", () => {
  const rand = random(7);
  for (let run = 0; run < 400; run++) {
    const last = Array.from({ length: Math.floor(rand() * 60) }, (_, i) => `page-${run}-${i}`);
    const now = [...last];
    const changes = Math.floor(rand() * 6);
    for (let c = 0; c < changes; c++) {
      const what = rand();
      const at = Math.floor(rand() * (now.length + 1));
      if (what < 0.3) now.splice(at, 0, `new-${run}-${c}`);
      else if (what < 0.55) now.splice(at, 1);
      else if (what < 0.8 && now.length) {
        // moved: taken out and put back elsewhere, near or far
        const [key] = now.splice(Math.min(at, now.length - 1), 1);
        now.splice(Math.floor(rand() * (now.length + 1)), 0, key!);
      } else {
        // a run of new keys, longer than the walk looks ahead
        now.splice(at, 0, ...Array.from({ length: 12 }, (_, k) => `run-${run}-${c}-${k}`));
      }
    }
    if (rand() < 0.05) now.reverse();
    assert.deepEqual(byWalk(last, now), byTable(last, now), `case ${run}: ${JSON.stringify({ last, now })}`);
  }
});

test("the usual cases: one entry added at the end or the front, one taken out", () => {
  const last = ["a", "b", "c", "d"];
  assert.deepEqual(byWalk(last, ["a", "b", "c", "d", "e"]), { found: [0, 1, 2, 3, -1], gone: [] });
  assert.deepEqual(byWalk(last, ["e", "a", "b", "c", "d"]), { found: [-1, 0, 1, 2, 3], gone: [] });
  assert.deepEqual(byWalk(last, ["a", "c", "d"]), { found: [0, 2, 3], gone: [1] });
  assert.deepEqual(byWalk([], ["a"]), { found: [-1], gone: [] });
  assert.deepEqual(byWalk(last, []), { found: [], gone: [0, 1, 2, 3] });
});
