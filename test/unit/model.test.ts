import { test } from "node:test";
import assert from "node:assert/strict";
import { articleFrontmatterSchema } from "../../src/model/schema.ts";
import { join } from "node:path";
import { formatProblem, ContentError } from "../../src/model/problems.ts";
import { readSiteConfig } from "../../src/model/site.ts";
import { loadFixture, makeFixtureSite, article } from "../support/fixtureSite.ts";

const schema = articleFrontmatterSchema("Asia/Damascus", "en", ["en", "ar"]);
const NEW = "content/articles/2016/07/2016-07-16-new-story.md";

/** The problems `npm run build` would print for the basic fixture plus `files`. */
/** The problems of a site.yaml reading `text`, as `check` prints them (none when it reads). */
function siteYamlProblems(text: string): string[] {
  const site = makeFixtureSite({ "content/site.yaml": text });
  try {
    readSiteConfig(join(site.root, "content/site.yaml"), "content/site.yaml");
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map(formatProblem);
  } finally {
    site.remove();
  }
}

function reported(files: Record<string, string | undefined>): string[] {
  return loadFixture(files).problems.map(formatProblem);
}

test("the basic fixture loads without a single problem", () => {
  const content = loadFixture();
  assert.deepEqual(content.problems, []);
  assert.equal(content.articles.length, 3);
});

const invalid: { name: string; frontmatter: string; expected: string }[] = [
  {
    name: "an article without a title",
    frontmatter: "date: 2016-07-16T10:00:00+03:00\ndateline: Moscow",
    expected: `${NEW}:1: title: is required`,
  },
  {
    name: "an empty title",
    frontmatter: 'title: "  "\ndate: 2016-07-16T10:00:00+03:00',
    expected: `${NEW}:2: title: must not be empty`,
  },
  {
    name: "a title given as a list",
    frontmatter: "date: 2016-07-16T10:00:00+03:00\ntitle: [Talks, in Moscow]",
    expected: `${NEW}:3: title: must be text, not a list`,
  },
  {
    name: "an impossible date, 30 February",
    frontmatter: "title: Talks\ndate: 2016-02-30T10:00:00+03:00",
    expected: `${NEW}:3: date: "2016-02-30T10:00:00+03:00" is not a real date`,
  },
  {
    name: "a date that is not ISO 8601",
    frontmatter: "title: Talks\ndate: 16 July 2016",
    expected: `${NEW}:3: date: "16 July 2016" is not an ISO 8601 date such as 2016-07-15T14:20:00+03:00`,
  },
  {
    name: "an update dated before publication",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\nupdated: 2016-07-16T09:59:00+03:00",
    expected: `${NEW}:4: updated: must not be before \`date\``,
  },
  {
    name: "a draft flag that is not true or false",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\ndraft: yes",
    expected: `${NEW}:4: draft: must be true or false, not string "yes"`,
  },
  {
    name: "an image without alt text",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\nimage:\n  src: talks.jpg",
    expected: `${NEW}:5: image.alt: is required`,
  },
  {
    name: "a correction dated before the article",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\ncorrections:\n  - text: Fixed a name\n    date: 2016-07-15T10:00:00+03:00",
    expected: `${NEW}:6: corrections.0.date: a correction cannot be dated before the article`,
  },
  {
    name: "a language the bulletin has no edition for",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\nlang: fr",
    expected: `${NEW}:4: lang: must be one of en, ar`,
  },
  {
    name: "a misspelt registered name",
    frontmatter: "title: Talks\ndate: 2016-07-16T10:00:00+03:00\npeople:\n  - Vladimir Putn",
    expected: `${NEW}:5: people: "Vladimir Putn" — did you mean "Vladimir Putin"?`,
  },
];

for (const c of invalid) {
  test(`${c.name} is reported as file:LINE: message`, () => {
    const lines = reported({ [NEW]: article(c.frontmatter) });
    assert.ok(lines.some((l) => l.startsWith(c.expected)), `expected a line starting\n  ${c.expected}\ngot\n  ${lines.join("\n  ")}`);
  });
}

test("problems in several files are all reported in one run, each with its own file", () => {
  const lines = reported({
    "content/articles/2016/07/a-no-title.md": article("date: 2016-07-16T10:00:00+03:00"),
    "content/articles/2016/07/b-bad-date.md": article("title: B\ndate: 2016-02-30T10:00:00+03:00"),
    "content/articles/2016/07/c-broken-yaml.md": article("title: C\ndate: 2016-07-16T10:00:00+03:00\npeople: [Putin, Kerry"),
    "content/people/nameless.md": article("role: Nobody"),
  });
  const errors = lines.filter((l) => !l.includes(": warning: "));
  assert.deepEqual(errors.map((l) => l.replace(/: .*$/, "")).sort(), [
    "content/articles/2016/07/a-no-title.md:1",
    "content/articles/2016/07/b-bad-date.md:3",
    "content/articles/2016/07/c-broken-yaml.md:4",
    "content/people/nameless.md:1",
  ]);
});

test("one bad article does not hide the valid ones from the problem-free count", () => {
  const content = loadFixture({ [NEW]: article("title: T\ndate: never") });
  assert.equal(content.problems.length, 1);
  assert.equal(content.articles.length, 3, "the three good fixture articles still load");
});

test("an unknown field is a warning that suggests the field meant", () => {
  const lines = reported({ [NEW]: article("title: Talks\ndate: 2016-07-16T10:00:00+03:00\ndatelin: Moscow") });
  assert.deepEqual(lines, [`${NEW}:4: warning: unknown field "datelin" is ignored — did you mean "dateline"?`]);
});

test("people given as a single string is a list of one person, resolved through the registry", () => {
  const parsed = schema.parse({ title: "T", date: "2016-07-15T10:00:00+03:00", people: "Vladimir Putin", topics: "Syria" });
  assert.deepEqual(parsed.people, ["Vladimir Putin"]);
  assert.deepEqual(parsed.topics, ["Syria"]);
  const talks = loadFixture().articles.find((a) => a.slug === "talks-after-midnight");
  assert.deepEqual(talks?.people.map((p) => [p.slug, p.role]), [["vladimir-putin", "President of Russia"]]);
});

test("an alias, a different case and extra spaces all resolve to the registered person", () => {
  const content = loadFixture({ [NEW]: article("title: T\ndate: 2016-07-16T10:00:00+03:00\npeople: [putin, VLADIMIR   PUTIN, Vladimir Putin]") });
  const story = content.articles.find((a) => a.slug === "new-story");
  assert.deepEqual(story?.people.map((p) => p.slug), ["vladimir-putin"]);
});

test("a name nobody registered still gets a person, named as written", () => {
  const kerry = loadFixture().articles.flatMap((a) => a.people).find((p) => p.slug === "john-kerry");
  assert.equal(kerry?.name, "John Kerry");
  assert.equal(kerry?.source, undefined);
});

test("missing optional lists default to empty, and language to the site's", () => {
  const parsed = schema.parse({ title: "T", date: "2016-07-15T10:00:00+03:00" });
  assert.deepEqual([parsed.people, parsed.topics, parsed.corrections, parsed.draft, parsed.lang], [[], [], [], false, "en"]);
});

test("a title keeps its text but loses stray leading combining marks and spaces", () => {
  const parsed = schema.parse({ title: "\u064F  English Bulletin ", date: "2016-07-15T10:00:00+03:00" });
  assert.equal(parsed.title, "English Bulletin");
});

test("drafts and future-dated articles are read but not published; previews include them", () => {
  const files = {
    "content/articles/2016/07/draft.md": article("title: Draft\ndate: 2016-07-16T10:00:00+03:00\ndraft: true"),
    "content/articles/2030/01/future.md": article("title: Future\ndate: 2030-01-01T10:00:00+03:00"),
  };
  const published = loadFixture(files);
  assert.deepEqual(published.problems, []);
  assert.equal(published.all.length, 5);
  assert.deepEqual(published.articles.map((a) => a.slug).sort(), ["earlier-story", "same-instant-in-utc", "talks-after-midnight"]);
  const preview = loadFixture(files, { preview: true });
  assert.equal(preview.articles.length, 5);
  assert.equal(preview.articles.find((a) => a.slug === "future")?.scheduled, true);
});

test("two articles with the same URL are an error naming both files", () => {
  const lines = reported({ "content/articles/other/talks-after-midnight.md": article("title: Again\ndate: 2016-07-15T09:00:00+03:00") });
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^content\/articles\/(2016\/07\/2016-07-15-|other\/)talks-after-midnight\.md(:\d+)?: has the same URL \/2016\/07\/15\/talks-after-midnight\/ as content\/articles\//);
});

test("site.yaml problems name the setting and its line: a wrong type is not called missing", () => {
  assert.deepEqual(siteYamlProblems("name: Test\nagency: SANA\nbaseUrl: https://bulletin.test\narticlesPerPage: twenty\ntimeZone: Asia/Nowhere\n"), [
    'content/site.yaml:4: articlesPerPage: must be a number, not string "twenty"',
    "content/site.yaml:5: timeZone: is not an IANA time zone such as Asia/Damascus",
  ]);
  // The sitemap protocol allows 50,000 URLs a file: more, or none, is named on its line.
  const sitemap = (value: string) => siteYamlProblems(`name: Test\nagency: SANA\nbaseUrl: https://bulletin.test\ntimeZone: Asia/Damascus\nsitemapMaxUrls: ${value}\n`);
  assert.deepEqual(sitemap("60000"), ["content/site.yaml:5: sitemapMaxUrls: must be at most 50000, the sitemap protocol's limit a file"]);
  assert.match(sitemap("0")[0]!, /^content\/site\.yaml:5: sitemapMaxUrls: /);
  assert.deepEqual(sitemap("10000"), []);
});

test("a title, dateline or name typed as a number keeps its text exactly; true/false and numbers still work where wanted", () => {
  const content = loadFixture({
    [NEW]: article("title: 007\ndate: 2016-07-16T10:00:00+03:00\ndateline: 0x1F\nsummary: 1e3\nauthor: true\npeople: [1984]\ndraft: false"),
  });
  assert.deepEqual(content.problems, []);
  const story = content.all.find((a) => a.slug === "new-story")!;
  assert.deepEqual([story.title, story.dateline, story.summary, story.author, story.draft], ["007", "0x1F", "1e3", "true", false]);
  assert.deepEqual(story.people.map((p) => p.name), ["1984"]);
  assert.equal(content.site.articlesPerPage, 2, "articlesPerPage: 2 in the fixture's site.yaml is still a number");
  assert.equal(loadFixture({ [NEW]: article("title: T\ndate: 2016-07-16T10:00:00+03:00\ndraft: true") }).all.find((a) => a.slug === "new-story")?.draft, true);
});

test("a number where a date or true/false is wanted is reported as typed", () => {
  assert.deepEqual(reported({ [NEW]: article("title: T\ndate: 20160716\ndraft: 1") }), [
    `${NEW}:3: date: must be a date such as 2016-07-15T14:20:00+03:00, not number 20160716`,
    `${NEW}:4: draft: must be true or false, not number 1`,
  ]);
});

test("site settings typed as numbers keep their text; numbers and true/false settings still read", () => {
  const site = makeFixtureSite({
    "content/site.yaml": "name: 1984\nagency: 007\nbaseUrl: https://bulletin.test\ntimeZone: Asia/Damascus\narticlesPerPage: 0x10\nallowHtml: true\n",
  });
  try {
    const config = readSiteConfig(join(site.root, "content/site.yaml"), "content/site.yaml");
    assert.deepEqual([config.name, config.agency, config.articlesPerPage, config.allowHtml], ["1984", "007", 16, true]);
  } finally {
    site.remove();
  }
});

test("twitterSite is an account name, kept with its @; anything else is an error on its line", () => {
  const site = makeFixtureSite({
    "content/site.yaml": "name: T\nagency: SANA\nbaseUrl: https://bulletin.test\ntimeZone: Asia/Damascus\ntwitterSite: SANA_English\neditions:\n  ar:\n    twitterSite: \"@SANA_AR\"\n",
  });
  try {
    const config = readSiteConfig(join(site.root, "content/site.yaml"), "content/site.yaml");
    assert.deepEqual([config.twitterSite, config.editions.ar?.twitterSite], ["@SANA_English", "@SANA_AR"]);
    assert.deepEqual(siteYamlProblems("name: T\nagency: SANA\nbaseUrl: https://bulletin.test\ntimeZone: Asia/Damascus\ntwitterSite: https://x.com/SANA_English\n"), [
      "content/site.yaml:5: twitterSite: must be an X (Twitter) account name such as @SANA_English: letters, digits and _, at most 15",
    ]);
  } finally {
    site.remove();
  }
});

test("characters that are not text are errors on their line: escaped halves of characters, noncharacters, control characters", () => {
  const lines = reported({
    [NEW]: article(
      'title: "Talks \\ud800 end"\ndate: 2016-07-16T10:00:00+03:00\nsummary: "Bell \\a"\npeople: ["Putin\\uFFFE"]\nauthor: "tab\\tand\\nnewline are fine"',
      "First line.\n\nA raw escape \u001b[31m here.\n\nAnd \u0007 another.",
    ),
  });
  assert.deepEqual(lines, [
    `${NEW}:2: title: contains U+D800, half of a character (a lone surrogate, as an escape such as "\\ud800" gives): delete it, or write the whole character itself`,
    `${NEW}:4: summary: contains the control character U+0007, which is invisible and cannot be published: delete it (retyping the words around it removes it)`,
    `${NEW}:5: people.0: contains U+FFFE, which Unicode reserves as a noncharacter, not text: delete it`,
    `${NEW}:10: contains the control character U+001B, which is invisible and cannot be published: delete it (retyping the words around it removes it) (the body has 1 more such character after this one)`,
  ]);
});

test("Arabic, emoji, accents, a byte order mark, CRLF, tabs and line ends are all text", () => {
  const lines = reported({
    [NEW]: "\uFEFF---\r\ntitle: \"بوتين 🇸🇾 José \\u200F\"\r\ndate: 2016-07-16T10:00:00+03:00\r\n---\r\nBody\twith a tab, <b> & \"quotes\".\r\n",
  });
  assert.deepEqual(lines, []);
});

test("a setting with a control character is an error on its line of site.yaml", () => {
  assert.deepEqual(siteYamlProblems('name: "Bulletin \\e[2J"\nagency: SANA\nbaseUrl: https://bulletin.test\ntimeZone: Asia/Damascus\n'), [
    "content/site.yaml:1: name: contains the control character U+001B, which is invisible and cannot be published: delete it (retyping the words around it removes it)",
  ]);
});

/** The problems of site.yaml with `baseUrl` set to `value` (the other settings valid), as `check` prints them. */
function baseUrlProblems(value: string): string[] {
  return siteYamlProblems(`name: Test\nagency: SANA\ntimeZone: Asia/Damascus\nbaseUrl: ${value}\n`);
}

const badBaseUrls: [value: string, why: RegExp][] = [
  ["https://bulletin.test/?utm_source=feed", /must not have a query \(\?…\): it would be copied into every canonical URL and sitemap entry/],
  ["https://bulletin.test?", /must not have a query/],
  ["https://bulletin.test/#top", /must not have a fragment \(#…\)/],
  ["https://example.org/bulletin/", /has a path \(\/bulletin\/\), which is not supported: every link the site writes starts at the root of its domain/],
  ["ftp://bulletin.test", /must start with https:\/\/ \(or http:\/\/\)/],
  ["https://editor:secret@bulletin.test", /must not hold a user name or password/],
  ["bulletin.test", /is not a web address/],
];

for (const [value, why] of badBaseUrls) {
  test(`baseUrl ${value} is an error on its line of site.yaml, saying why`, () => {
    const lines = baseUrlProblems(value);
    assert.equal(lines.length, 1, lines.join("\n"));
    assert.ok(lines[0]!.startsWith(`content/site.yaml:4: baseUrl: "${value}" `), lines[0]);
    assert.match(lines[0]!, why);
  });
}

test("a bare origin is a base URL, with or without a trailing slash, and is written without one", () => {
  for (const [value, origin] of [["https://bulletin.test/", "https://bulletin.test"], ["http://Bulletin.Test:8080", "http://bulletin.test:8080"], ["https://bulletin.test:443", "https://bulletin.test"]]) {
    const site = makeFixtureSite({ "content/site.yaml": `name: Test\nagency: SANA\ntimeZone: Asia/Damascus\nbaseUrl: ${value}\n` });
    try {
      assert.equal(readSiteConfig(join(site.root, "content/site.yaml"), "content/site.yaml").baseUrl, origin);
    } finally {
      site.remove();
    }
  }
});

test("an impossible date is reported in the desk's words, not the date library's", () => {
  assert.deepEqual(reported({ [NEW]: article("title: T\ndate: 2016-13-01") }), [`${NEW}:3: date: "2016-13-01" is not a real date: there is no month 13 (months run from 01 to 12)`]);
});
