import { describe, test, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { makeFixtureSite, hashTree, article, runBuildScript as build, type FixtureSite } from "../support/fixtureSite.ts";

/**
 * `npm run build` as a writer meets it: a child process in a copy of a small site. Bad
 * content must give `file:LINE: message` for every problem at once, exit 1, print no stack
 * trace, and leave the previous _site/ exactly as it was.
 */

/** A previous build's output: what a failed build must leave byte for byte. */
function previousSite(root: string): void {
  const files: Record<string, string> = {
    "index.html": "<!doctype html><title>Yesterday's bulletin</title>",
    "2016/07/15/talks-after-midnight/index.html": "<!doctype html><title>Talks</title>",
    "people/vladimir-putin/index.html": "<!doctype html><title>Putin</title>",
    "assets/site.css": "body { color: black }\n",
  };
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, "_site", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

const sites: FixtureSite[] = [];
after(() => sites.forEach((s) => s.remove()));

const ARTICLES = "content/articles/2016/07";

const cases: { name: string; files: Record<string, string>; expected: string[] }[] = [
  {
    name: "an article without a title",
    files: { [`${ARTICLES}/no-title.md`]: article("date: 2016-07-16T10:00:00+03:00\ndateline: Moscow") },
    expected: [`${ARTICLES}/no-title.md:1: title: is required`],
  },
  {
    name: "an impossible date",
    files: { [`${ARTICLES}/bad-date.md`]: article("title: Talks\ndateline: Moscow\ndate: 2016-02-30T10:00:00+03:00") },
    expected: [`${ARTICLES}/bad-date.md:4: date: "2016-02-30T10:00:00+03:00" is not a real date`],
  },
  {
    name: "broken YAML",
    files: { [`${ARTICLES}/broken.md`]: article("title: Talks\ndate: 2016-07-16T10:00:00+03:00\ntopics: [Syria, Geneva") },
    expected: [`${ARTICLES}/broken.md:4: invalid YAML: `],
  },
  {
    // Before: check passed it, then Pagefind stopped the build with a dump of the page's HTML.
    name: "half a character from a YAML escape, and a control character in the body",
    files: { [`${ARTICLES}/bad-text.md`]: article('title: "Talks \\ud83d"\ndate: 2016-07-16T10:00:00+03:00', "Body \u0007 text.") },
    expected: [`${ARTICLES}/bad-text.md:2: title: contains U+D83D, half of a character`, `${ARTICLES}/bad-text.md:5: contains the control character U+0007`],
  },
  {
    // Before: check passed it, and the build printed Eleventy's stack trace while resizing it.
    name: "a text file named like an image",
    files: {
      [`${ARTICLES}/pictured.md`]: article("title: Pictured\ndate: 2016-07-16T10:00:00+03:00\nimage: { src: map.png, alt: A map }"),
      [`${ARTICLES}/map.png`]: "not a picture\n",
    },
    expected: [`${ARTICLES}/pictured.md:4: image.src "map.png" is not an image that can be read (Input file contains unsupported image format)`],
  },
  {
    name: "several bad files at once",
    files: {
      [`${ARTICLES}/a.md`]: article("date: 2016-07-16T10:00:00+03:00"),
      [`${ARTICLES}/b.md`]: article("title: B\ndate: 2016-02-30"),
      [`${ARTICLES}/c.md`]: "---\ntitle: C\ndate: 2016-07-16\n",
      [`${ARTICLES}/d.md`]: article("title: D\ndate: 2016-07-16T10:00:00+03:00\nupdated: 2016-07-15T10:00:00+03:00"),
      "content/people/nameless.md": article("role: Spokesman"),
    },
    expected: [
      `${ARTICLES}/a.md:1: title: is required`,
      `${ARTICLES}/b.md:3: date: "2016-02-30" is not a real date`,
      `${ARTICLES}/c.md:1: the frontmatter block opened on line 1 is never closed`,
      `${ARTICLES}/d.md:4: updated: must not be before \`date\``,
      "content/people/nameless.md:1: name: is required",
    ],
  },
];

describe("a build with bad content", { concurrency: 2 }, () => {
  for (const c of cases) {
    test(`${c.name}: file:LINE: message for every problem, exit 1, no stack trace, _site/ untouched`, async () => {
      const site = makeFixtureSite(c.files, { code: true });
      sites.push(site);
      previousSite(site.root);
      const before = hashTree(join(site.root, "_site"));

      const run = await build(site.root);

      assert.equal(run.code, 1, run.output);
      const lines = run.output.split("\n");
      for (const expected of c.expected) {
        assert.ok(lines.some((l) => l.startsWith(expected)), `expected a line starting\n  ${expected}\nin\n${run.output}`);
      }
      assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");
      assert.match(run.output, /Build failed/);
      assert.deepEqual(hashTree(join(site.root, "_site")), before, "_site/ is byte for byte as it was");
      assert.deepEqual(readdirSync(site.root).filter((f) => f.startsWith("_site.")), [], "no staging folder is left behind");
    });
  }
});

test("the fixture site builds, exit 0, replacing the previous _site/ with the new pages", async () => {
  // Five articles at two a page: the three newest on the front, the two oldest on /page/1/.
  const site = makeFixtureSite({
    "content/articles/2016/06/2016-06-01-first-of-june.md": article("title: First of June\ndate: 2016-06-01T10:00:00+03:00"),
    "content/articles/2016/06/2016-06-02-second-of-june.md": article("title: Second of June\ndate: 2016-06-02T10:00:00+03:00"),
  }, { code: true });
  sites.push(site);
  previousSite(site.root);
  const run = await build(site.root);
  assert.equal(run.code, 0, run.output);
  const out = join(site.root, "_site");
  for (const page of ["index.html", "page/1/index.html", "2016/07/15/talks-after-midnight/index.html", "2016/07/15/index.html", "people/vladimir-putin/index.html", "topics/syria/index.html", "404.html"]) {
    assert.ok(existsSync(join(out, page)), `${page} was built`);
  }
  const home = readFileSync(join(out, "index.html"), "utf8");
  const page1 = readFileSync(join(out, "page", "1", "index.html"), "utf8");
  assert.match(home, /href="\/page\/1\/"/, "the home page links to the older page");
  assert.doesNotMatch(home, /href="\/page\/2\/"/);
  assert.match(home, /href="\/2016\/06\/30\/earlier-story\/"/, "the three newest stories are on the front");
  assert.match(page1, /href="\/2016\/06\/01\/first-of-june\/"/, "the oldest story is on page 1");
  assert.match(page1, /<a href="\/" rel="prev">/, "page 1 links back to the newer stories");
  const utc = readFileSync(join(out, "2016", "07", "15", "same-instant-in-utc", "index.html"), "utf8");
  assert.match(utc, /<time datetime="2016-07-15T00:30:00\+03:00"/, "21:30Z is shown as 00:30 on the 15th, offset kept");
  // The replaced site may still be being deleted in the background (_site.old-*); staging must be gone.
  assert.deepEqual(readdirSync(site.root).filter((f) => f.startsWith("_site.tmp")), []);
});
