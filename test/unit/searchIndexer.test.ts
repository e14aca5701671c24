import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SearchIndexer, searchablePart, searchKey } from "../../src/search/searchIndexer.ts";

const page = (body: string) =>
  `<!doctype html>\n<html lang="ar" dir="rtl"><head><title>T</title><script>var x = "<div>";</script></head><body><header><h1>Site</h1></header><main>${body}</main><footer>f</footer></body></html>`;

test("Pagefind is sent the page's html element and the element marked data-pagefind-body, nothing else", () => {
  const article = `<article class="a" data-pagefind-body="" data-pagefind-sort="date:2019"><h1>Headline</h1><p>Body</p><article><p>nested</p></article><a data-pagefind-filter="person">X</a></article>`;
  const sent = searchablePart(page(`${article}<aside>related</aside>`));
  assert.equal(sent, `<!doctype html>\n<html lang="ar" dir="rtl"><body>${article}</body></html>`);
});

test("what decides a page's search index leaves out what Pagefind ignores, unless Pagefind reads something in it", () => {
  const story = (corrections: string, people: string, meta = "10 July") =>
    page(`<article data-pagefind-body=""><h1>Headline</h1><div class="article-meta" data-pagefind-ignore=""><time data-pagefind-meta="date">${meta}</time></div>`
      + `<figure data-pagefind-ignore=""><figcaption>A caption <span data-pagefind-ignore="">nested</span></figcaption></figure><p>Body</p>${corrections}`
      + `<footer data-pagefind-ignore=""><a data-pagefind-filter="person">${people}</a></footer></article>`);
  const before = story("", "Kerry");
  // A correction's note, with its date and text (which may repeat the wrong fact it corrects), is not indexed.
  const corrected = story(`<aside class="corrections" data-pagefind-ignore=""><h2>Corrections</h2><ul><li><time>11 July</time>: misnamed as Carry</li></ul></aside>`, "Kerry");
  assert.notEqual(searchablePart(corrected), searchablePart(before));
  assert.equal(searchKey(corrected), searchKey(before));
  assert.doesNotMatch(searchKey(before)!, /caption|nested/, "an ignored element with nothing for Pagefind is left out, and what it holds");
  // A filter's value and a meta value sit inside ignored elements: Pagefind reads them, so they decide.
  assert.notEqual(searchKey(story("", "Lavrov")), searchKey(before));
  assert.notEqual(searchKey(story("", "Kerry", "11 July")), searchKey(before));
  assert.equal(searchKey(page("<ol><li>listing</li></ol>")), undefined);
});

test("a page without data-pagefind-body is not sent to Pagefind", () => {
  assert.equal(searchablePart(page("<ol><li>listing</li></ol>")), undefined);
});

test("a marked element whose end cannot be found is sent as the whole page", () => {
  const broken = page(`<div data-pagefind-body=""><p>unclosed`).replace("</main>", "");
  assert.equal(searchablePart(broken.replace(/<\/div>/g, "")), broken.replace(/<\/div>/g, ""));
});

const articlePage = (lang: string, words: string) =>
  `<!doctype html>\n<html lang="${lang}"><head><title>T</title></head><body><article data-pagefind-body=""><h1>${words}</h1><p>${words}</p></article></body></html>`;

/** A fresh output folder and an indexer writing into it, for `run`; both gone after. */
async function withIndexer(run: (indexer: SearchIndexer, out: string) => Promise<void>): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "bulletin-search-"));
  const indexer = await SearchIndexer.open(out);
  try {
    await run(indexer, out);
  } finally {
    await indexer.close();
    rmSync(out, { recursive: true, force: true });
  }
}

test("the index is written per edition and year, each holding its own articles", () => withIndexer(async (indexer, out) => {
  indexer.add("2016/07/15/a/index.html", articlePage("en", "newer story"), "/pagefind/en/2016/");
  indexer.add("2016/07/14/b/index.html", articlePage("en", "another newer story"), "/pagefind/en/2016/");
  indexer.add("2015/01/01/c/index.html", articlePage("en", "older story"), "/pagefind/en/2015/");
  indexer.add("ar/2016/07/15/d/index.html", articlePage("ar", "خبر"), "/pagefind/ar/2016/");
  assert.equal(indexer.add("2016/index.html", "<html><body><ol><li>listing</li></ol></body></html>"), undefined);
  assert.deepEqual(await indexer.write(), { pages: 4, indexes: 3, reused: 0 });
  const pageCount = (dir: string, lang: string) => JSON.parse(readFileSync(join(out, "pagefind", dir, "pagefind-entry.json"), "utf8")).languages[lang].page_count;
  assert.equal(pageCount("en/2016", "en"), 2);
  assert.equal(pageCount("en/2015", "en"), 1);
  assert.equal(pageCount("ar/2016", "ar"), 1);
  assert.ok(!existsSync(join(out, "pagefind", "pagefind-entry.json")), "no index of everything at the top");
}));

test("a searchable page that comes after its year's index was written is refused, naming it", () => withIndexer(async (indexer, out) => {
  indexer.add("2016/a/index.html", articlePage("en", "one"), "/pagefind/en/2016/");
  indexer.add("2015/b/index.html", articlePage("en", "two"), "/pagefind/en/2015/");
  assert.throws(() => indexer.add("2016/c/index.html", articlePage("en", "three"), "/pagefind/en/2016/"), /2016\/c\/index\.html belongs in \/pagefind\/en\/2016\/, which is already written/);
  assert.throws(() => indexer.add("x/index.html", articlePage("en", "four")), /x\/index\.html is searchable .* names no index/);
  await indexer.write();
}));
