import { test } from "node:test";
import assert from "node:assert/strict";
import { buildBulletin, type Edition } from "../../src/collections/editions.ts";
import { loadFixture, article } from "../support/fixtureSite.ts";

/**
 * The basic fixture (three articles: two at 00:30 on 15 July 2016, one on 30 June) plus a
 * morning story on the 15th, a New Year's Eve story filed in UTC that is already 2016 in
 * Damascus, and a draft. articlesPerPage is 2.
 */
function edition(): Edition {
  const content = loadFixture({
    "content/articles/2016/07/morning.md": article("title: Morning\ndate: 2016-07-15T09:00:00+03:00\npeople: [Vladimir Putin, Sergey Lavrov]\ntopics: [Syria]"),
    "content/articles/2015/12/new-year.md": article("title: New Year\ndate: 2015-12-31T23:30:00Z\ntopics: [Counterterrorism]"),
    "content/articles/2016/07/draft.md": article("title: Draft\ndate: 2016-07-15T10:00:00+03:00\ndraft: true\npeople: [Draft Person]\ntopics: [Syria]"),
  });
  assert.deepEqual(content.problems, []);
  return buildBulletin(content).edition("en");
}

const slugs = (articles: { slug: string }[]) => articles.map((a) => a.slug);

test("the edition lists articles newest first; equal times fall back to URL order", () => {
  assert.deepEqual(slugs(edition().articles), ["morning", "same-instant-in-utc", "talks-after-midnight", "earlier-story", "new-year"]);
});

test("the home page is paginated at articlesPerPage from the oldest, the newest on the front", () => {
  const home = edition().home;
  assert.deepEqual(home.map((p) => p.url), ["/", "/page/1/"]);
  assert.deepEqual(home.map((p) => slugs(p.items)), [["morning", "same-instant-in-utc", "talks-after-midnight"], ["earlier-story", "new-year"]]);
});

test("a person's listing holds their articles newest first, at their URL", () => {
  const putin = edition().listing("person", "vladimir-putin");
  assert.ok(putin);
  assert.equal(putin.name, "Vladimir Putin");
  assert.equal(putin.url, "/people/vladimir-putin/");
  assert.equal(putin.feedUrl, "/people/vladimir-putin/feed.xml");
  assert.deepEqual(slugs(putin.articles), ["morning", "same-instant-in-utc", "talks-after-midnight", "earlier-story"]);
  assert.deepEqual(putin.pages.map((p) => p.url), ["/people/vladimir-putin/"], "four articles at two a page: all on the front");
});

test("a topic's listing holds its articles newest first", () => {
  const syria = edition().listing("topic", "syria");
  assert.deepEqual(slugs(syria?.articles ?? []), ["morning", "same-instant-in-utc", "talks-after-midnight"]);
});

test("people and topics are listed alphabetically, only when they have published articles", () => {
  const e = edition();
  assert.deepEqual(e.people.map((l) => l.name), ["John Kerry", "Sergey Lavrov", "Vladimir Putin"]);
  assert.deepEqual(e.topics.map((l) => l.name), ["Counterterrorism", "Syria"]);
});

test("a draft never reaches a listing, an archive or the home page", () => {
  const e = edition();
  const everywhere = [...e.articles, ...e.home.flatMap((p) => p.items), ...e.people.flatMap((l) => l.articles), ...e.topics.flatMap((l) => l.articles), ...e.days.flatMap((d) => d.articles)];
  assert.equal(everywhere.some((a) => a.slug === "draft"), false);
  assert.equal(e.listing("person", "draft-person"), undefined);
});

test("days are newest first, and a day's articles run in the order they were filed", () => {
  const e = edition();
  assert.deepEqual(e.days.map((d) => d.url), ["/2016/07/15/", "/2016/06/30/", "/2016/01/01/"]);
  assert.deepEqual(slugs(e.days[0]!.articles), ["talks-after-midnight", "same-instant-in-utc", "morning"]);
});

test("a story filed at 23:30 UTC on New Year's Eve is in the next year's archive in Damascus", () => {
  const e = edition();
  const newYear = e.articles.find((a) => a.slug === "new-year");
  assert.equal(newYear?.url, "/2016/01/01/new-year/");
  assert.deepEqual(e.years.map((y) => y.url), ["/2016/"]);
});

test("months group their days and years group their months, newest first", () => {
  const e = edition();
  assert.deepEqual(e.months.map((m) => [m.url, m.days.map((d) => d.url)]), [
    ["/2016/07/", ["/2016/07/15/"]],
    ["/2016/06/", ["/2016/06/30/"]],
    ["/2016/01/", ["/2016/01/01/"]],
  ]);
  assert.deepEqual(e.years[0]!.months.map((m) => m.url), ["/2016/07/", "/2016/06/", "/2016/01/"]);
});

test("an article's neighbours are the articles filed just before and after it", () => {
  const e = edition();
  const [morning, sameInstant, , earlier, newYear] = e.articles;
  assert.deepEqual(e.neighbours(morning!), { newer: undefined, older: sameInstant });
  assert.deepEqual(e.neighbours(earlier!), { newer: e.articles[2], older: newYear });
  assert.deepEqual(e.neighbours(newYear!), { newer: earlier, older: undefined });
});

test("related stories are recalled from the last build only when none of them left the edition and the article is not stale", () => {
  const content = loadFixture({
    "content/articles/2016/07/morning.md": article("title: Morning\ndate: 2016-07-15T09:00:00+03:00\npeople: [Vladimir Putin, Sergey Lavrov]\ntopics: [Syria]"),
  });
  const [first, second] = content.articles;
  const remembered = ["content/articles/gone.md"];
  const withMemory = (stale: string[], gone: string[]) =>
    buildBulletin(content, { related: { previous: (a) => (a === first ? remembered : undefined), stale: () => new Set(stale), gone: () => new Set(gone) } }).edition("en");

  assert.equal(withMemory([], []).relatedMayDiffer(first!), false, "the last build's list stands");
  assert.equal(withMemory([], remembered).relatedMayDiffer(first!), true, "a story it names left the edition");
  assert.equal(withMemory([first!.source], []).relatedMayDiffer(first!), true, "the article is near a change");
  assert.equal(withMemory([], []).relatedMayDiffer(second!), true, "the last build had no list for it");
  assert.equal(buildBulletin(content).edition("en").relatedMayDiffer(first!), true, "no memory: every list is made");
});
