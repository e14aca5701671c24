import { test } from "node:test";
import assert from "node:assert/strict";
import { load, dump, CORE_SCHEMA } from "js-yaml";
import { deskConfig, missingSchemaFields, schemaFields, unknownDeskFields, articleCollection, registrySchemaFields, type DeskConfig, type DeskField } from "../../src/desk/deskConfig.ts";
import { articleFrontmatterSchema, ARTICLE_FIELDS } from "../../src/model/schema.ts";
import { splitFrontmatter } from "../../src/model/yamlFile.ts";
import { loadFixture } from "../support/fixtureSite.ts";
import { bulletinFormat } from "../../src/desk/admin/deskFormat.js";
import { robotsTxt } from "../../src/seo/sitemap.ts";

/**
 * The web desk's configuration is generated from the article schema and the registry
 * (src/desk/deskConfig.ts), and its file format (src/desk/admin/deskFormat.js) writes what
 * the schema reads: a field of the schema can never be missing from the desk, nor a key the
 * schema does not know appear in a file.
 */

const content = loadFixture({
  "content/people/john-kerry.md": "---\nname: John Kerry\naliases: [Kerry]\nnameAr: جون كيري\n---\n",
});
const backend = { repo: "agency/bulletin", branch: "main" };
const config = (): DeskConfig => deskConfig({ site: content.site, people: content.people, topics: content.topics, backend });
const fieldsOf = (c: DeskConfig) => articleCollection(c)!.fields as DeskField[];
const format = () => bulletinFormat({ load, dump, CORE_SCHEMA }, config());

test("every field of the article schema has an editor in the desk, and the desk has no field the schema does not know", () => {
  assert.deepEqual(schemaFields(content.site).sort(), [...ARTICLE_FIELDS].sort(), "ARTICLE_FIELDS lists the zod schema's keys");
  assert.deepEqual(missingSchemaFields(config(), content.site), []);
  assert.deepEqual(unknownDeskFields(config(), content.site), []);
});

test("a schema field taken out of the desk's configuration is reported as missing", () => {
  for (const field of ["dateline", "corrections", "translation"]) {
    const c = config();
    const collection = articleCollection(c)!;
    collection.fields = fieldsOf(c).filter((f) => f.name !== field);
    assert.deepEqual(missingSchemaFields(c, content.site), [field]);
  }
});

test("the desk's people and topics edit every field of their schemas, and no other", () => {
  const collections = config().cms.collections as { name: string; folder: string; format: string; fields: DeskField[] }[];
  for (const [name, kind, folder] of [["people", "person", "content/people"], ["topics", "topic", "content/topics"]] as const) {
    const collection = collections.find((c) => c.name === name)!;
    assert.equal(collection.folder, folder);
    const fields = collection.fields.map((f) => f.name).filter((n) => n !== "body");
    assert.deepEqual([...fields].sort(), registrySchemaFields(kind, content.site).sort(), name);
  }
});

test("a person saved by the desk is a registry file as written by hand", () => {
  const c = config();
  const f = bulletinFormat({ load, dump, CORE_SCHEMA }, { ...c, fieldOrder: c.registryFieldOrder, dateFields: [], singleItemLists: [] });
  const text = f.toFile({ name: "Sergey Lavrov", nameAr: "سيرغي لافروف", role: "Foreign Minister of Russia", roleAr: "", aliases: ["Lavrov"], description: "", sameAs: [], slug: "", body: "Russia's foreign minister since 2004." });
  assert.equal(text, "---\nname: Sergey Lavrov\naliases: [Lavrov]\nnameAr: سيرغي لافروف\nrole: Foreign Minister of Russia\n---\n\nRussia's foreign minister since 2004.\n");
});

test("people and topics are offered from the registry, with their aliases and names in the other editions' languages", () => {
  const people = fieldsOf(config()).find((f) => f.name === "people")!;
  assert.equal(people.widget, "bulletin-names");
  assert.deepEqual(people.registry, [
    { name: "John Kerry", aliases: ["Kerry"], translated: ["جون كيري"] },
    { name: "Vladimir Putin", aliases: ["Putin"], translated: [] },
  ]);
  const topics = fieldsOf(config()).find((f) => f.name === "topics")!;
  assert.deepEqual((topics.registry as { name: string }[]).map((t) => t.name), content.topics.registered.map((t) => t.name).sort());
});

test("a new story is a draft, dated in the bulletin's time zone, filed under content/articles/YYYY/MM/YYYY-MM-DD-<slug>", () => {
  const c = config();
  const collection = articleCollection(c)!;
  assert.equal(collection.folder, "content/articles");
  assert.equal(collection.path, "{{year}}/{{month}}/{{year}}-{{month}}-{{day}}-{{slug}}");
  const fields = fieldsOf(c);
  assert.equal(fields.find((f) => f.name === "draft")!.default, true);
  assert.equal(fields.find((f) => f.name === "date")!.time_zone, "Asia/Damascus");
  assert.equal(c.timeZone, "Asia/Damascus");
  assert.equal(collection.media_folder, "", "images go next to the story's file");
});

test("the production backend is GitHub, the repository from the environment; the local backend only when asked", () => {
  const { name, repo, branch } = config().cms.backend as Record<string, string>;
  assert.deepEqual({ name, repo, branch }, { name: "github", repo: "agency/bulletin", branch: "main" });
  assert.equal(config().cms.local_backend, undefined);
  const local = deskConfig({ site: content.site, people: content.people, topics: content.topics, backend, localBackendUrl: "http://127.0.0.1:8081/api/v1" });
  assert.deepEqual(local.cms.local_backend, { url: "http://127.0.0.1:8081/api/v1" });
});

/** What the schema makes of a file the desk wrote, and the keys it holds. */
function readBack(text: string) {
  const parsed = splitFrontmatter(text);
  assert.ok(parsed.ok, text);
  const result = articleFrontmatterSchema(content.site.timeZone, content.site.lang, ["en", "ar"]).safeParse(parsed.file.data);
  assert.ok(result.success, `${text}\n${result.success ? "" : result.error.message}`);
  return { data: parsed.file.data, body: parsed.file.body };
}

test("a story saved by the desk holds the contract's keys only, dates with the bulletin's offset of that day", () => {
  const text = format().toFile({
    lang: "en", title: "Talks: a headline with a colon", date: "2016-07-16T00:30Z", dateline: "Damascus", summary: "",
    people: ["Vladimir Putin", "John Kerry"], topics: ["Syria"], author: "", image: [],
    corrections: [{ date: "2016-12-01T09:00Z", text: "An earlier version misnamed the minister." }],
    updated: "", translation: "", draft: true, body: "The talks went on.\n",
  });
  const { data, body } = readBack(text);
  assert.deepEqual(Object.keys(data), ["title", "date", "dateline", "people", "topics", "corrections", "draft", "lang"]);
  assert.equal(data.date, "2016-07-16T00:30:00+03:00", "summer time in Damascus, 2016");
  assert.deepEqual(data.corrections, [{ date: "2016-12-01T09:00:00+02:00", text: "An earlier version misnamed the minister." }], "winter time");
  assert.equal(data.title, "Talks: a headline with a colon");
  assert.match(text, /^people: \[Vladimir Putin, John Kerry\]$/m, "names as writers write them");
  assert.equal(body.trim(), "The talks went on.");
});

test("a writer's file reads into the form as the bulletin's wall clock, whatever offset it was written with", () => {
  const f = format();
  const read = (date: string) => f.fromFile(`---\ntitle: A story\ndate: ${date}\n---\nText.\n`).date;
  assert.equal(read("2016-07-15T00:30:00+03:00"), "2016-07-15T00:30Z");
  assert.equal(read("2016-07-14T21:30:00Z"), "2016-07-15T00:30Z");
  assert.equal(read("2016-07-15 14:20"), "2016-07-15T14:20Z", "no offset: the bulletin's own time");
});

test("an image is an object in the file and a list of one in the form; a story read and saved again keeps its meaning", () => {
  const f = format();
  const file = "---\ntitle: \"Putin to Kerry: progress\"\ndate: 2016-07-15T17:40:00+03:00\nimage: { src: talks.jpg, alt: Putin and Kerry, credit: SANA }\ncorrections:\n  - { date: 2016-07-16T09:00:00+03:00, text: Fixed. }\ntranslation: putin-kerry\nlang: en\n---\n## Talks\n\nText.\n";
  const form = f.fromFile(file);
  assert.deepEqual(form.image, [{ src: "talks.jpg", alt: "Putin and Kerry", credit: "SANA" }]);
  const again = readBack(f.toFile(form)).data;
  const before = readBack(file).data;
  assert.deepEqual(again, before);
});

test("robots.txt keeps crawlers out of the web desk", () => {
  assert.match(robotsTxt("https://bulletin.test"), /^Disallow: \/admin\/$/m);
});

test("a live story's `live:` and `breaking:` round-trip through the desk: booleans stay booleans, times keep the bulletin's offset", () => {
  const f = format();
  const file = "---\ntitle: Talks, live\ndate: 2016-07-15T13:00:00+03:00\nbreaking: 2016-07-15T19:00:00+03:00\nlive: true\nlang: en\n---\n## 13:10 Talks begin\n\nText.\n";
  const form = f.fromFile(file);
  assert.equal(form.live, "true", "the text field shows what the file says");
  assert.equal(form.breaking, "2016-07-15T19:00Z", "the bulletin's wall clock");
  const saved = f.toFile({ ...form, live: "false" });
  assert.match(saved, /^live: false$/m, "a YAML boolean, not the text 'false'");
  assert.match(saved, /^breaking: 2016-07-15T19:00:00\+03:00$/m);
  const parsed = articleFrontmatterSchema(content.site.timeZone, content.site.lang, ["en", "ar"]).safeParse(readBack(saved).data);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  assert.equal(readBack(f.toFile({ ...form, live: "2016-07-15T20:00:00+03:00" })).data.live, "2016-07-15T20:00:00+03:00");
});
