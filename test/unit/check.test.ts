import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, rmSync, symlinkSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { checkContent } from "../../src/model/checkContent.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { copyDesk, runScript, DESK, DESK_NOW } from "../fixtures/writers/deskSite.ts";

/** `npm run check` as a writer runs it, and the mention warnings it adds to the build's checks. */

const ART = "content/articles/2016/07";
const PNG = fileURLToPath(new URL("../fixtures/images/small.png", import.meta.url));
const story = (fm: string, body = "Body.") => `---\ntitle: A story\ndate: 2016-07-20T10:00:00+03:00\n${fm}\n---\n${body}\n`;

/**
 * The desk fixture names six people and topics that no registry file has (José Martínez,
 * an Arabic topic, the draft's and the scheduled story's): check lists each once as a new
 * name. Tests about other problems leave those lines out.
 */
const NEW_NAME = /: warning: (people|topics): "[^"]*" is not registered: /;
const withoutNewNames = (lines: string[]) => lines.filter((l) => !NEW_NAME.test(l));

/** Every file the reader of a report must be able to open, named once per problem. */
const BAD = {
  [`${ART}/2016-07-20-broken-yaml.md`]: story("topics: [Syria, Golan"),
  [`${ART}/2016-07-20-no-title.md`]: "---\ndate: 2016-07-20T10:00:00+03:00\n---\nBody.\n",
  [`${ART}/2016-07-20-impossible-date.md`]: "---\ntitle: T\ndate: 2016-02-30T10:00:00+03:00\n---\nBody.\n",
  [`${ART}/2016-07-20-typo.md`]: story("people: [Vladimir Putn]"),
  [`${ART}/2016-07-20-unknown-field.md`]: story("datelin: Hama"),
  [`${ART}/2016-07-20-untagged-mention.md`]: story("people: [Putin]", "First line.\n\nThen aid reached Syria."),
  "content/articles/elsewhere/talks-in-moscow.md": "---\ntitle: Twin\ndate: 2016-07-15T20:00:00+03:00\n---\nBody.\n",
  "content/topics/golan-heights.md": "---\nname: Golan Heights\nslug: الجولان\n---\n",
};

test("check reports every problem of a run as file:LINE: message, with a summary, and exits 1 on errors", async () => {
  const site = copyDesk(BAD);
  try {
    const run = await runScript("check", site.root);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const all = run.stdout.trim().split("\n").filter(Boolean);
    const summary = all.pop()!;
    assert.match(summary, /^Checked 13 articles \(1 draft, 1 scheduled\), 1 person and 2 topics in \d+\.\d s: 6 errors, 9 warnings\.$/);
    // The desk's six, and the registered Golan topic, left out for the clash below.
    assert.equal(all.filter((l) => NEW_NAME.test(l)).length, 7);
    const lines = withoutNewNames(all);
    assert.deepEqual(lines.map((l) => l.replace(/: .*/s, "")), [
      `${ART}/2016-07-20-broken-yaml.md:4`,
      `${ART}/2016-07-20-impossible-date.md:3`,
      `${ART}/2016-07-20-no-title.md:1`,
      `${ART}/2016-07-20-typo.md:4`,
      `${ART}/2016-07-20-unknown-field.md:4`,
      `${ART}/2016-07-20-untagged-mention.md:8`,
      "content/articles/elsewhere/talks-in-moscow.md:3", // a URL collision points at the date
      "content/topics/golan.md:3",
    ]);
    assert.ok(lines[6]!.includes("content/articles/2016/07/2016-07-15-talks-in-moscow.md"), "a URL collision names both files");
    assert.ok(lines[7]!.includes("content/topics/golan-heights.md"), "a registry clash names both files");
    assert.equal(lines.filter((l) => l.includes(": warning: ")).length, 2);
    assert.equal(run.stderr, "");
    assert.doesNotMatch(run.stdout, /^\s+at |Error:|node:internal/m, "no stack trace");
  } finally {
    site.remove();
  }
});

test("check passes a clean bulletin, saying what it read", async () => {
  const run = await runScript("check", DESK);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const lines = run.stdout.trim().split("\n");
  assert.match(lines.pop()!, /^Checked 6 articles \(1 draft, 1 scheduled\), 1 person and 2 topics in \d+\.\d s: no errors, 6 warnings\.$/);
  assert.deepEqual(withoutNewNames(lines.filter(Boolean)), [], "its only warnings are the names it introduces");
});

test("warnings alone are printed but do not fail the check", async () => {
  const site = copyDesk({ [`${ART}/2016-07-20-unknown-field.md`]: story("datelin: Hama") });
  try {
    const run = await runScript("check", site.root);
    assert.equal(run.code, 0);
    assert.ok(run.stdout.includes(`\n${ART}/2016-07-20-unknown-field.md:4: warning: unknown field "datelin" is ignored — did you mean "dateline"?\n`), run.stdout);
  } finally {
    site.remove();
  }
});

test("a broken or missing site.yaml is reported by file and line, without a stack trace", async () => {
  const site = copyDesk({ "content/site.yaml": "name: Desk\nagency: SANA\nbaseUrl: https://desk.test\ntimeZone: Mars/Olympus\n" });
  try {
    const bad = await runScript("check", site.root);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^content\/site\.yaml:4: timeZone: is not an IANA time zone such as Asia\/Damascus$/m);
    site.write("content/site.yaml", "");
    rmSync(join(site.root, "content", "site.yaml"));
    const missing = await runScript("check", site.root);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /^content\/site\.yaml: cannot be read: run the command in the bulletin's folder/m);
    for (const run of [bad, missing]) assert.doesNotMatch(run.stdout + run.stderr, /^\s+at |node:internal/m);
  } finally {
    site.remove();
  }
});

/** The mention warnings for one article added to the desk fixture. */
async function mentions(fm: string, body: string): Promise<string[]> {
  const site = copyDesk({ [`${ART}/2016-07-20-a-story.md`]: story(fm, body) });
  try {
    return (await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem).filter((l) => l.includes("mentions"));
  } finally {
    site.remove();
  }
}

test("a registered person named in the body by an alias, in any case, but not tagged is a warning on that line", async () => {
  assert.deepEqual(await mentions("topics: [Syria]", "Talks opened.\n\nLater, president putin spoke. Putin left."), [
    `${ART}/2016-07-20-a-story.md:8: warning: the story mentions "president putin" (Vladimir Putin), which people: does not list — add "Vladimir Putin" to people: if the story is about them`,
  ]);
});

test("a registered topic named in the body, even by its Arabic name or across a line break, is a warning", async () => {
  const lines = await mentions("people: [Putin]", "Aid reached the Syrian Arab\nRepublic.\n\nوصلت المساعدات إلى سوريا.");
  assert.equal(lines.length, 1, lines.join("\n"));
  assert.match(lines[0]!, /:6: warning: the story mentions "Syrian Arab Republic" \(Syria\), which topics: does not list/);
});

test("an alias inside a longer name the story tags is no mention of the registered person", async () => {
  // "Putin" is an alias of Vladimir Putin; the story is about someone else called Putin.
  assert.deepEqual(await mentions("people: [Ivan Putin]", "Ivan Putin, a farmer, spoke."), []);
  assert.equal((await mentions("people: [Ivan Putin]", "Ivan Putin met Putin.")).length, 1, "a Putin on his own is still a mention");
});

test("a name inside a longer word, or a person the story already tags, is no mention", async () => {
  assert.deepEqual(await mentions("topics: [Syria]", "Putinism and anti-Syrian rhetoric; Syrians."), []);
  assert.deepEqual(await mentions("people: [Putin]\ntopics: [syria]", "Vladimir Putin visited Syria."), []);
});

test("check finds an image the build could not find, on the line of its src", async () => {
  const site = copyDesk({
    [`${ART}/2016-07-20-pictured.md`]: story("image:\n  alt: The talks\n  src: talks.jpg"),
    [`${ART}/2016-07-20-from-the-web.md`]: story("image: { src: \"https://example.com/a.jpg\", alt: A }"),
  });
  try {
    const lines = withoutNewNames((await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem));
    assert.deepEqual(lines, [
      `${ART}/2016-07-20-from-the-web.md:4: image.src "https://example.com/a.jpg" must be a file in content/, not a web address`,
      `${ART}/2016-07-20-pictured.md:6: image.src "talks.jpg" is not a file (looked for ${ART}/talks.jpg)`,
    ]);
    site.write(`${ART}/talks.jpg`, readFileSync(PNG)); // a PNG called .jpg: what sharp reads is the content

    site.write(`${ART}/2016-07-20-from-the-web.md`, story(""));
    assert.deepEqual(withoutNewNames((await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem)), []);
  } finally {
    site.remove();
  }
});

test("a file not saved as UTF-8, or that cannot be read, is an error naming it, never garbled text on the site", async () => {
  const cp1256 = Buffer.concat([
    Buffer.from("---\ntitle: Aid convoy\ndate: 2016-07-20T10:00:00+03:00\ntopics: ["),
    Buffer.from([0xd3, 0xe6, 0xd1, 0xed, 0xc7]), // سوريا in Windows-1256, as Arabic desks on Windows save it
    Buffer.from("]\n---\nBody.\n"),
  ]);
  const utf16 = Buffer.from("\uFEFF---\ntitle: Notepad\ndate: 2016-07-20T10:00:00+03:00\n---\nBody.\n", "utf16le");
  const site = copyDesk({ [`${ART}/2016-07-20-cp1256.md`]: cp1256, [`${ART}/2016-07-20-notepad.md`]: utf16 });
  try {
    symlinkSync(join(site.root, "nowhere.md"), join(site.root, ART, "2016-07-20-dangling.md"));
    const lines = withoutNewNames((await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem));
    assert.deepEqual(lines, [
      `${ART}/2016-07-20-cp1256.md:4: is not saved as UTF-8 (this line has bytes that are not UTF-8 text): save the file as UTF-8 in your editor`,
      `${ART}/2016-07-20-dangling.md: cannot be read (ENOENT)`,
      `${ART}/2016-07-20-notepad.md:1: is not saved as UTF-8 (this line has bytes that are not UTF-8 text): save the file as UTF-8 in your editor`,
    ]);
  } finally {
    site.remove();
  }
});

test("a file named like an image that is not one is an error on the line of its src, and a real one is not", async () => {
  const site = copyDesk({
    [`${ART}/2016-07-20-text.md`]: story("image:\n  alt: The talks\n  src: talks.png"),
    [`${ART}/talks.png`]: "Talks in Moscow: a caption saved under the picture's name.\n",
    [`${ART}/2016-07-20-empty.md`]: story("image: { src: /images/empty.jpg, alt: Nothing }"),
    "content/images/empty.jpg": "",
    [`${ART}/2016-07-20-real.md`]: story("image: { src: real.png, alt: A map }"),
    [`${ART}/real.png`]: readFileSync(PNG),
  });
  try {
    const lines = withoutNewNames((await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem));
    assert.deepEqual(lines, [
      `${ART}/2016-07-20-empty.md:4: image.src "/images/empty.jpg" is not an image that can be read (Input file contains unsupported image format): save it as JPEG, PNG, WebP or AVIF`,
      `${ART}/2016-07-20-text.md:6: image.src "talks.png" is not an image that can be read (Input file contains unsupported image format): save it as JPEG, PNG, WebP or AVIF`,
    ]);
  } finally {
    site.remove();
  }
});

/** The new-name warnings of check on the desk fixture with `files` added. */
async function newNames(files: Record<string, string>): Promise<string[]> {
  const site = copyDesk(files);
  try {
    const lines = (await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem);
    return lines.filter((l) => / is not registered|is a slip away from /.test(l) && !/Martínez|الجولان|Zqx/.test(l));
  } finally {
    site.remove();
  }
}

test("a person no registry file has is listed once, on the first line naming them, with their page and how to register them", async () => {
  assert.deepEqual(
    await newNames({
      [`${ART}/2016-07-20-first.md`]: story("topics: [Syria]\npeople: [Bashar al-Assad]"),
      [`${ART}/2016-07-21-again.md`]: story("people: [Vladimir Putin, BASHAR AL-ASSAD]"),
    }),
    [`${ART}/2016-07-20-first.md:5: warning: people: "Bashar al-Assad" is not registered: it gets a page of its own, /people/bashar-al-assad/ — to give it a role, a bio or an Arabic name, add content/people/bashar-al-assad.md with name: Bashar al-Assad`],
  );
});

test("two unregistered names a slip apart are a warning naming where the other is first written", async () => {
  assert.deepEqual(
    await newNames({
      [`${ART}/2016-07-20-first.md`]: story("people: [Bashar al-Assad]\ntopics: [Geneva talks]"),
      [`${ART}/2016-07-21-second.md`]: story("topics: [Syria, Geneva talsk]\npeople:\n  - Bashar al-Asad"),
    }),
    [
      `${ART}/2016-07-20-first.md:4: warning: people: "Bashar al-Assad" is not registered: it gets a page of its own, /people/bashar-al-assad/ — to give it a role, a bio or an Arabic name, add content/people/bashar-al-assad.md with name: Bashar al-Assad`,
      `${ART}/2016-07-20-first.md:5: warning: topics: "Geneva talks" is not registered: it gets a page of its own, /topics/geneva-talks/ — to give it a description or an Arabic name, add content/topics/geneva-talks.md with name: Geneva talks`,
      `${ART}/2016-07-21-second.md:4: warning: topics: "Geneva talsk" is a slip away from "Geneva talks" (${ART}/2016-07-20-first.md:5), which is not registered either: the two spellings make two pages — if they are one topic, write it one way, or register it in content/topics/ with the other spelling in aliases:`,
      `${ART}/2016-07-21-second.md:6: warning: people: "Bashar al-Asad" is a slip away from "Bashar al-Assad" (${ART}/2016-07-20-first.md:4), which is not registered either: the two spellings make two pages — if they are one person, write it one way, or register it in content/people/ with the other spelling in aliases:`,
    ],
  );
});

test("unregistered names the typo rules tell apart are not taken for slips of each other", async () => {
  const lines = await newNames({
    [`${ART}/2016-07-20-first.md`]: story("topics: [Iran, Resolution 2254, محمد]\npeople: [Maria Petrova]"),
    [`${ART}/2016-07-21-second.md`]: story("topics: [Iraq, Resolution 2253, محمود]\npeople: [Rania Petrova]"),
  });
  assert.equal(lines.length, 8, lines.join("\n"));
  assert.deepEqual(lines.filter((l) => l.includes("slip away")), []);
});
