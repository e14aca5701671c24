import { test } from "node:test";
import assert from "node:assert/strict";
import { createMarkdown, renderBody } from "../../src/text/markdown.ts";

const safe = createMarkdown({ allowHtml: false });
const trusting = createMarkdown({ allowHtml: true });
const LEAD = '<span class="dateline">Moscow, SANA –</span>';

test("raw HTML in a body is shown as text unless the site allows it", () => {
  const body = 'Talks <script>alert(1)</script> ended.\n\n<div class="x">block</div>\n';
  const escaped = renderBody(safe, body).html;
  assert.doesNotMatch(escaped, /<script|<div/);
  assert.match(escaped, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(escaped, /&lt;div class=&quot;x&quot;&gt;block&lt;\/div&gt;/);
  const allowed = renderBody(trusting, body).html;
  assert.match(allowed, /<div class="x">block<\/div>/);
});

test("the dateline leads the first paragraph, inside it", () => {
  const { html } = renderBody(safe, "First paragraph.\n\nSecond paragraph.\n", LEAD);
  assert.equal(html, `<p>${LEAD} First paragraph.</p>\n<p>Second paragraph.</p>\n`);
});

test("the dateline goes into the first paragraph even after a heading", () => {
  const { html } = renderBody(safe, "## Subhead\n\nFirst paragraph.\n", LEAD);
  assert.equal(html, `<h2>Subhead</h2>\n<p>${LEAD} First paragraph.</p>\n`);
});

test("a paragraph inside a quote or list is not the article's first paragraph", () => {
  const { html, firstParagraph } = renderBody(safe, "> Quoted.\n\n- item\n\nLead paragraph.\n", LEAD);
  assert.match(html, /<blockquote>\n<p>Quoted.<\/p>/);
  assert.match(html, new RegExp(`<p>${LEAD} Lead paragraph.</p>`));
  assert.equal(firstParagraph, "Lead paragraph.");
});

test("without a dateline the body renders as written", () => {
  assert.equal(renderBody(safe, "Just text.").html, "<p>Just text.</p>\n");
});

test("a body without paragraphs renders without the dateline and with an empty first paragraph", () => {
  const { html, firstParagraph } = renderBody(safe, "## Only a heading\n", LEAD);
  assert.equal(html, "<h2>Only a heading</h2>\n");
  assert.equal(firstParagraph, "");
});

test("the first paragraph is plain text: no markup, no entities, one line", () => {
  const { firstParagraph } = renderBody(safe, "Lavrov **said** `talks` were [useful](https://example.org)\nand <b>timely</b> & frank.\n\nMore.", LEAD);
  assert.equal(firstParagraph, "Lavrov said talks were useful and <b>timely</b> & frank.");
  assert.doesNotMatch(firstParagraph, /Moscow, SANA/, "the dateline is not part of the summary");
});

test("typographic replacements are off: the agency's text is printed as written", () => {
  assert.equal(renderBody(safe, '(c) -- "quoted" ...').html, '<p>(c) -- &quot;quoted&quot; ...</p>\n');
});

test("a bare web address is not turned into a link", () => {
  assert.doesNotMatch(renderBody(safe, "See https://example.org for more.").html, /<a /);
});
