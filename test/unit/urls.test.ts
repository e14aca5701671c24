import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import {
  absoluteUrl, articleUrl, correctionsUrl, dayUrl, editionFeedUrl, editionJsonFeedUrl, editionPrefix, encodeSegment, homeUrl,
  monthUrl, notFoundUrl, outputPath, pageUrl, searchUrl, tagFeedUrl, tagIndexUrl, tagUrl, urlOfOutputPath, yearUrl,
} from "../../src/urls.ts";

const EN = { prefix: "" };
const AR = { prefix: "/ar" };
const JULY_15 = DateTime.fromISO("2016-07-15T14:20:00+03:00", { setZone: true });
const JAN_5 = DateTime.fromISO("2016-01-05T09:00:00+02:00", { setZone: true });

const cases: [name: string, actual: string, expected: string][] = [
  ["the English home", homeUrl(EN), "/"],
  ["the Arabic home", homeUrl(AR), "/ar/"],
  ["an article", articleUrl(EN, JULY_15, "putin-meets-kerry"), "/2016/07/15/putin-meets-kerry/"],
  ["an article with a zero-padded month and day", articleUrl(EN, JAN_5, "story"), "/2016/01/05/story/"],
  ["an Arabic article", articleUrl(AR, JULY_15, "story"), "/ar/2016/07/15/story/"],
  ["an Arabic slug, percent-encoded", articleUrl(AR, JULY_15, "سوريا"), "/ar/2016/07/15/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/"],
  ["a day", dayUrl(EN, JULY_15), "/2016/07/15/"],
  ["a month", monthUrl(EN, JAN_5), "/2016/01/"],
  ["a year", yearUrl(AR, JULY_15), "/ar/2016/"],
  ["the people index", tagIndexUrl(EN, "person"), "/people/"],
  ["the topics index", tagIndexUrl(AR, "topic"), "/ar/topics/"],
  ["a person", tagUrl(EN, "person", "vladimir-putin"), "/people/vladimir-putin/"],
  ["a topic", tagUrl(EN, "topic", "syria"), "/topics/syria/"],
  ["a topic's feed", tagFeedUrl(EN, "topic", "syria"), "/topics/syria/feed.xml"],
  ["the oldest page of a listing", pageUrl("/people/vladimir-putin/", 1), "/people/vladimir-putin/page/1/"],
  ["page 2 of a listing", pageUrl("/people/vladimir-putin/", 2), "/people/vladimir-putin/page/2/"],
  ["page 2 of the home", pageUrl("/", 2), "/page/2/"],
  ["an absolute URL", absoluteUrl("https://bulletin.example.org", "/2016/"), "https://bulletin.example.org/2016/"],
  ["an absolute URL from a path without a slash", absoluteUrl("https://bulletin.example.org", "feed.xml"), "https://bulletin.example.org/feed.xml"],
  ["the corrections page", correctionsUrl(AR), "/ar/corrections/"],
  ["the search page", searchUrl(EN), "/search/"],
  ["a search that runs when opened", searchUrl(AR, { q: "كيري & لافروف", person: "Vladimir Putin" }), "/ar/search/?q=%D9%83%D9%8A%D8%B1%D9%8A+%26+%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81&person=Vladimir+Putin"],
  ["an edition's Atom feed", editionFeedUrl(AR), "/ar/feed.xml"],
  ["an edition's JSON Feed", editionJsonFeedUrl(EN), "/feed.json"],
  ["the Arabic not-found page", notFoundUrl(AR), "/ar/404.html"],
  ["the default edition's prefix", editionPrefix("en", "en"), ""],
  ["another edition's prefix", editionPrefix("en", "ar"), "/ar"],
  ["the prefix of English beside an Arabic default", editionPrefix("ar", "en"), "/en"],
  ["the file of the home", outputPath("/"), "index.html"],
  ["the file of a folder URL", outputPath("/2016/07/15/story/"), "2016/07/15/story/index.html"],
  ["the file of a feed", outputPath("/feed.xml"), "feed.xml"],
  ["the file of an encoded Arabic URL", outputPath("/ar/topics/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/"), "ar/topics/سوريا/index.html"],
  ["the URL of a file", urlOfOutputPath("ar/topics/سوريا/index.html"), "/ar/topics/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/"],
  ["the URL of the home's file", urlOfOutputPath("index.html"), "/"],
  ["the URL of a feed's file", urlOfOutputPath("people/x/feed.xml"), "/people/x/feed.xml"],
];

for (const [name, actual, expected] of cases) {
  test(`${name} is ${expected}`, () => assert.equal(actual, expected));
}

test("every page URL of the scheme ends in a slash", () => {
  const urls = [homeUrl(EN), articleUrl(EN, JULY_15, "s"), dayUrl(EN, JULY_15), monthUrl(EN, JULY_15), yearUrl(EN, JULY_15), tagIndexUrl(EN, "person"), tagUrl(EN, "topic", "t"), pageUrl("/", 3)];
  for (const url of urls) assert.match(url, /^\/(.*\/)?$/, url);
});

test("a slug cannot break out of its path segment", () => {
  assert.equal(encodeSegment("a/b?c#d"), "a%2Fb%3Fc%23d");
  assert.equal(tagUrl(EN, "person", "../admin"), "/people/..%2Fadmin/");
});

test("every URL's file gives the URL back", () => {
  const urls = [homeUrl(AR), articleUrl(AR, JULY_15, "سوريا"), dayUrl(EN, JULY_15), tagFeedUrl(EN, "topic", "syria"), pageUrl("/people/x/", 2), notFoundUrl(EN)];
  for (const url of urls) assert.equal(urlOfOutputPath(outputPath(url)), url);
});
