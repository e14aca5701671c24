import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import {
  absoluteUrl, articleUrl, dayUrl, encodeSegment, homeUrl, monthUrl, outputPath, pageUrl,
  tagFeedUrl, tagIndexUrl, tagUrl, yearUrl,
} from "../../src/urls.ts";

const JULY_15 = DateTime.fromISO("2016-07-15T14:20:00+03:00", { setZone: true });
const JAN_5 = DateTime.fromISO("2016-01-05T09:00:00+02:00", { setZone: true });

const cases: [name: string, actual: string, expected: string][] = [
  ["the English home", homeUrl("en"), "/"],
  ["the Arabic home", homeUrl("ar"), "/ar/"],
  ["an article", articleUrl("en", JULY_15, "putin-meets-kerry"), "/2016/07/15/putin-meets-kerry/"],
  ["an article with a zero-padded month and day", articleUrl("en", JAN_5, "story"), "/2016/01/05/story/"],
  ["an Arabic article", articleUrl("ar", JULY_15, "story"), "/ar/2016/07/15/story/"],
  ["an Arabic slug, percent-encoded", articleUrl("ar", JULY_15, "سوريا"), "/ar/2016/07/15/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/"],
  ["a day", dayUrl("en", JULY_15), "/2016/07/15/"],
  ["a month", monthUrl("en", JAN_5), "/2016/01/"],
  ["a year", yearUrl("ar", JULY_15), "/ar/2016/"],
  ["the people index", tagIndexUrl("en", "person"), "/people/"],
  ["the topics index", tagIndexUrl("ar", "topic"), "/ar/topics/"],
  ["a person", tagUrl("en", "person", "vladimir-putin"), "/people/vladimir-putin/"],
  ["a topic", tagUrl("en", "topic", "syria"), "/topics/syria/"],
  ["a topic's feed", tagFeedUrl("en", "topic", "syria"), "/topics/syria/feed.xml"],
  ["page 1 of a listing", pageUrl("/people/vladimir-putin/", 1), "/people/vladimir-putin/"],
  ["page 2 of a listing", pageUrl("/people/vladimir-putin/", 2), "/people/vladimir-putin/page/2/"],
  ["page 2 of the home", pageUrl("/", 2), "/page/2/"],
  ["an absolute URL", absoluteUrl("https://bulletin.example.org", "/2016/"), "https://bulletin.example.org/2016/"],
  ["an absolute URL from a path without a slash", absoluteUrl("https://bulletin.example.org", "feed.xml"), "https://bulletin.example.org/feed.xml"],
  ["the file of a folder URL", outputPath("/2016/07/15/story/"), "/2016/07/15/story/index.html"],
  ["the file of a feed", outputPath("/feed.xml"), "/feed.xml"],
  ["the file of an encoded Arabic URL", outputPath("/ar/topics/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/"), "/ar/topics/سوريا/index.html"],
];

for (const [name, actual, expected] of cases) {
  test(`${name} is ${expected}`, () => assert.equal(actual, expected));
}

test("every page URL of the scheme ends in a slash", () => {
  const urls = [homeUrl("en"), articleUrl("en", JULY_15, "s"), dayUrl("en", JULY_15), monthUrl("en", JULY_15), yearUrl("en", JULY_15), tagIndexUrl("en", "person"), tagUrl("en", "topic", "t"), pageUrl("/", 3)];
  for (const url of urls) assert.match(url, /^\/(.*\/)?$/, url);
});

test("a slug cannot break out of its path segment", () => {
  assert.equal(encodeSegment("a/b?c#d"), "a%2Fb%3Fc%23d");
  assert.equal(tagUrl("en", "person", "../admin"), "/people/..%2Fadmin/");
});
