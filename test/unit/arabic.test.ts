import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { formatDateTime, formatDay, isoWithOffset } from "../../src/text/dates.ts";
import { articleUrl, dayUrl, homeUrl, tagUrl, tagFeedUrl, outputPath } from "../../src/urls.ts";
import { editionConfigs } from "../../src/collections/editions.ts";
import { siteConfigSchema, type SiteConfig } from "../../src/model/site.ts";
import { LANGUAGES } from "../../src/i18n/languages.ts";

const SiteConfigSchema = siteConfigSchema(LANGUAGES.map((l) => l.lang));
const editionStyle = (config: SiteConfig, lang: string) => editionConfigs(config, LANGUAGES).find((e) => e.lang === lang)!;
const en = { prefix: "" };
const ar = { prefix: "/ar" };

const friday = DateTime.fromISO("2016-07-15T17:40:00+03:00", { zone: "Asia/Damascus" });
const site = SiteConfigSchema.parse({ name: "English Bulletin", agency: "SANA", baseUrl: "https://example.org", timeZone: "Asia/Damascus" });

test("an Arabic date reads in Arabic, with Levantine month names and Arabic-Indic digits by default", () => {
  const text = formatDateTime(friday, editionStyle(site, "ar"));
  assert.match(text, /الجمعة/);
  assert.match(text, /تموز/);
  assert.match(text, /١٥/);
  assert.match(text, /٢٠١٦/);
  assert.doesNotMatch(text, /[0-9]/);
});

test("the Arabic edition can be set to Western digits", () => {
  const withLatn = SiteConfigSchema.parse({ ...site, editions: { ar: { numberingSystem: "latn" } } });
  const text = formatDay(friday, editionStyle(withLatn, "ar"));
  assert.match(text, /15/);
  assert.match(text, /2016/);
  assert.match(text, /تموز/);
});

test("the machine-readable date of an Arabic article keeps its offset and Western digits", () => {
  assert.equal(isoWithOffset(friday), "2016-07-15T17:40:00+03:00");
});

test("the Arabic edition is right-to-left and named in Arabic when the site config says so", () => {
  const withNames = SiteConfigSchema.parse({ ...site, editions: { ar: { name: "النشرة العربية", agency: "سانا" } } });
  const arabic = editionStyle(withNames, "ar");
  assert.equal(arabic.dir, "rtl");
  assert.equal(arabic.name, "النشرة العربية");
  assert.equal(arabic.strings.dateline("موسكو", arabic.agency), "موسكو-سانا");
  const english = editionStyle(withNames, "en");
  assert.equal(english.dir, "ltr");
  assert.equal(english.strings.dateline("Moscow", english.agency), "Moscow, SANA –");
});

const urlCases: [string, string, string][] = [
  ["English home", homeUrl(en), "/"],
  ["Arabic home", homeUrl(ar), "/ar/"],
  ["English article", articleUrl(en, friday, "putin-to-kerry"), "/2016/07/15/putin-to-kerry/"],
  ["Arabic article with an Arabic slug", articleUrl(ar, friday, "بوتين-لكيري"), `/ar/2016/07/15/${encodeURIComponent("بوتين-لكيري")}/`],
  ["Arabic daily bulletin", dayUrl(ar, friday), "/ar/2016/07/15/"],
  ["Arabic person page", tagUrl(ar, "person", "vladimir-putin"), "/ar/people/vladimir-putin/"],
  ["Arabic topic feed", tagFeedUrl(ar, "topic", "syria"), "/ar/topics/syria/feed.xml"],
];
for (const [what, actual, expected] of urlCases) {
  test(`the ${what} URL is ${decodeURIComponent(expected)}`, () => assert.equal(actual, expected));
}

test("an Arabic URL is written to a file named in Arabic", () => {
  assert.equal(outputPath(articleUrl(ar, friday, "بوتين-لكيري")), "ar/2016/07/15/بوتين-لكيري/index.html");
});

test("an article shortly after midnight in Damascus is filed on that Damascus day in both editions", () => {
  const early = DateTime.fromISO("2016-07-14T21:30:00Z").setZone("Asia/Damascus");
  assert.equal(articleUrl(ar, early, "x"), "/ar/2016/07/15/x/");
  assert.equal(articleUrl(en, early, "x"), "/2016/07/15/x/");
});

test("counts on Arabic pages use the edition's digits, names keep theirs", () => {
  const arabic = editionStyle(site, "ar");
  assert.equal(arabic.strings.pageNumber(15), "الصفحة ١٥");
  assert.match(arabic.strings.articleCount(12), /^١٢ /);
  assert.equal(arabic.strings.articlesAbout("G20"), "أخبار عن G20");
  const latn = editionStyle(SiteConfigSchema.parse({ ...site, editions: { ar: { numberingSystem: "latn" } } }), "ar");
  assert.equal(latn.strings.pageNumber(15), "الصفحة 15");
});
