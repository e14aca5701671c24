import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseFeed } from "@rowanmanning/feed-parser";
import { runBuild } from "../../src/publish/runBuild.ts";
import { LANGUAGES } from "../../src/i18n/languages.ts";
import { FRENCH } from "../fixtures/trilingual/french.ts";
import { FIXTURE_NOW } from "../support/fixtureSite.ts";

/**
 * A third edition takes a language config with its strings (test/fixtures/trilingual/french.ts,
 * which the product does not ship) and the bulletin's settings: no other code names a
 * language. The fixture's French edition gets its own pages under /fr/, hreflang links
 * between all three editions, its own feeds, and French names from the registry.
 */
const FIXTURE = fileURLToPath(new URL("../fixtures/trilingual/", import.meta.url));
let root: string;
let output: string;
const read = (path: string) => readFileSync(join(output, path), "utf8");

before(async () => {
  root = mkdtempSync(join(tmpdir(), "bulletin-trilingual-"));
  cpSync(FIXTURE, root, { recursive: true });
  output = join(root, "_site");
  const result = await runBuild({ root, output, now: FIXTURE_NOW, languages: [...LANGUAGES, FRENCH], log: () => {} });
  assert.ok(result.ok, result.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join("\n"));
});
after(() => rmSync(root, { recursive: true, force: true }));

const TALKS = { en: "/2016/07/15/talks/", fr: "/fr/2016/07/15/entretiens/", ar: `/ar/2016/07/15/${encodeURIComponent("محادثات")}/` };

test("the French edition has its own pages under /fr/, in French, left to right", () => {
  const home = read("fr/index.html");
  assert.match(home, /<html lang="fr" dir="ltr">/);
  assert.match(home, /Bulletin d&#39;essai|Bulletin d'essai/);
  assert.match(home, /À la une/);
  const article = read("fr/2016/07/15/entretiens/index.html");
  assert.match(article, /<h1 class="headline">Poutine et Kerry parlent de la Syrie<\/h1>/);
  assert.match(article, /Moscou, SANA –/, "the French dateline");
  assert.match(article, /<time datetime="2016-07-15T17:40:00\+03:00"[^>]*>vendredi 15 juillet 2016/, "a French date");
  assert.match(read("fr/people/vladimir-putin/index.html"), /<h1 class="page-title">Vladimir Poutine<\/h1>[\s\S]*Président de la Russie/, "the registry's French name and role");
  assert.match(read("fr/topics/syria/index.html"), /L&#39;actualité de la Syrie|L'actualité de la Syrie/);
  assert.match(read("ar/index.html"), /<html lang="ar" dir="rtl">/, "Arabic stays right to left");
});

test("an edition prints a registry entry's role and description in its own language, or not at all", () => {
  const description = (html: string) => /<p class="tag-description">([^<]*)<\/p>/.exec(html)?.[1];
  assert.equal(description(read("topics/syria/index.html")), "News about Syria.");
  assert.equal(description(read("fr/topics/syria/index.html")), "L&#39;actualité de la Syrie.");
  // No Arabic description: the English one, an English sentence on a right-to-left page, is left out.
  const arabic = read("ar/topics/syria/index.html");
  assert.equal(description(arabic), undefined);
  assert.doesNotMatch(arabic, /News about Syria/);
});

test("each edition's article links the other two, in the head and on the page", () => {
  for (const [lang, url] of Object.entries(TALKS)) {
    const html = read(`${decodeURIComponent(url).slice(1)}index.html`);
    const head = html.slice(0, html.indexOf("</head>"));
    const hreflang = [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(hreflang, [["en", `https://bulletin.test${TALKS.en}`], ["ar", `https://bulletin.test${TALKS.ar}`], ["fr", `https://bulletin.test${TALKS.fr}`], ["x-default", `https://bulletin.test${TALKS.en}`]], `${lang} head`);
    const links = [...html.matchAll(/<p class="translation"><a href="([^"]+)" hreflang="([^"]+)" rel="alternate">([^<]+)<\/a>/g)].map((m) => [m[2], m[1], m[3]]);
    assert.deepEqual(links.map(([l, href]) => [l, href]).sort(), Object.entries(TALKS).filter(([l]) => l !== lang).sort(), `${lang} page links`);
  }
  assert.match(read("fr/2016/07/15/entretiens/index.html"), />Lire en anglais</);
  assert.match(read("2016/07/15/talks/index.html"), />Read in French</);
});

test("the sitemap gives every edition's version of a page as hreflang alternates", () => {
  const sitemap = read("sitemap.xml");
  const entry = sitemap.slice(sitemap.indexOf(`<loc>https://bulletin.test${TALKS.fr}</loc>`));
  const alternates = entry.slice(0, entry.indexOf("</url>"));
  for (const [lang, url] of Object.entries(TALKS)) assert.match(alternates, new RegExp(`<xhtml:link rel="alternate" hreflang="${lang}" href="https://bulletin.test${url.replace(/[.%]/g, "\\$&")}"/>`));
  assert.match(sitemap, /<loc>https:\/\/bulletin.test\/fr\/people\/vladimir-putin\/<\/loc>/);
});

test("the French edition has its own feeds, in French, with its own articles", async () => {
  const atom = parseFeed(read("fr/feed.xml"));
  assert.equal(atom.language, "fr");
  assert.equal(atom.title, "Bulletin d'essai");
  assert.deepEqual(atom.items.map((i) => i.url), [`https://bulletin.test${TALKS.fr}`]);
  const json = JSON.parse(read("fr/feed.json")) as { language: string; items: { url: string; tags: string[] }[] };
  assert.equal(json.language, "fr");
  assert.deepEqual(json.items[0]!.tags, ["Vladimir Poutine", "Syrie"]);
  assert.match(read("fr/people/vladimir-putin/feed.xml"), /<title type="text">Vladimir Poutine \| Bulletin d'essai<\/title>/);
});
