import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeHtml, jsonForScript } from "../../src/text/escape.ts";

const hostile = [
  "</script><script>alert(1)</script>",
  "</SCRIPT>",
  "<!-- <script>",
  "a & b < c > d \"quoted\" 'single'",
  "line\u2028separator\u2029paragraph",
  "Putin to Kerry: “progress” — سوريا",
];

test("jsonForScript never lets a value end the script element, and stays JSON.parse-able", () => {
  for (const value of [...hostile, { headline: hostile[0], nested: [hostile[2], { x: hostile[1] }] }]) {
    const json = jsonForScript(value);
    assert.doesNotMatch(json, /<\/script/i);
    assert.doesNotMatch(json, /<!--/);
    assert.doesNotMatch(json, /[<>\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), value);
  }
});

test("jsonForScript output round-trips through a script element as the browser reads it", () => {
  const value = { headline: "</script><b>bold</b>", body: "\u2028" };
  const html = `<script type="application/ld+json">${jsonForScript(value)}</script>`;
  const inner = html.slice(html.indexOf(">") + 1, html.lastIndexOf("</script>"));
  assert.equal(html.indexOf("</script>"), html.lastIndexOf("</script>"), "the only </script> is the real one");
  assert.deepEqual(JSON.parse(inner), value);
});

const htmlCases: [string, string][] = [
  ["<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;"],
  ['" onmouseover="x', "&quot; onmouseover=&quot;x"],
  ["it's", "it&#39;s"],
  ["AT&T", "AT&amp;T"],
  ["&amp;", "&amp;amp;"],
  ["سوريا — plain", "سوريا — plain"],
];

for (const [input, expected] of htmlCases) {
  test(`escapeHtml(${JSON.stringify(input)}) is ${JSON.stringify(expected)}`, () => assert.equal(escapeHtml(input), expected));
}
