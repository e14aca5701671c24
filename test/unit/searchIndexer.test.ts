import { test } from "node:test";
import assert from "node:assert/strict";
import { searchablePart } from "../../src/search/searchIndexer.ts";

const page = (body: string) =>
  `<!doctype html>\n<html lang="ar" dir="rtl"><head><title>T</title><script>var x = "<div>";</script></head><body><header><h1>Site</h1></header><main>${body}</main><footer>f</footer></body></html>`;

test("Pagefind is sent the page's html element and the element marked data-pagefind-body, nothing else", () => {
  const article = `<article class="a" data-pagefind-body="" data-pagefind-sort="date:2019"><h1>Headline</h1><p>Body</p><article><p>nested</p></article><a data-pagefind-filter="person">X</a></article>`;
  const sent = searchablePart(page(`${article}<aside>related</aside>`));
  assert.equal(sent, `<!doctype html>\n<html lang="ar" dir="rtl"><body>${article}</body></html>`);
});

test("a page without data-pagefind-body is not sent to Pagefind", () => {
  assert.equal(searchablePart(page("<ol><li>listing</li></ol>")), undefined);
});

test("a marked element whose end cannot be found is sent as the whole page", () => {
  const broken = page(`<div data-pagefind-body=""><p>unclosed`).replace("</main>", "");
  assert.equal(searchablePart(broken.replace(/<\/div>/g, "")), broken.replace(/<\/div>/g, ""));
});
