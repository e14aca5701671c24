import { test } from "node:test";
import assert from "node:assert/strict";
import { documentTitle, TITLE_MAX } from "../../src/seo/title.ts";

const NAME = "English Bulletin";
const AGENCY = "SANA";

test("a page's title keeps the bulletin's name, then the agency's, while the whole fits in 70 characters, and the headline is never cut", () => {
  const cases: [title: string, expected: string][] = [
    ["People", "People | English Bulletin"],
    [NAME, NAME],
    // 50 + " | English Bulletin" (19) = 69: fits.
    ["x".repeat(50), `${"x".repeat(50)} | English Bulletin`],
    // 52 + 19 = 71: too long with the name; 52 + " | SANA" = 59.
    ["x".repeat(52), `${"x".repeat(52)} | SANA`],
    // 64 + 7 = 71: too long even with the agency: the headline alone.
    ["x".repeat(64), "x".repeat(64)],
    ["Kremlin: Putin–Kerry talks on Syria did not touch on direct military cooperation against terrorism", "Kremlin: Putin–Kerry talks on Syria did not touch on direct military cooperation against terrorism"],
  ];
  for (const [title, expected] of cases) assert.equal(documentTitle(title, NAME, AGENCY), expected, title);
});

test("Arabic titles are counted in characters, not in UTF-16 units or bytes", () => {
  const arabic = "بوتين لكيري: موسكو تأمل بتحقيق تقدم في المحادثات";
  const title = documentTitle(arabic, "النشرة العربية", "سانا");
  assert.equal(title, `${arabic} | النشرة العربية`);
  assert.ok([...title].length <= TITLE_MAX);
  // An astral character is one character: 60 of them and the agency still fit.
  const astral = "𝐀".repeat(60);
  assert.equal(documentTitle(astral, NAME, AGENCY), `${astral} | SANA`);
});
