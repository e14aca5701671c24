import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { copyDesk, buildDesk, siteTexts, windowsFile, type TempSite } from "../fixtures/writers/deskSite.ts";

/**
 * The writers' desk fixture, built once the way `npm run build` builds it, with two files
 * added the way real desks produce them: one saved on Windows (BOM, CRLF) and one whose
 * accents are decomposed (NFD, as macOS file names and some paste buffers give them).
 */
let site: TempSite;
let output = "";
let texts = new Map<string, string>();

const page = (path: string) => readFileSync(join(output, path, "index.html"), "utf8");
const headline = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
const articleLinks = (html: string) => [...html.matchAll(/href="(\/\d{4}\/\d{2}\/\d{2}\/[^"]+\/)"/g)].map((m) => m[1] ?? "");

before(async () => {
  site = copyDesk({
    "content/people/john-kerry.md": windowsFile("---\nname: John Kerry\nrole: US Secretary of State\naliases: [Kerry]\n---\nJohn Kerry, **Secretary of State**.\n"),
    "content/articles/2016/07/2016-07-19-written-on-windows.md": windowsFile(
      "---\ntitle: Written on Windows\ndate: 2016-07-19T10:00:00+03:00\npeople: [Kerry]\ntopics: [Syria]\n---\nFirst paragraph.\n\nSecond paragraph.\n",
    ),
    "content/articles/2016/07/2016-07-19-decomposed-accents.md":
      "---\ntitle: Decomposed accents\ndate: 2016-07-19T11:00:00+03:00\npeople: [\"Jose\u0301 Marti\u0301nez\"]\n---\nBody.\n",
  });
  const built = await buildDesk(site.root);
  assert.ok(built.result.ok, `the desk fixture must build:\n${built.log.join("\n")}`);
  output = built.output;
  texts = siteTexts(output);
});
after(() => site?.remove());

test("case, accent, spacing and Unicode-form variants of a name make one person page listing every story", () => {
  const people = readdirSync(join(output, "people")).filter((d) => /jos|mart/i.test(d));
  assert.deepEqual(people, ["jose-martinez"]);
  const html = page("people/jose-martinez");
  assert.equal(headline(html), "José Martínez", "the page is named as the name was first written");
  assert.deepEqual(articleLinks(html).sort(), [
    "/2016/07/15/talks-in-moscow/",
    "/2016/07/15/trade-fair-opens/",
    "/2016/07/16/minister-visits-quneitra/",
    "/2016/07/19/decomposed-accents/",
  ]);
});

test("an alias in a different case files the story under the registered topic", () => {
  assert.ok(articleLinks(page("topics/syria")).includes("/2016/07/15/trade-fair-opens/"));
  assert.ok(!existsSync(join(output, "topics", "syrian-arab-republic")));
});

test("an Arabic topic gets its own page under a readable, non-empty Arabic slug", () => {
  const registered = page("topics/الجولان");
  assert.equal(headline(registered), "الجولان السوري المحتل");
  const unregistered = page("topics/مرتفعات-الجولان");
  assert.equal(headline(unregistered), "مرتفعات الجولان");
  for (const html of [registered, unregistered]) assert.ok(articleLinks(html).includes("/2016/07/16/minister-visits-quneitra/"));
  const story = page("2016/07/16/minister-visits-quneitra");
  assert.ok(story.includes(`href="/topics/${encodeURIComponent("مرتفعات-الجولان")}/"`), "the article links the Arabic topic by its IRI");
  assert.ok(readdirSync(join(output, "topics")).every((slug) => slug.length > 0 && slug !== "-"));
});

test("a person page shows the registry's role, description and Markdown bio", () => {
  const html = page("people/vladimir-putin");
  assert.ok(html.includes("President of Russia"));
  assert.ok(html.includes("President of the Russian Federation."));
  assert.match(html, /Vladimir Putin has been <strong>President of Russia<\/strong> since 2012\./);
  // The page's summary for search engines is the description alone, not the role it restates.
  assert.match(html, /<meta name="description" content="President of the Russian Federation\.">/);
});

test("a file saved with a byte order mark and CRLF line ends reads as any other", () => {
  const html = page("2016/07/19/written-on-windows");
  assert.equal(headline(html), "Written on Windows");
  assert.ok(!html.includes("\uFEFF") && !html.includes("\r"), "no BOM or carriage return reaches the page");
  assert.match(html, /<p>[^<]*First paragraph\.<\/p>\s*<p>Second paragraph\.<\/p>/);
  assert.ok(html.includes('href="/people/john-kerry/"'), "the alias in the Windows registry file resolves");
  const kerry = page("people/john-kerry");
  assert.equal(headline(kerry), "John Kerry");
  assert.match(kerry, /<strong>Secretary of State<\/strong>/);
});

test("an updated story says when, and its correction is boxed on the page and listed on /corrections/", () => {
  const html = page("2016/07/17/figures-revised");
  assert.match(html, /Updated <time datetime="2016-07-17T15:30:00\+03:00">/);
  const box = /<aside class="corrections"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? "";
  assert.ok(box.includes("An earlier version gave the harvest in kilograms, not tonnes."), "the correction is in the corrections box");
  assert.ok(box.includes('datetime="2016-07-18T09:00:00+03:00"'));
  const list = page("corrections");
  assert.ok(list.includes('href="/2016/07/17/figures-revised/"'));
  assert.ok(list.includes("An earlier version gave the harvest in kilograms, not tonnes."));
  assert.ok(!page("2016/07/15/talks-in-moscow").includes('class="corrections"'), "a story without corrections has no box");
});

test("a draft and a future-dated story reach no file of the site: no page, tag page, archive, feed, sitemap or search index", () => {
  const files = [...texts.keys()];
  for (const kind of [/^feed\.xml$/, /^feed\.json$/, /^sitemap\.xml$/, /^news-sitemap\.xml$/, /^topics\/syria\/feed\.xml$/, /^pagefind\/.+/]) {
    assert.ok(files.some((f) => kind.test(f)), `the build wrote ${kind}, so it is searched too`);
  }
  const secrets = ["Zqxdraft", "secret-draft-story", "Zqxfuture", "zqxfuture-scheduled-story", "2030/01/01"];
  const leaks = [...texts].flatMap(([file, text]) => secrets.filter((s) => text.toLowerCase().includes(s.toLowerCase())).map((s) => `${file}: ${s}`));
  assert.deepEqual(leaks, []);
  assert.ok(![...texts.keys()].some((f) => /zqx|secret-draft|^2030\//i.test(f)), "no file is named after them either");
});

test("a registered topic tagged only by published stories and a draft lists the published ones only", () => {
  const links = articleLinks(page("topics/syria"));
  assert.ok(links.length >= 3);
  assert.ok(!links.some((l) => l.includes("secret-draft-story")));
});
