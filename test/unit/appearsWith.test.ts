import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import type { Article, Tag } from "../../src/model/types.ts";
import { appearsWith } from "../../src/collections/appearsWith.ts";

const person = (slug: string, name = slug): Tag => ({ kind: "person", slug, name, aliases: [], sameAs: [], bio: "", translations: {}, digest: "" });
const putin = person("putin", "Vladimir Putin");
const kerry = person("kerry", "John Kerry");
const lavrov = person("lavrov", "Sergey Lavrov");
const obama = person("obama", "Barack Obama");

const article = (people: Tag[]): Article => ({
  source: "a.md", slug: "a", title: "A", date: DateTime.fromISO("2016-07-15T12:00:00+03:00"), people, topics: [],
  corrections: [], draft: false, scheduled: false, lang: "en", body: "", bodyLine: 1, digest: "", url: "/a/",
});
const collator = new Intl.Collator("en-GB");
const names = (t: Tag) => t.name;

test("the people most often tagged with a person come first, with how many stories they share", () => {
  const stories = [article([putin, kerry, lavrov]), article([putin, kerry]), article([putin, obama, kerry]), article([putin, lavrov])];
  const result = appearsWith(putin, stories, names, collator);
  assert.deepEqual(result.map((c) => [c.person.slug, c.count]), [["kerry", 3], ["lavrov", 2], ["obama", 1]]);
});

test("a person never appears with themselves", () => {
  const result = appearsWith(putin, [article([putin, kerry])], names, collator);
  assert.ok(result.every((c) => c.person !== putin));
});

test("people tagged together equally often are listed by name in the edition's language", () => {
  const result = appearsWith(putin, [article([putin, lavrov, obama, kerry])], names, collator);
  assert.deepEqual(result.map((c) => c.person.name), ["Barack Obama", "John Kerry", "Sergey Lavrov"]);
});

test("a person never tagged with anyone else appears with no one", () => {
  assert.deepEqual(appearsWith(putin, [article([putin]), article([putin])], names, collator), []);
});

test("the list is cut at the limit", () => {
  const many = Array.from({ length: 12 }, (_, i) => person(`p${i}`));
  assert.equal(appearsWith(putin, [article([putin, ...many])], names, collator, 5).length, 5);
});
