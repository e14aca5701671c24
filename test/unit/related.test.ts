import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Article, Tag, TagKind } from "../../src/model/types.ts";
import { newestFirst } from "../../src/model/loadContent.ts";
import { positionOf, relatedStories, type RelatedSource } from "../../src/collections/related.ts";

const tag = (kind: TagKind, slug: string): Tag => ({ kind, slug, name: slug, aliases: [], sameAs: [], bio: "", translations: {}, digest: "" });
const putin = tag("person", "putin");
const kerry = tag("person", "kerry");
const obama = tag("person", "obama");
const syria = tag("topic", "syria");
const geneva = tag("topic", "geneva");

let n = 0;
function article(day: number, people: Tag[], topics: Tag[]): Article {
  n += 1;
  const date = DateTime.fromISO(`2016-07-${String(day).padStart(2, "0")}T12:00:00+03:00`, { setZone: true });
  return {
    source: `a${n}.md`, slug: `a${n}`, title: `Story ${n}`, date, people, topics, corrections: [],
    draft: false, scheduled: false, lang: "en", body: "", bodyLine: 1, digest: "", url: `/2016/07/${day}/a${n}/`,
  };
}

/** Listings as the bulletin builds them: every tag's articles, newest first. */
function listingsOf(articles: Article[]): (t: Tag) => RelatedSource | undefined {
  const map = new Map<Tag, Article[]>();
  for (const a of [...articles].sort(newestFirst)) for (const t of [...a.people, ...a.topics]) map.set(t, [...(map.get(t) ?? []), a]);
  return (t) => {
    const list = map.get(t);
    return list ? { articles: list } : undefined;
  };
}

test("an article is never among its own related stories", () => {
  const a = article(1, [putin, kerry], [syria]);
  const b = article(2, [putin], [syria]);
  const related = relatedStories(a, listingsOf([a, b]));
  assert.deepEqual(related.map((r) => r.article), [b]);
});

test("a story sharing more people and topics ranks above one sharing fewer", () => {
  const a = article(10, [putin, kerry], [syria, geneva]);
  const one = article(12, [putin], []);
  const three = article(5, [putin, kerry], [geneva]);
  const none = article(11, [obama], []);
  const related = relatedStories(a, listingsOf([a, one, three, none]));
  assert.deepEqual(related.map((r) => r.article), [three, one]);
  assert.deepEqual(related[0]!.shared.map((t) => t.slug).sort(), ["geneva", "kerry", "putin"]);
});

test("a shared person weighs more than a shared topic", () => {
  const a = article(10, [putin], [syria]);
  const byPerson = article(3, [putin], []);
  const byTopic = article(9, [], [syria]);
  const related = relatedStories(a, listingsOf([a, byPerson, byTopic]));
  assert.deepEqual(related.map((r) => r.article), [byPerson, byTopic]);
});

test("among equally related stories the most recent comes first", () => {
  const a = article(15, [putin], []);
  const older = article(2, [putin], []);
  const newer = article(20, [putin], []);
  const middle = article(9, [putin], []);
  const related = relatedStories(a, listingsOf([a, older, newer, middle]));
  assert.deepEqual(related.map((r) => r.article), [newer, middle, older]);
});

test("a shared tag that is on fewer stories counts for more", () => {
  const a = article(15, [], [syria, geneva]);
  const crowd = [1, 2, 3, 4, 5, 6].map((d) => article(d, [], [syria]));
  const genevaOnly = article(7, [], [geneva]);
  const syriaOnly = article(8, [], [syria]);
  const related = relatedStories(a, listingsOf([a, ...crowd, genevaOnly, syriaOnly]), { limit: 2 });
  assert.equal(related[0]!.article, genevaOnly);
});

test("an article with no people or topics has no related stories", () => {
  const a = article(1, [], []);
  assert.deepEqual(relatedStories(a, listingsOf([a, article(2, [putin], [])])), []);
});

test("only stories filed near the article in a listing are considered, so work per article is bounded", () => {
  const a = article(28, [putin], []);
  const far = Array.from({ length: 27 }, (_, i) => article(i + 1, [putin], []));
  const related = relatedStories(a, listingsOf([a, ...far]), { window: 3, limit: 10 });
  assert.equal(related.length, 3);
  assert.deepEqual(related.map((r) => r.article.date.day), [27, 26, 25]);
});

test("the limit caps the number of related stories", () => {
  const a = article(28, [putin], []);
  const others = Array.from({ length: 9 }, (_, i) => article(i + 1, [putin], []));
  assert.equal(relatedStories(a, listingsOf([a, ...others]), { limit: 4 }).length, 4);
});

test("positionOf finds an article in a newest-first list, and -1 for one not in it", () => {
  const list = [5, 4, 3, 2, 1].map((d) => article(d, [], []));
  list.forEach((a, i) => assert.equal(positionOf(list, a), i));
  assert.equal(positionOf(list, article(3, [], [])), -1);
});
