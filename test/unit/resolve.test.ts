import { test } from "node:test";
import assert from "node:assert/strict";
import { loadContent, type Content } from "../../src/model/loadContent.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { likelySlips, Registry } from "../../src/model/registry.ts";
import type { Tag } from "../../src/model/types.ts";
import { copyDesk, DESK_NOW } from "../fixtures/writers/deskSite.ts";

/** Name resolution as writers meet it: one entry per name, typos caught, collisions named. */

function load(files: Record<string, string>): Content {
  const site = copyDesk(files);
  try {
    return loadContent({ root: site.root, now: DESK_NOW });
  } finally {
    site.remove();
  }
}
const reported = (files: Record<string, string>) => load(files).problems.map(formatProblem);
const story = (fm: string) => `---\ntitle: A story\ndate: 2016-07-20T10:00:00+03:00\n${fm}\n---\nBody.\n`;
const NEW = "content/articles/2016/07/2016-07-20-a-story.md";

function registryOf(kind: Tag["kind"], names: string[]): Registry {
  const registry = new Registry(kind);
  names.forEach((name, i) => registry.register({ kind, slug: `entry-${i}`, name, aliases: [], sameAs: [], bio: "", translations: {}, digest: "", source: `content/x/${i}.md` }));
  return registry;
}

test("a misspelt registered name fails with the suggestion, on the line of the name", () => {
  assert.deepEqual(reported({ [NEW]: story("people:\n  - Vladimir Putn\n  - Vladimir Putin") }), [
    `${NEW}:5: people: "Vladimir Putn" — did you mean "Vladimir Putin"?`,
  ]);
});

test("a misspelt alias or topic is suggested too, and two swapped letters count as one slip", () => {
  assert.deepEqual(reported({ [NEW]: story("people: [Presdient Putin]\ntopics: [Syira]") }), [
    `${NEW}:4: people: "Presdient Putin" — did you mean "President Putin"?`,
    `${NEW}:5: topics: "Syira" — did you mean "Syria"?`,
  ]);
});

test("the same typo in many stories is reported in each, with each file's line", () => {
  const other = "content/articles/2016/07/2016-07-21-another.md";
  const lines = reported({ [NEW]: story("people: [Vladimir Putn]"), [other]: story("topics: [Syria]\npeople: [Vladimir Putn]") });
  assert.deepEqual(lines.map((l) => l.replace(/: people.*/, "")), [`${NEW}:4`, `${other}:5`]);
});

const different: [registered: string, written: string, why: string][] = [
  ["Iran", "Iraq", "short names one letter apart are different places"],
  ["محمد", "محمود", "Arabic is written without vowels: one letter is a different name"],
  ["Resolution 2254", "Resolution 2253", "different numbers are different things"],
  ["Maria Petrova", "Rania Petrova", "two slips in a short name is another name"],
  ["Bashar Makhlouf", "Bassam Makhlouf", "two slips in a short name is another name"],
];

for (const [registered, written, why] of different) {
  test(`"${written}" is not taken for a typo of "${registered}": ${why}`, () => {
    assert.equal(registryOf("person", [registered]).suggest(written), undefined);
  });
}

test("one slip in a name of five letters or more is suggested, so a writer who means another name registers it", () => {
  // "Ahmad Saddad" may be a real person: the error says so by naming the near miss, and a
  // registry entry for him (content/people/ahmad-saddad.md) ends the error.
  const [registered, written] = ["Ahmad Haddad", "Ahmad Saddad"];
  const registry = registryOf("person", [registered]);
  assert.equal(registry.suggest(written), registered);
  registry.register({ kind: "person", slug: "ahmad-saddad", name: written, aliases: [], sameAs: [], bio: "", translations: {}, digest: "", source: "content/people/ahmad-saddad.md" });
  assert.equal(registry.resolve(written).tag.source, "content/people/ahmad-saddad.md");
});

test("names that differ only by case, accents, spacing or Unicode form resolve to one entry", () => {
  const registry = registryOf("person", ["José Martínez"]);
  const variants = ["josé martínez", "JOSE MARTINEZ", "  José   Martínez ", "Jose\u0301 Marti\u0301nez", "José Martínez".normalize("NFD")];
  for (const v of variants) assert.equal(registry.resolve(v).tag.slug, "entry-0", JSON.stringify(v));
  const unknown = new Registry("topic");
  const first = unknown.resolve("Nice attack").tag;
  assert.equal(unknown.resolve("NICE  ATTACK").tag, first);
  assert.equal(unknown.resolve("Nicé attack").tag, first);
});

test("a name without letters or digits still gets a page with a non-empty slug", () => {
  const tag = new Registry("topic").resolve("☮").tag;
  assert.ok(tag.slug.length > 0);
  assert.notEqual(tag.slug, "-");
});

// Registry files are read in path order, so the second file of a pair is the one reported.
test("two registry entries answering to the same name are an error naming both files", () => {
  assert.deepEqual(reported({ "content/people/putin-again.md": "---\nname: VLADIMIR PUTIN\n---\n" }), [
    `content/people/vladimir-putin.md:2: "Vladimir Putin" already belongs to content/people/putin-again.md ("VLADIMIR PUTIN"): a name, alias or slug may name only one person`,
  ]);
});

test("an alias that is another entry's alias is an error on the alias's line, naming both files", () => {
  assert.deepEqual(reported({ "content/topics/levant.md": "---\nname: Levant\naliases: [syrian arab republic]\n---\n" }), [
    `content/topics/syria.md:4: "Syrian Arab Republic" already belongs to content/topics/levant.md ("Levant"): a name, alias or slug may name only one topic`,
  ]);
});

test("two entries with the same explicit slug are an error on the slug's line, naming both files", () => {
  assert.deepEqual(reported({ "content/topics/golan-heights.md": "---\nname: Golan Heights\nslug: الجولان\n---\n" }), [
    `content/topics/golan.md:3: "الجولان" already belongs to content/topics/golan-heights.md ("Golan Heights"): a name, alias or slug may name only one topic`,
  ]);
});

test("a registry slug with no letters or digits is an error on the slug's line", () => {
  assert.deepEqual(reported({ "content/people/nobody.md": "---\nname: Nobody\nslug: \"!!!\"\n---\n" }), [
    "content/people/nobody.md:3: the slug is empty: give the entry a `slug:` made of letters or digits",
  ]);
});

test("two articles with the same URL are an error naming both files", () => {
  const twin = "content/articles/elsewhere/talks-in-moscow.md";
  const lines = reported({ [twin]: "---\ntitle: Talks again\ndate: 2016-07-15T18:00:00+03:00\n---\nBody.\n" });
  assert.equal(lines.length, 1);
  assert.ok(lines[0]!.includes("content/articles/2016/07/2016-07-15-talks-in-moscow.md"), lines[0]);
  assert.ok(lines[0]!.includes(twin), lines[0]);
  assert.ok(lines[0]!.includes("/2016/07/15/talks-in-moscow/"), "the message names the URL they share");
});

test("a UTC date that is already the next day in the bulletin's zone collides on that day's URL", () => {
  const twin = "content/articles/2016/07/2016-07-14-talks-in-moscow.md";
  const lines = reported({ [twin]: "---\ntitle: Talks\ndate: 2016-07-14T22:00:00Z\n---\nBody.\n" });
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /same URL \/2016\/07\/15\/talks-in-moscow\//);
});

test("an article file name without letters or digits is an error naming the file", () => {
  const file = "content/articles/2016/07/2016-07-20-!!!.md";
  assert.deepEqual(reported({ [file]: story("") }).map((l) => l.split(": ")[0]), [file]);
});

test("likelySlips finds exactly the pairs the typo rules would suggest both ways, without comparing every pair", () => {
  const names = [
    "Bashar al-Assad", "Bashar al-Asad", "Bashar al-Asasd", "Iran", "Iraq", "Ahmad Haddad", "Ahmad Saddad", "Ahmad Hadad",
    "Resolution 2254", "Resolution 2253", "Resolutoin 2254", "محمد", "محمود", "عبد الرحمن الحلبي", "عبد الرحمن الحلب",
    "United Nations Security Council", "United Nation Security Councel", "United Nations Securty Council", "Maria Petrova", "Rania Petrova",
  ];
  const expected: [number, number][] = [];
  for (let j = 0; j < names.length; j++) {
    for (let i = 0; i < j; i++) {
      if (registryOf("person", [names[i]!]).suggest(names[j]!) && registryOf("person", [names[j]!]).suggest(names[i]!)) expected.push([i, j]);
    }
  }
  assert.ok(expected.length >= 6, "the list has slips of every kind to find");
  assert.deepEqual(likelySlips(names), expected);
});
