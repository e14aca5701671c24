import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ImageCache, ImageError } from "../../src/images/imageCache.ts";
import { DiskFullError } from "../../src/publish/faults.ts";
import { contentDirOf, imageFileProblem, imageProblems, resolveImagePath } from "../../src/images/imagePath.ts";
import type { Article } from "../../src/model/types.ts";

let dir: string;
let content: string;
/** The cache the tests share (an encoding is slow); the fault tests make their own. */
const cache = () => new ImageCache(join(dir, "cache"));

/** A 1100×550 and a 300×200 PNG. */
const FIXTURES = fileURLToPath(new URL("../fixtures/images/", import.meta.url));

before(() => {
  dir = mkdtempSync(join(tmpdir(), "bulletin-images-"));
  content = join(dir, "content");
  mkdirSync(join(content, "articles", "2016", "07", "images"), { recursive: true });
  mkdirSync(join(content, "images"), { recursive: true });
  copyFileSync(join(FIXTURES, "wide.png"), join(content, "articles", "2016", "07", "images", "map.png"));
  copyFileSync(join(FIXTURES, "small.png"), join(content, "images", "small.png"));
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
  const img = await cache().image(join(content, "articles", "2016", "07", "images", "map.png"));
  assert.deepEqual(img.sources.map((s) => s.type), ["image/avif", "image/webp"]);
  assert.equal(img.width, 1100);
  assert.equal(img.height, 550);
  assert.match(img.src, /^\/img\/.+-480\.jpeg$/);
  const widths = img.srcset.split(", ").map((c) => c.split(" ")[1]);
  assert.deepEqual(widths, ["480w", "800w", "1100w"]);
  const names = new Set(img.files.map((f) => f.name));
  for (const candidate of [img.srcset, ...img.sources.map((s) => s.srcset)].flatMap((set) => set.split(", "))) {
    const url = candidate.split(" ")[0]!;
    assert.ok(names.has(url.replace("/img/", "")), `${url} is among the files published with the page`);
  }
  for (const file of img.files) assert.ok(readFileSync(file.path).length > 0, `${file.name} is in the cache`);
});

test("an article image also gets 16:9, 4:3 and 1:1 crops 1,200 px wide for other sites, published with it but never in its srcset", async () => {
  const { default: sharp } = await import("sharp");
  for (const source of [join(content, "articles", "2016", "07", "images", "map.png"), join(content, "images", "small.png")]) {
    const img = await cache().image(source);
    assert.deepEqual(img.crops.map((c) => [c.ratio, c.width, c.height]), [["16x9", 1200, 675], ["4x3", 1200, 900], ["1x1", 1200, 1200]]);
    for (const crop of img.crops) {
      const file = img.files.find((f) => `/img/${f.name}` === crop.url);
      assert.ok(file, `${crop.url} is published with the page`);
      const meta = await sharp(file.path).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", crop.width, crop.height], crop.url);
      assert.ok(![img.srcset, ...img.sources.map((x) => x.srcset)].some((set) => set.includes(crop.url)), `${crop.url} is not a rendition`);
    }
  }
});

test("a graphic's crops (the share image) are all of it, fitted on its own background colour, and nothing else is made of it", async () => {
  const { default: sharp } = await import("sharp");
  const share = fileURLToPath(new URL("../../layouts/assets/share.png", import.meta.url));
  const graphic = await cache().crops(share);
  assert.deepEqual(graphic.crops.map((c) => c.ratio), ["16x9", "4x3", "1x1"]);
  assert.equal(graphic.files.length, 3);
  const square = graphic.files.find((f) => f.name.endsWith("-1x1.jpeg"))!;
  const { data, info } = await sharp(square.path).raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  const background = pixel(0, 0);
  // Fitted whole: the bands above and below the 1200 × 630 design are its background colour,
  // and the design's own background (not a cut-off edge) runs to both sides.
  const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 6);
  for (const [x, y] of [[600, 10], [600, 1190], [5, 600], [1194, 600]] as const) assert.ok(near(pixel(x, y), background), `${x},${y} is background`);
  // …and the name's white letters are there in the middle band, not cut away.
  let white = 0;
  for (let x = 0; x < 1200; x += 2) if (pixel(x, 570).every((v) => v > 200)) white++;
  assert.ok(white > 20, `the name is on the crop (${white} white samples on its line)`);
});

test("an image smaller than the smallest width is never enlarged", async () => {
  const img = await cache().image(join(content, "images", "small.png"));
  assert.equal(img.width, 300);
  assert.equal(img.srcset.split(", ").length, 1);
});

test("a file that is not an image is an image error (the writer's problem), not a crash", async () => {
  writeFileSync(join(content, "images", "notes.png"), "not a picture");
  await assert.rejects(cache().image(join(content, "images", "notes.png")), (error: unknown) => error instanceof ImageError && /could not be resized/.test(error.message));
});

/** Every file of every entry of the cache, by name, with its bytes. */
function cachedFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir)) {
    if (!statSync(join(dir, entry)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, entry))) files.set(`${entry}/${name}`, readFileSync(join(dir, entry, name)));
  }
  return files;
}

test("a cached rendition left empty or cut short (a build killed while writing it) is never used: it is made again", async () => {
  const where = join(dir, "cache-damaged");
  const source = join(content, "articles", "2016", "07", "images", "map.png");
  const good = await new ImageCache(where).image(source);
  const fresh = new Map(good.files.map((f) => [f.name, readFileSync(f.path)]));
  const [emptied, cut] = good.files;
  writeFileSync(emptied!.path, "");
  writeFileSync(cut!.path, fresh.get(cut!.name)!.subarray(0, 100));
  // A new build (a new process: nothing remembered) finds the damage and makes the entry again.
  const again = await new ImageCache(where).image(source);
  for (const file of again.files) assert.deepEqual(readFileSync(file.path), fresh.get(file.name), `${file.name} is whole again`);
});

test("an entry a killed build was still writing (no manifest yet) is ignored and swept away", async () => {
  const where = join(dir, "cache-half");
  const source = join(content, "images", "small.png");
  let writes = 0;
  const killed = new ImageCache(where, {
    writeFile: (path, data) => {
      if (++writes === 2) throw Object.assign(new Error("killed"), { code: "EINTR" });
      writeFileSync(path, data);
    },
  });
  await assert.rejects(killed.image(source), /killed/);
  assert.deepEqual([...cachedFiles(where).keys()], [], "nothing half written is left where a build would look");
  const img = await new ImageCache(where).image(source);
  assert.ok(img.files.every((f) => readFileSync(f.path).length > 0));
});

test("a full disk while saving resized images is reported as a full disk, not as the article's fault", async () => {
  const where = join(dir, "cache-full");
  const full = new ImageCache(where, {
    writeFile: () => {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
  });
  await assert.rejects(full.image(join(content, "images", "small.png")), (error: unknown) => {
    assert.ok(error instanceof DiskFullError, String(error));
    assert.match(error.message, /the disk is full/);
    assert.doesNotMatch(error.message, /could not be resized/);
    return true;
  });
  assert.deepEqual([...cachedFiles(where).keys()], [], "no partial entry");
});

test("two builds making the same entry at once both get whole files", async () => {
  const where = join(dir, "cache-race");
  const source = join(content, "articles", "2016", "07", "images", "map.png");
  const [a, b] = await Promise.all([new ImageCache(where).image(source), new ImageCache(where).image(source)]);
  for (const img of [a, b]) for (const file of img.files) assert.ok(readFileSync(file.path).length > 0, file.name);
  assert.equal(readdirSync(where).filter((n) => n.includes(".tmp-")).length, 0, "the loser's temporary folder is gone");
});
