import { test } from "node:test";
import assert from "node:assert/strict";
import { slugify, slugOrFallback } from "../../src/text/slug.ts";

const cases: [string, string][] = [
  ["Vladimir Putin", "vladimir-putin"],
  ["vladimir   putin", "vladimir-putin"],
  ["Vladímir Putin", "vladimir-putin"],
  ["VLADIMIR PUTIN", "vladimir-putin"],
  ["Putin to Kerry: Moscow hopes", "putin-to-kerry-moscow-hopes"],
  ["ʿAbd al-Raḥmān", "abd-al-rahman"],
  ["Björn Østergaard", "bjorn-ostergaard"],
  ["Łukasz Müller", "lukasz-muller"],
  ["Russia–US relations", "russia-us-relations"],
  ["سوريا", "سوريا"],
  ["مُحَمَّد", "محمد"],
  ["الجولان السوري المحتل", "الجولان-السوري-المحتل"],
  ["\u064FEnglish Bulletin", "english-bulletin"],
  ["موسكو تأمل", "موسكو-تأمل"],
  ["آمال مؤتمر إدلب", "آمال-مؤتمر-إدلب"],
];

for (const [input, expected] of cases) {
  test(`slugify(${JSON.stringify(input)}) is ${expected}`, () => {
    assert.equal(slugify(input), expected);
  });
}

test("a name without letters or digits still gets a non-empty, stable slug", () => {
  assert.equal(slugify("🔥"), "");
  assert.equal(slugOrFallback("🔥"), "u-1f525");
  assert.equal(slugOrFallback("🔥"), slugOrFallback(" 🔥 "));
});
