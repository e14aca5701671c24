import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ContentError } from "../../src/model/problems.ts";
import { articleImage, setImageOutputRoot } from "../../src/images/responsiveImage.ts";
import { contentDirOf, imageFileProblem, imageProblems, resolveImagePath } from "../../src/images/imagePath.ts";
import type { Article } from "../../src/model/types.ts";

let dir: string;
let content: string;
let output: string;

/** A 1100×550 and a 300×200 PNG. */
const FIXTURES = fileURLToPath(new URL("../fixtures/images/", import.meta.url));

before(() => {
  dir = mkdtempSync(join(tmpdir(), "bulletin-images-"));
  content = join(dir, "content");
  output = join(dir, "_site");
  mkdirSync(join(content, "articles", "2016", "07", "images"), { recursive: true });
  mkdirSync(join(content, "images"), { recursive: true });
  copyFileSync(join(FIXTURES, "wide.png"), join(content, "articles", "2016", "07", "images", "map.png"));
  copyFileSync(join(FIXTURES, "small.png"), join(content, "images", "small.png"));
  setImageOutputRoot(output);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const articleFile = () => join(content, "articles", "2016", "07", "2016-07-15-story.md");

test("an image path is read relative to the article's own file", () => {
  assert.equal(resolveImagePath("images/map.png", articleFile(), content), join(content, "articles", "2016", "07", "images", "map.png"));
});

test("an image path starting with / is read from content/", () => {
  assert.equal(resolveImagePath("/images/small.png", articleFile(), content), join(content, "images", "small.png"));
});

test("an image outside content/ or on the web is refused", () => {
  assert.throws(() => resolveImagePath("../../../../../etc/passwd", articleFile(), content), /inside content/);
  assert.throws(() => resolveImagePath("https://example.org/a.jpg", articleFile(), content), /not a web address/);
});

test("the content folder of an article is found from its reported path, wherever the site lives", () => {
  assert.equal(contentDirOf("content/articles/2016/07/a.md"), "content");
  assert.equal(contentDirOf("../fixture/content/articles/a.md"), "../fixture/content");
});

test("a missing image is found while content is read, with what was looked for", () => {
  assert.equal(imageFileProblem("images/map.png", articleFile(), content), undefined);
  assert.equal(imageFileProblem("images/none.png", articleFile(), content), `image.src "images/none.png" is not a file (looked for ${join(content, "articles", "2016", "07", "images", "none.png")})`);
  assert.match(imageFileProblem("http://example.org/a.png", articleFile(), content)!, /not a web address/);
});

test("the build reports a missing image on the line of its src, before anything renders", () => {
  const file = join(content, "articles", "2016", "07", "2016-07-16-pictured.md");
  writeFileSync(file, "---\ntitle: A\ndate: 2016-07-16T10:00:00+03:00\nimage:\n  alt: The talks\n  src: talks.jpg\n---\nBody.\n");
  const pictured = { source: file, image: { src: "talks.jpg", alt: "The talks" } } as Article;
  const fine = { source: articleFile(), image: { src: "images/map.png", alt: "Map" } } as Article;
  const plain = { source: articleFile() } as Article;
  assert.deepEqual(imageProblems([pictured, fine, plain], dir), [
    { file, line: 6, message: 'image.src "talks.jpg" is not a file (looked for content/articles/2016/07/talks.jpg)', severity: "error" },
  ]);
});

test("an article image becomes AVIF, WebP and JPEG at widths up to its own, with its size kept", async () => {
  const img = await articleImage({ src: "images/map.png" }, { source: articleFile() }, content);
  assert.deepEqual(img.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  assert.equal(img.width, 1100);
  assert.equal(img.height, 550);
  assert.match(img.src, /^\/img\/.+-480\.jpeg$/);
  const widths = img.srcset.split(", ").map((c) => c.split(" ")[1]);
  assert.deepEqual(widths, ["480w", "800w", "1100w"]);
  for (const candidate of [img.srcset, ...img.sources.map((s) => s.srcset)].flatMap((set) => set.split(", "))) {
    const url = candidate.split(" ")[0]!;
    assert.ok(existsSync(join(output, url)), `${url} was written into the site`);
  }
});

test("an image smaller than the smallest width is never enlarged", async () => {
  const img = await articleImage({ src: "/images/small.png" }, { source: articleFile() }, content);
  assert.equal(img.width, 300);
  assert.equal(img.srcset.split(", ").length, 1);
});

test("a missing image is reported against the article, as a content problem", async () => {
  await assert.rejects(
    articleImage({ src: "images/nope.png" }, { source: articleFile() }, content),
    (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.equal(error.problems[0]!.file, articleFile());
      assert.match(error.problems[0]!.message, /image\.src "images\/nope\.png" is not a file/);
      return true;
    },
  );
});

test("a file that is not an image is reported, not crashed on", async () => {
  writeFileSync(join(content, "images", "notes.png"), "not a picture");
  await assert.rejects(articleImage({ src: "/images/notes.png" }, { source: articleFile() }, content), (error: unknown) => {
    assert.ok(error instanceof ContentError);
    assert.match(error.problems[0]!.message, /could not be resized/);
    return true;
  });
});
