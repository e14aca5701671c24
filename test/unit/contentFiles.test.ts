import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkContent } from "../../src/model/checkContent.ts";
import { prepareSite } from "../../src/site/prepareSite.ts";
import { ImageCache } from "../../src/images/imageCache.ts";
import { formatProblem } from "../../src/model/problems.ts";
import { copyDesk, DESK_NOW, type TempSite } from "../fixtures/writers/deskSite.ts";

/**
 * Files that are not what they seem: links out of content/, named pipes. Only regular files
 * inside content/ are read; anything else is a problem named by file (and line where the
 * file is named by a field), never read, never published.
 */

const ART = "content/articles/2016/07";
const story = (fm: string, body = "Body.") => `---\ntitle: A story\ndate: 2016-07-20T10:00:00+03:00\n${fm}\n---\n${body}\n`;
const PNG = fileURLToPath(new URL("../fixtures/images/small.png", import.meta.url));

/** A folder beside the site, outside its content/: what a link must not reach. */
function outsideFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "bulletin-outside-"));
  writeFileSync(join(dir, "secret.md"), story("people: [Vladimir Putin]", "Private notes, never to be published."));
  writeFileSync(join(dir, "person.md"), "---\nname: Outside Person\n---\n");
  copyFileSync(PNG, join(dir, "photo.png"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function problems(site: TempSite): Promise<string[]> {
  // Less the names the desk fixture introduces, which check lists as new (see check.test.ts).
  return (await checkContent({ root: site.root, now: DESK_NOW })).problems.map(formatProblem).filter((l) => !/ is not registered: /.test(l));
}

test("an article, a registry entry or an image linked from outside content/ is an error naming the file, and is not read", async () => {
  const outside = outsideFolder();
  const site = copyDesk({ [`${ART}/2016-07-20-pictured.md`]: story("image:\n  alt: A photo\n  src: photo.png") });
  try {
    symlinkSync(join(outside.dir, "secret.md"), join(site.root, ART, "2016-07-20-secret.md"));
    symlinkSync(join(outside.dir, "person.md"), join(site.root, "content/people/outside-person.md"));
    symlinkSync(join(outside.dir, "photo.png"), join(site.root, ART, "photo.png"));
    const lines = await problems(site);
    const link = (name: string) => `is a link to ${join(outside.dir, name)}, outside content/: only files inside content/ are published — copy the file into content/ rather than linking to it`;
    assert.deepEqual(lines, [
      `${ART}/2016-07-20-pictured.md:6: image.src "photo.png" ${link("photo.png")}`,
      `${ART}/2016-07-20-secret.md: ${link("secret.md")}`,
      `content/people/outside-person.md: ${link("person.md")}`,
    ]);
  } finally {
    site.remove();
    outside.remove();
  }
});

test("the build stops on an image linked from outside content/ before anything renders", async () => {
  const outside = outsideFolder();
  const site = copyDesk({ [`${ART}/2016-07-20-pictured.md`]: story("image: { src: /images/photo.png, alt: A photo }") });
  try {
    mkdirSync(join(site.root, "content/images"));
    symlinkSync(join(outside.dir, "photo.png"), join(site.root, "content/images/photo.png"));
    const prepared = await prepareSite({ root: site.root, now: DESK_NOW, images: new ImageCache(join(site.root, ".bulletin-cache", "img")) });
    assert.equal(prepared.site, undefined, "nothing is built");
    assert.deepEqual(prepared.problems.map((p) => `${p.file}:${p.line}`), [`${ART}/2016-07-20-pictured.md:4`]);
    assert.match(prepared.problems[0]!.message, /^image\.src "\/images\/photo\.png" is a link to .*, outside content\//);
  } finally {
    site.remove();
    outside.remove();
  }
});

test("a link to a file inside content/ is read like the file itself", async () => {
  const site = copyDesk({ "content/shared/talks.md": story("topics: [Syria]"), [`${ART}/pictures/photo.png`]: "" });
  try {
    copyFileSync(PNG, join(site.root, ART, "pictures/photo.png"));
    symlinkSync(join(site.root, "content/shared/talks.md"), join(site.root, ART, "2016-07-20-talks-linked.md"));
    symlinkSync("pictures/photo.png", join(site.root, ART, "photo.png"));
    site.write(`${ART}/2016-07-20-pictured.md`, story("image: { src: photo.png, alt: A photo }"));
    assert.deepEqual(await problems(site), []);
  } finally {
    site.remove();
  }
});

test("a named pipe called like an article, a registry entry or an image is reported and never read, so nothing waits on it", async () => {
  const site = copyDesk({ [`${ART}/2016-07-20-pictured.md`]: story("image: { src: photo.png, alt: A photo }") });
  const pipes = [`${ART}/2016-07-20-pipe.md`, "content/topics/pipe.md", `${ART}/photo.png`];
  // Writers wait on each pipe: a reader that opens it gets their text (before, that story was
  // published); one that never reads it leaves them waiting, and they are ended below.
  const writers = pipes.map((pipe) => {
    execFileSync("mkfifo", [join(site.root, pipe)]);
    return spawn("sh", ["-c", `printf -- '---\\ntitle: From a pipe\\ndate: 2016-07-20T10:00:00+03:00\\nname: Pipe\\n---\\nPiped.\\n' > '${join(site.root, pipe)}'`], { stdio: "ignore" });
  });
  try {
    const lines = await problems(site);
    assert.deepEqual(lines, [
      `${ART}/2016-07-20-pictured.md:4: image.src "photo.png" is not a regular file but a named pipe (FIFO)`,
      `${ART}/2016-07-20-pipe.md: is not a regular file but a named pipe (FIFO): only ordinary files are read — delete it, or put the real file in its place`,
      "content/topics/pipe.md: is not a regular file but a named pipe (FIFO): only ordinary files are read — delete it, or put the real file in its place",
    ]);
  } finally {
    for (const writer of writers) writer.kill();
    site.remove();
  }
});

test("a site.yaml that is a named pipe is an error, not a wait", async () => {
  const site = copyDesk();
  rmSync(join(site.root, "content/site.yaml"));
  execFileSync("mkfifo", [join(site.root, "content/site.yaml")]);
  const writer = spawn("sh", ["-c", `printf 'name: Piped\\n' > '${join(site.root, "content/site.yaml")}'`], { stdio: "ignore" });
  try {
    assert.deepEqual(await problems(site), ["content/site.yaml: is not a regular file but a named pipe (FIFO): only ordinary files are read — delete it, or put the real file in its place"]);
  } finally {
    writer.kill();
    site.remove();
  }
});
