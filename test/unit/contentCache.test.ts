import { test } from "node:test";
import assert from "node:assert/strict";
import { readContentCached } from "../../src/publish/contentCache.ts";
import { article, makeFixtureSite, FIXTURE_NOW } from "../support/fixtureSite.ts";

const VOLODYA = "content/articles/2016/07/2016-07-10-volodya.md";

test("a file taken from the last build's record keeps that record only while its names resolve as they did", () => {
  const site = makeFixtureSite({ [VOLODYA]: article("title: Volodya speaks\ndate: 2016-07-10T10:00:00+03:00\npeople: [Volodya]") });
  try {
    const opts = { root: site.root, now: FIXTURE_NOW };
    const first = readContentCached(opts);
    const at = (read: typeof first, source: string) => read.records.findIndex((r) => r.source === source);
    assert.deepEqual(first.records[at(first, VOLODYA)]!.tags, ["person:volodya"]);

    const same = readContentCached(opts, first.records);
    assert.equal(same.read, 0, "no file read again");
    assert.ok(same.records.every((r, i) => r === first.records[i]), "every record is the last build's itself");

    // The registry now knows Volodya as Vladimir Putin: the file is the same, the story's people are not.
    site.write("content/people/vladimir-putin.md", "---\nname: Vladimir Putin\nrole: President of Russia\naliases: [Putin, Volodya]\n---\nPresident of the Russian Federation.\n");
    const renamed = readContentCached(opts, first.records);
    assert.equal(renamed.read, 0);
    const i = at(renamed, VOLODYA);
    assert.deepEqual(renamed.records[i]!.tags, ["person:vladimir-putin"]);
    assert.equal(renamed.previous[i], first.records[at(first, VOLODYA)], "linked to its last record, to compare with");
    assert.deepEqual(renamed.articles[i]!.people.map((p) => p.slug), ["vladimir-putin"]);
    assert.deepEqual(renamed.gone, [], "no file is gone");

    site.write(VOLODYA, undefined);
    const deleted = readContentCached(opts, first.records);
    assert.deepEqual(deleted.gone, [first.records[at(first, VOLODYA)]], "the deleted file's last record, for the stories taken down");
    assert.equal(at(deleted, VOLODYA), -1);
  } finally {
    site.remove();
  }
});
