import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { article, makeFixtureSite } from "../support/fixtureSite.ts";
import { loadContent, type Content } from "../../src/model/loadContent.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { Site } from "../../src/site/Site.ts";
import { fingerprint } from "../../src/site/fingerprints.ts";
import { renderPage } from "../../src/site/render.ts";
import { frontPageStories } from "../../src/collections/frontPage.ts";
import type { Article } from "../../src/model/types.ts";
import type { Page } from "../../src/pages/pageTypes.ts";

/**
 * The newsroom's page (issue 13): the edited front page (content/frontpage.yaml), breaking
 * news, live stories and the day's email, on small fixture sites at chosen build clocks.
 * Every clock-dependent outcome is checked on both sides of its time, and so is what the
 * pages read: a page whose print changes with the clock must read differently then.
 */

const LIVE = "content/articles/2016/07/2016-07-15-live.md";
const LIVE_URL = "/2016/07/15/live/";
const MIDNIGHT = "/2016/07/15/talks-after-midnight/";
const UTC = "/2016/07/15/same-instant-in-utc/";
const EARLIER = "/2016/06/30/earlier-story/";

/** The basic fixture with `files` written over it, loaded as the build would at `now` (Damascus time). */
function load(files: Record<string, string | undefined>, now: string, opts: { preview?: boolean } = {}): Content {
  const site = makeFixtureSite(files);
  const cwd = process.cwd();
  try {
    process.chdir(site.root);
    return loadContent({ root: site.root, now: DateTime.fromISO(now, { zone: "Asia/Damascus" }), preview: opts.preview });
  } finally {
    process.chdir(cwd);
    site.remove();
  }
}

const errors = (content: Content) => content.problems.filter((p) => p.severity === "error").map(formatProblem);
const liveStory = (front: string, body: string) => article(`title: Talks live\ndate: 2016-07-15T13:00:00+03:00\ndateline: Moscow\n${front}`, body);
const GOOD_LIVE = liveStory("live: 2016-07-15T20:00:00+03:00\nbreaking: 2016-07-15T19:00:00+03:00", [
  "The talks, as they happen.",
  "",
  "## 13:10 Kremlin speaks",
  "",
  "The Kremlin said the talks were useful.",
  "",
  "## 17:40",
  "",
  "Putin hopes for progress.",
  "",
  "### A subhead inside the update",
  "",
  "More text.",
].join("\n"));

const pageAt = (site: Site, url: string): Page => {
  const page = [...site.pages()].find((p) => p.url === url);
  assert.ok(page, `a page at ${url}`);
  return page;
};

test("a live story's ## headings are its updates, oldest first in the file, each with its time, words and a stable anchor", () => {
  const content = load({ [LIVE]: GOOD_LIVE }, "2016-07-15T18:00:00+03:00");
  assert.deepEqual(errors(content), []);
  const live = content.articles.find((a) => a.url === LIVE_URL)!.live!;
  assert.deepEqual(live.updates.map((u) => [u.date.toFormat("HH:mm"), u.title, u.id, u.line]), [
    ["13:10", "Kremlin speaks", "update-2016-07-15-1310", 10],
    ["17:40", undefined, "update-2016-07-15-1740", 14],
  ]);
  assert.equal(live.intro, "The talks, as they happen.");
  assert.match(live.updates[1]!.body, /### A subhead inside the update/);
  assert.equal(live.lastUpdate.toISO(), "2016-07-15T17:40:00.000+03:00");
  assert.equal(live.open, true);
});

test("a live story closes at its end time, judged at the build's clock, or at once with live: false", () => {
  assert.equal(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T19:59:00+03:00").articles.find((a) => a.live)!.live!.open, true);
  const after = load({ [LIVE]: GOOD_LIVE }, "2016-07-15T20:00:00+03:00").articles.find((a) => a.live)!.live!;
  assert.equal(after.open, false);
  assert.equal(after.end?.toISO(), "2016-07-15T20:00:00.000+03:00");
  const closed = load({ [LIVE]: liveStory("live: false", "## 13:10\n\nOne.\n\n## 14:00\n\nTwo.") }, "2016-07-15T13:30:00+03:00").articles.find((a) => a.live)!.live!;
  assert.equal(closed.open, false);
  assert.equal(closed.end?.toFormat("HH:mm"), "14:00", "a story closed with false ends at its last update");
});

test("an Arabic desk may type the update's time in Arabic-Indic digits, and a later day once, above the updates of that day", () => {
  const content = load({ [LIVE]: liveStory("live: true", "## ١٣:١٠ الكرملين\n\nنص.\n\n## 2016-07-16 00:30 بعد منتصف الليل\n\nنص.\n\n## 09:00\n\nنص.") }, "2016-07-17T00:00:00+03:00");
  assert.deepEqual(errors(content), []);
  assert.deepEqual(content.articles.find((a) => a.live)!.live!.updates.map((u) => u.date.toFormat("yyyy-MM-dd HH:mm")), ["2016-07-15 13:10", "2016-07-16 00:30", "2016-07-16 09:00"]);
});

test("bad live updates are errors on their own lines: no time, a time that does not exist, out of order, before the story, after the end", () => {
  // The frontmatter takes lines 1 to 6 (title, date, dateline, live): the body starts on line 7.
  const body = [
    "Intro.",                     // line 7
    "",
    "## 13:30 First",             // 9
    "",
    "## Reaction in Moscow",      // 11: no time
    "",
    "## 25:10 Late",              // 13: no such hour
    "",
    "## 13:20 Earlier",           // 15: before 13:30 above
    "",
    "```",
    "## 09:00 inside a code block is text, not an update",
    "```",
    "## 21:00 After the end",     // 20: after live's end
  ].join("\n");
  const content = load({ [LIVE]: liveStory("live: 2016-07-15T20:00:00+03:00", body) }, "2016-07-15T18:00:00+03:00");
  assert.deepEqual(errors(content), [
    `${LIVE}:11: live: the update "## Reaction in Moscow" has no time: in a live story every ## heading is an update and starts with its time, such as "## 14:05 Reaction in Moscow" (a subhead inside an update is ###)`,
    `${LIVE}:13: live: the update's time "25:10" is not a real time: there is no hour 25 (hours run from 00 to 23)`,
    `${LIVE}:15: live: updates run oldest first, each below the one before it, but 13:20 is earlier than the update above it (13:30, line 9): move it up, or check its time`,
    `${LIVE}:20: live: the update at 21:00 is after the coverage ended (live: 2016-07-15 20:00): move the end later, or check the time`,
  ]);
  const before = load({ [LIVE]: liveStory("live: true", "## 12:00 Too early\n\nText.") }, "2016-07-15T18:00:00+03:00");
  assert.deepEqual(errors(before), [`${LIVE}:7: live: the update at 12:00 is dated before the story (date: 2016-07-15 13:00): check the time, or the story's date`]);
});

test("breaking: and live: refuse what would make no sense, on their lines", () => {
  const file = (name: string) => `content/articles/2016/07/2016-07-15-${name}.md`;
  const content = load({
    [file("for-ever")]: article("title: A\ndate: 2016-07-15T13:00:00+03:00\nbreaking: true"),
    [file("too-soon")]: article("title: B\ndate: 2016-07-15T13:00:00+03:00\nbreaking: 2016-07-15T12:00:00+03:00"),
    [file("ended-before")]: article("title: C\ndate: 2016-07-15T13:00:00+03:00\nlive: 2016-07-15T12:00:00+03:00"),
    [file("maybe")]: article("title: D\ndate: 2016-07-15T13:00:00+03:00\nlive: maybe"),
  }, "2016-07-15T18:00:00+03:00");
  assert.deepEqual(errors(content), [
    `${file("ended-before")}:4: live: the coverage would end before the story is published: give a time after \`date\`, or \`false\` to close it`,
    `${file("for-ever")}:4: breaking: give the time the breaking banner comes down, such as \`breaking: 2016-07-15T21:00:00+03:00\`: a banner on every page needs an end`,
    `${file("maybe")}:4: live: "maybe" is not an ISO 8601 date such as 2016-07-15T14:20:00+03:00; or write true (the story is live) or false (closed)`,
    `${file("too-soon")}:4: breaking: the banner would come down before the story is published: give a time after \`date\``,
  ]);
});

test("the breaking banner is on every HTML page of its edition until its time, and what every page reads changes when it comes down", async () => {
  const during = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T18:59:00+03:00"));
  const later = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T19:01:00+03:00"));
  assert.equal(during.editions[0]!.breaking?.url, LIVE_URL);
  assert.equal(later.editions[0]!.breaking, undefined);
  for (const url of ["/", EARLIER, "/people/vladimir-putin/", "/2016/06/", "/search/", "/404.html"]) {
    const html = await renderPage(pageAt(during, url), during);
    assert.match(html, /<aside class="breaking-banner" aria-label="Breaking news"><p><strong class="breaking-label">Breaking<\/strong> <a href="\/2016\/07\/15\/live\/"/, url);
    assert.doesNotMatch(await renderPage(pageAt(later, url), later), /breaking-banner/, url);
    assert.notEqual(fingerprint(pageAt(during, url), during), fingerprint(pageAt(later, url), later), `${url} reads the banner`);
  }
  // Before and after, within the same state, nothing changes: pages are not re-rendered for nothing.
  const earlier = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T18:00:00+03:00"));
  assert.equal(fingerprint(pageAt(earlier, EARLIER), earlier), fingerprint(pageAt(during, EARLIER), during));
});

test("a live story's page lists its updates newest first with their anchors and a Live label while open; its listings show the last update", async () => {
  const open = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T18:00:00+03:00"));
  const html = await renderPage(pageAt(open, LIVE_URL), open);
  const ids = [...html.matchAll(/<li class="live-update" id="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(ids, ["update-2016-07-15-1740", "update-2016-07-15-1310"]);
  assert.match(html, /<a class="live-update-time" href="#update-2016-07-15-1740"><time datetime="2016-07-15T17:40:00\+03:00">17:40<\/time><\/a>/);
  assert.match(html, /<p class="badge live-badge">Live<\/p>/);
  assert.match(html, /Last update <time datetime="2016-07-15T17:40:00\+03:00">/);
  const closed = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T21:00:00+03:00"));
  const after = await renderPage(pageAt(closed, LIVE_URL), closed);
  assert.doesNotMatch(after, /live-badge/);
  assert.match(after, /Live coverage has ended/);
  assert.notEqual(fingerprint(pageAt(open, "/2016/07/15/"), open), fingerprint(pageAt(closed, "/2016/07/15/"), closed), "the day page shows the label too");
  assert.match(await renderPage(pageAt(open, "/2016/07/15/"), open), /<span class="badge live-badge">Live<\/span>Last update <time datetime="2016-07-15T17:40:00\+03:00"/);
});

test("a live story is a LiveBlogPosting with its coverage times and an update per ## heading; feeds and sitemaps date it by its last update", async () => {
  const site = new Site(load({ [LIVE]: GOOD_LIVE }, "2016-07-15T18:00:00+03:00"));
  const html = await renderPage(pageAt(site, LIVE_URL), site);
  const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!;
  const blog = (JSON.parse(json) as { "@graph": Record<string, unknown>[] })["@graph"].find((n) => n["@type"] === "LiveBlogPosting")!;
  assert.equal(blog.coverageStartTime, "2016-07-15T13:00:00+03:00");
  assert.equal(blog.coverageEndTime, "2016-07-15T20:00:00+03:00");
  assert.equal(blog.dateModified, "2016-07-15T17:40:00+03:00");
  assert.deepEqual(blog.liveBlogUpdate, [
    { "@type": "BlogPosting", headline: "Putin hopes for progress.", articleBody: "Putin hopes for progress. A subhead inside the update More text.", datePublished: "2016-07-15T17:40:00+03:00", url: "https://bulletin.test/2016/07/15/live/#update-2016-07-15-1740" },
    { "@type": "BlogPosting", headline: "Kremlin speaks", articleBody: "The Kremlin said the talks were useful.", datePublished: "2016-07-15T13:10:00+03:00", url: "https://bulletin.test/2016/07/15/live/#update-2016-07-15-1310" },
  ]);
  const atom = await renderPage(pageAt(site, "/feed.xml"), site);
  assert.match(atom, /<id>https:\/\/bulletin\.test\/2016\/07\/15\/live\/<\/id>\s*<published>2016-07-15T13:00:00\+03:00<\/published>\s*<updated>2016-07-15T17:40:00\+03:00<\/updated>/);
  assert.match(await renderPage(pageAt(site, "/sitemap.xml"), site), /<loc>https:\/\/bulletin\.test\/2016\/07\/15\/live\/<\/loc>\s*<lastmod>2016-07-15T17:40:00\+03:00<\/lastmod>/);
});

const picks = (yaml: string) => ({ "content/frontpage.yaml": yaml });

test("the desk's picks lead the front page, top stories next, then the rest newest first, each story once", () => {
  const content = load(picks(`en:\n  lead: ${EARLIER}\n  top:\n    - 2016-07-15-same-instant-in-utc.md\n    - { story: talks-after-midnight }\n`), "2016-07-20T00:00:00+03:00");
  assert.deepEqual(errors(content), []);
  const front = new Site(content).editions[0]!.front;
  assert.deepEqual([front.lead?.url, front.top.map((a) => a.url), front.river.map((a) => a.url)], [EARLIER, [UTC, MIDNIGHT], []]);
  // The pure function: no story twice, whatever the picks.
  const [a, b, c] = content.articles as [Article, Article, Article];
  const stories = frontPageStories([a, b, c], { lead: b, top: [b, c] });
  assert.deepEqual([stories.lead, stories.top, stories.river], [b, [c], [a]]);
  assert.deepEqual(frontPageStories([a, b, c]), { lead: a, top: [], river: [b, c] }, "without picks: newest first");
});

test("a pick lapses at its until: the front page falls back to newest first, and the home page reads the change", () => {
  const yaml = picks(`en:\n  lead: { story: earlier-story, until: 2016-07-20T12:00:00+03:00 }\n`);
  const before = new Site(load(yaml, "2016-07-20T11:59:00+03:00"));
  const after = new Site(load(yaml, "2016-07-20T12:00:00+03:00"));
  assert.equal(before.editions[0]!.front.lead?.url, EARLIER);
  // The two newest stories were filed at the same instant: the URL decides, as in every listing.
  assert.equal(after.editions[0]!.front.lead?.url, UTC, "the newest story leads again");
  assert.notEqual(fingerprint(pageAt(before, "/"), before), fingerprint(pageAt(after, "/"), after));
  assert.equal(fingerprint(pageAt(after, EARLIER), after), fingerprint(pageAt(before, EARLIER), before), "the story's own page does not change");
});

test("an unknown, unpublished or misplaced story in the picks is an error on its line, a near miss with a suggestion", () => {
  const content = load({
    ...picks([
      "en:",
      "  lead: talks-after-midnigt",                       // 2: a slip
      "  top:",
      "    - no-such-story",                                // 4
      "    - story: a-draft",                               // 5
      "    - a-scheduled-story",                            // 6
      "    - { story: arabic-story, until: 2016-13-01 }",   // 7: a bad until
      "    - arabic-story",                                 // 8: the other edition
      "fr:",                                              // 9
      "  lead: x",
    ].join("\n")),
    "content/articles/2016/07/2016-07-16-a-draft.md": article("title: A draft\ndate: 2016-07-16T10:00:00+03:00\ndraft: true"),
    "content/articles/2016/07/2016-07-16-a-scheduled-story.md": article("title: Later\ndate: 2030-01-01T10:00:00+03:00"),
    "content/articles/2016/07/2016-07-16-arabic-story.md": article("title: خبر\ndate: 2016-07-16T10:00:00+03:00\nlang: ar"),
  }, "2016-07-20T00:00:00+03:00");
  assert.deepEqual(errors(content), [
    'content/frontpage.yaml:2: en.lead: no story "talks-after-midnigt" — did you mean "talks-after-midnight" (content/articles/2016/07/2016-07-15-talks-after-midnight.md)?',
    'content/frontpage.yaml:4: en.top.0: no story "no-such-story" is published: name it by its file name (2016-07-15-slug.md), its slug or its address (/2016/07/15/slug/)',
    "content/frontpage.yaml:5: en.top.1: content/articles/2016/07/2016-07-16-a-draft.md is a draft, so it is not published: publish it (remove `draft: true`) or pick another story",
    "content/frontpage.yaml:6: en.top.2: content/articles/2016/07/2016-07-16-a-scheduled-story.md is scheduled for 2030-01-01 10:00 and not published yet: pick it once it is",
    'content/frontpage.yaml:7: en.top.3.until: "2016-13-01" is not a real date: there is no month 13 (months run from 01 to 12)',
    'content/frontpage.yaml:8: en.top.4: content/articles/2016/07/2016-07-16-arabic-story.md is in the "ar" edition, not "en": pick it under ar:',
    'content/frontpage.yaml:9: "fr" is not an edition: the front pages are en:, ar:',
  ]);
});

test("the front page's masthead dates the bulletin by its newest day, in the edition's language and digits; other pages do not", async () => {
  const site = new Site(load({ "content/articles/2016/07/2016-07-16-ar.md": article("title: خبر\ndate: 2016-07-16T10:00:00+03:00\nlang: ar") }, "2016-07-20T00:00:00+03:00"));
  // On every page, the first story of each day would rewrite every page of the edition.
  assert.doesNotMatch(await renderPage(pageAt(site, EARLIER), site), /masthead-date/);
  assert.match(await renderPage(pageAt(site, "/"), site), /<p class="masthead-date"><a href="\/2016\/07\/15\/"><time datetime="2016-07-15">Friday, 15 July 2016<\/time><\/a><\/p>/);
  assert.match(await renderPage(pageAt(site, "/ar/"), site), /<p class="masthead-date"><a href="\/ar\/2016\/07\/16\/"><time datetime="2016-07-16">السبت، ١٦ تموز ٢٠١٦<\/time><\/a><\/p>/);
});

test("each day has an email edition: styles inlined, one column of 600 px at most, absolute links, and a plain-text part; Arabic right to left", async () => {
  const site = new Site(load({
    [LIVE]: GOOD_LIVE,
    "content/articles/2016/07/2016-07-15-ar.md": article("title: خبر <عاجل> & مهم\ndate: 2016-07-15T10:00:00+03:00\nlang: ar\ndateline: دمشق", "نص الخبر."),
  }, "2016-07-15T18:00:00+03:00"));
  const html = await renderPage(pageAt(site, "/2016/07/15/email.html"), site);
  assert.match(html, /^<!doctype html>\s*<html lang="en" dir="ltr">/i);
  assert.doesNotMatch(html, /<link[^>]+stylesheet/);
  // Only the small-screen media query stays in a <style>: every other rule is in the elements.
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!.trim());
  assert.equal(styles.length, 1);
  assert.ok(styles[0]!.startsWith("@media (max-width: 480px) {") && styles[0]!.endsWith("}") && !/}\s*[.a-z]/.test(styles[0]!.replace(/@media[^{]+\{([\s\S]*)\}$/, "")), styles[0]);
  const column = html.match(/<div class="email email-en"[^>]*>/)?.[0] ?? "";
  assert.match(column, / lang="en"/);
  assert.match(column, / dir="ltr"/);
  assert.match(column, / style="max-width: 600px;\s*margin: 0 auto;/);
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(hrefs.length >= 4 && hrefs.every((h) => h.startsWith("https://bulletin.test/")), hrefs.join(" "));
  const stories = [...html.matchAll(/<h2[^>]*><a href="([^"]+)"/g)].map((m) => m[1]!.slice("https://bulletin.test".length));
  assert.deepEqual([...stories].sort(), [LIVE_URL, UTC, MIDNIGHT].sort(), "every story of the day");
  assert.equal(stories.at(-1), LIVE_URL, "in the order filed");
  assert.match(html, /<span class="email-live"[^>]*>Live<\/span> · Moscow · Last update 17:40/);
  const arabic = await renderPage(pageAt(site, "/ar/2016/07/15/email.html"), site);
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
  const arabicColumn = arabic.match(/<div class="email email-ar"[^>]*>/)?.[0] ?? "";
  assert.match(arabicColumn, / lang="ar"/);
  assert.match(arabicColumn, / dir="rtl"/);
  assert.match(arabic, /خبر &lt;عاجل&gt; &amp; مهم/, "a headline stays text");
  assert.match(arabic, /دمشق · ١٠:٠٠/);
  const text = await renderPage(pageAt(site, "/ar/2016/07/15/email.txt"), site);
  // The fixture's site.yaml names no Arabic edition: its names are the bulletin's own.
  assert.deepEqual(text.split("\n").slice(0, 6), ["SANA · Test Bulletin", "نشرة الجمعة، ١٥ تموز ٢٠١٦", "=".repeat(25), "", "خبر <عاجل> & مهم", "دمشق · ١٠:٠٠"]);
  assert.match(text, /^https:\/\/bulletin\.test\/ar\/2016\/07\/15\/ar\/$/m);
  assert.ok(text.split("\n").every((line) => line.length <= 72 || /^\S+$/.test(line)), "lines wrap at 72 characters");
});

test("the email editions are not in the sitemap nor in the search index, and the day page links to both", async () => {
  const site = new Site(load({}, "2016-07-20T00:00:00+03:00"));
  assert.doesNotMatch(await renderPage(pageAt(site, "/sitemap.xml"), site), /email/);
  for (const url of ["/2016/07/15/email.html", "/2016/07/15/email.txt"]) {
    const page = pageAt(site, url);
    assert.equal(site.pageType(page).searchIndex, undefined);
    assert.equal(site.pageType(page).lastmod, undefined);
  }
  const day = await renderPage(pageAt(site, "/2016/07/15/"), site);
  assert.match(day, /<a href="\/2016\/07\/15\/email\.html" type="text\/html">HTML edition<\/a> · <a href="\/2016\/07\/15\/email\.txt" type="text\/plain">plain-text edition<\/a>/);
});
