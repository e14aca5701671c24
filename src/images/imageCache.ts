import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import type SharpModule from "sharp";
import { DiskFullError, faultPoint, isDiskFull } from "../publish/faults.ts";
import { processAlive } from "../publish/lock.ts";
import { imageUrl } from "../urls.ts";

/**
 * Encoded renditions of the writers' images, kept between builds so that an unchanged image
 * is never encoded twice (AVIF took seconds an image; reading the cache, milliseconds).
 *
 * The cache was once trusted by file name alone: a build killed while encoding (even by
 * Ctrl-C), or stopped by a full disk, left 0-byte and truncated files that every later build
 * published. So an entry is a folder named after a digest of the source's bytes and the
 * encoding options, written whole under a temporary name and renamed into place (a reader
 * sees all of it or nothing), with a manifest giving every file's size and SHA-256. On use,
 * every file is checked against the manifest; an entry that fails is thrown away and encoded
 * again. eleventy-img encodes in memory (`dryRun`) so that it never writes into the cache itself,
 * and the crops for other sites (IMAGE_CROPS) are cut by sharp in memory too, into the same
 * entry and manifest.
 */

/** Widths for a column at most ~40rem wide on 1x and 2x screens; never upscaled. */
export const IMAGE_WIDTHS = [480, 800, 1200];
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"] as const;
/**
 * The crops search engines and news apps pick from (structured data's `image`): Google asks
 * for 16:9, 4:3 and 1:1, at least 1,200 px wide. Cut around what draws the eye (sharp's
 * "attention": faces, contrast, saturation) rather than the middle, and enlarged where the
 * picture is smaller: a smaller crop would make the story ineligible for large previews.
 */
export const IMAGE_CROPS = [
  { ratio: "16x9", width: 1200, height: 675 },
  { ratio: "4x3", width: 1200, height: 900 },
  { ratio: "1x1", width: 1200, height: 1200 },
] as const;
export type CropRatio = (typeof IMAGE_CROPS)[number]["ratio"];
const CROP_JPEG = { quality: 80, progressive: true };
/** How crops are cut (see `encode`); part of the cache key, so a change here makes new entries. */
const CROP_FIT = { photo: "cover, attention", graphic: "contain, corner colour" };
const ENCODING = { widths: IMAGE_WIDTHS, formats: IMAGE_FORMATS, avif: { quality: 55, effort: 2 }, crops: IMAGE_CROPS, cropFit: CROP_FIT, cropJpeg: CROP_JPEG };

/** One file of an entry, as the manifest lists it. */
export interface ImageFile {
  /** File name, also its name below the site's `/img/`. */
  name: string;
  format: string;
  width: number;
  height: number;
  size: number;
  sha256: string;
  /** A crop for other sites (IMAGE_CROPS), not one of the page's renditions. */
  crop?: CropRatio;
}

export interface ImageSource {
  /** `type` and `srcset` of one `<source>`. */
  type: string;
  srcset: string;
}

/** One crop of an image (IMAGE_CROPS), as structured data names it. */
export interface ImageCrop {
  ratio: CropRatio;
  /** Site-relative, below `/img/`. */
  url: string;
  width: number;
  height: number;
}

/** An image's crops alone (the site's share image), and their files to publish. */
export interface CroppedImage {
  crops: ImageCrop[];
  files: { name: string; path: string }[];
}

/** An image ready to print: what a `<picture>` needs, its crops, and the files to publish with the page. */
export interface ResponsiveImage extends CroppedImage {
  sources: ImageSource[];
  /** The JPEG fallback: smallest file as `src`, every width in `srcset`. */
  src: string;
  srcset: string;
  /** Of the largest rendition: the ratio the browser reserves. */
  width: number;
  height: number;
  /** The largest JPEG, for other sites (social cards, feeds, structured data). */
  largestJpeg: string;
  /** Every rendition, by name below `/img/`, with where the cache keeps it. */
  files: { name: string; path: string }[];
}

interface Manifest {
  key: string;
  files: ImageFile[];
}

const require = createRequire(import.meta.url);
/** Versions that change what an encoding writes: a new encoder makes new entries. */
const ENCODERS = ["@11ty/eleventy-img", "sharp"].map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`).join(" ");

export interface ImageCacheOptions {
  /**
   * Writes one file. Tests pass a writer that fails (a full disk) or stops half way; the
   * build uses writeFileSync.
   */
  writeFile?: (path: string, data: Uint8Array | string) => void;
}

export class ImageCache {
  private readonly writeFile: (path: string, data: Uint8Array | string) => void;
  /** Entries checked or made by this process: each is read and verified once per build. */
  private readonly ready = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string, opts: ImageCacheOptions = {}) {
    this.writeFile = opts.writeFile ?? ((path, data) => writeFileSync(path, data));
  }

  /**
   * The renditions of the image file at `source`, from the cache when a verified entry is
   * there, encoded (and cached) otherwise. Throws ImageError when the file cannot be
   * decoded, DiskFullError when the disk is full.
   */
  image(source: string): Promise<ResponsiveImage> {
    return this.cached(source, "renditions", (manifest, dir) => responsive(manifest, dir));
  }

  /**
   * The crops alone (IMAGE_CROPS) of the graphic at `source`, fitted whole on its background
   * colour rather than cut: the site's share image stands in for a photo in the structured
   * data of articles without one. Same cache, same checks as `image`.
   */
  crops(source: string): Promise<CroppedImage> {
    return this.cached(source, "crops", (manifest, dir) => cropped(manifest, dir));
  }

  private cached<T>(source: string, what: Encoding, use: (manifest: Manifest, dir: string) => T): Promise<T> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(source);
    } catch (error) {
      return Promise.reject(new ImageError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`));
    }
    const key = createHash("sha256").update(`${ENCODERS}\0${what}\0${JSON.stringify(ENCODING)}\0`).update(bytes).digest("hex").slice(0, 32);
    let found = this.ready.get(key);
    if (!found) {
      found = this.entry(key, bytes, what).then((manifest) => use(manifest, join(this.dir, key)));
      this.ready.set(key, found);
    }
    return found as Promise<T>;
  }

  private async entry(key: string, bytes: Buffer, what: Encoding): Promise<Manifest> {
    const dir = join(this.dir, key);
    const cached = verified(dir, key);
    if (cached) return cached;
    discard(dir);
    const manifest = await encode(key, bytes, what);
    this.store(dir, manifest);
    return manifest;
  }

  /** Writes the entry under a temporary name, then renames it into place. */
  private store(dir: string, manifest: Manifest & { buffers?: Map<string, Buffer> }): void {
    const temporary = `${dir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      mkdirSync(temporary, { recursive: true });
      for (const file of manifest.files) {
        this.writeFile(join(temporary, file.name), manifest.buffers!.get(file.name)!);
        faultPoint("image-file-written");
      }
      this.writeFile(join(temporary, MANIFEST), JSON.stringify({ key: manifest.key, files: manifest.files } satisfies Manifest));
      try {
        renameSync(temporary, dir);
      } catch (error) {
        // Another build made the same entry meanwhile: theirs is as good as ours.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
        rmSync(temporary, { recursive: true, force: true });
      }
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      if (isDiskFull(error)) throw new DiskFullError(`while saving resized images in ${this.dir}`, error);
      throw error;
    }
    delete manifest.buffers;
  }

  /** Entries half written by builds that were killed, and entries no longer verified: removed. */
  static sweep(dir: string): void {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const owner = /\.tmp-(\d+)-/.exec(name)?.[1];
      if (owner && !processAlive(Number(owner))) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

/** A source image that cannot be made into renditions: the writer's problem, not the build's. */
export class ImageError extends Error {}

const MANIFEST = "manifest.json";

/** The entry's manifest when every file it lists is there with its size and digest; undefined otherwise. */
function verified(dir: string, key: string): Manifest | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !Array.isArray(manifest.files) || manifest.files.length === 0) return undefined;
  for (const file of manifest.files) {
    let data: Buffer;
    try {
      data = readFileSync(join(dir, file.name));
    } catch {
      return undefined;
    }
    if (data.length !== file.size || sha256(data) !== file.sha256) return undefined;
  }
  return manifest;
}

/** Moves a bad entry aside and deletes it, so that its name is free at once. */
function discard(dir: string): void {
  const aside = `${dir}.tmp-${process.pid}-bad-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(dir, aside);
  } catch {
    return; // not there
  }
  rmSync(aside, { recursive: true, force: true });
}

/** What an entry holds: an article image's renditions and crops, or (the share image) its crops alone. */
type Encoding = "renditions" | "crops";

/**
 * The encoders, imported when an image is first encoded: most builds find every image in the
 * cache, and importing eleventy-img and sharp took 0.14 s of every build's start.
 */
async function encoders(): Promise<{ Image: typeof import("@11ty/eleventy-img").default; sharp: typeof SharpModule }> {
  const [{ default: Image }, { default: sharp }] = await Promise.all([import("@11ty/eleventy-img"), import("sharp")]);
  return { Image, sharp };
}

async function encode(key: string, bytes: Buffer, what: Encoding): Promise<Manifest & { buffers: Map<string, Buffer> }> {
  const files: ImageFile[] = [];
  const buffers = new Map<string, Buffer>();
  const add = (file: Omit<ImageFile, "size" | "sha256">, data: Buffer | undefined) => {
    if (!data || data.length === 0) throw new ImageError(`could not be resized: no ${file.crop ? `${file.crop} crop` : `${file.format} at ${file.width} px`}`);
    files.push({ ...file, size: data.length, sha256: sha256(data) });
    buffers.set(file.name, data);
  };
  try {
    const { Image, sharp } = await encoders();
    if (what === "renditions") {
      const metadata = await Image(bytes, {
        widths: ENCODING.widths,
        formats: [...ENCODING.formats],
        sharpAvifOptions: ENCODING.avif,
        dryRun: true,
        useCache: false,
        // Named by the entry, so that the same image always publishes under the same names.
        filenameFormat: (_id: string, _src: unknown, width: number, format: string) => `${key.slice(0, 10)}-${width}.${format}`,
      });
      for (const format of ENCODING.formats) {
        for (const entry of metadata[format] ?? []) add({ name: entry.filename, format, width: entry.width, height: entry.height }, entry.buffer);
      }
    }
    // A photo is cropped around what draws the eye; a graphic (the share image, with the
    // bulletin's name on it) is fitted whole onto its own background colour, so that no
    // ratio cuts a letter off the name.
    const fit = what === "renditions"
      ? { fit: "cover" as const, position: sharp.strategy.attention }
      : { fit: "contain" as const, background: await cornerColour(sharp, bytes) };
    for (const crop of IMAGE_CROPS) {
      const data = await sharp(bytes)
        .rotate() // as the camera held it (EXIF orientation), as eleventy-img does
        .resize({ width: crop.width, height: crop.height, ...fit })
        .flatten({ background: "#ffffff" }) // JPEG has no transparency: white, not black
        .jpeg(CROP_JPEG)
        .toBuffer();
      add({ name: `${key.slice(0, 10)}-${crop.ratio}.jpeg`, format: "jpeg", width: crop.width, height: crop.height, crop: crop.ratio }, data);
    }
  } catch (error) {
    if (error instanceof ImageError) throw error;
    if (isDiskFull(error)) throw new DiskFullError("while resizing images", error);
    throw new ImageError(`could not be resized: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { key, files, buffers };
}

/** The colour of a graphic's top-left pixel: its background, to extend it with. */
async function cornerColour(sharp: typeof SharpModule, bytes: Buffer): Promise<{ r: number; g: number; b: number }> {
  const [r = 255, g = 255, b = 255] = await sharp(bytes).rotate().flatten({ background: "#ffffff" }).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer();
  return { r, g, b };
}

function cropped(manifest: Manifest, dir: string): CroppedImage {
  const crops = IMAGE_CROPS.map(({ ratio }) => {
    const file = manifest.files.find((f) => f.crop === ratio);
    if (!file) throw new ImageError(`could not be resized: no ${ratio} crop`);
    return { ratio, url: imageUrl(file.name), width: file.width, height: file.height };
  });
  return { crops, files: manifest.files.map((f) => ({ name: f.name, path: join(dir, f.name) })) };
}

function responsive(manifest: Manifest, dir: string): ResponsiveImage {
  const of = (format: string) => manifest.files.filter((f) => f.format === format && !f.crop).sort((a, b) => a.width - b.width);
  const srcset = (files: ImageFile[]) => files.map((f) => `${imageUrl(f.name)} ${f.width}w`).join(", ");
  const jpeg = of("jpeg");
  const largest = jpeg.at(-1);
  if (!largest) throw new ImageError("could not be resized: no JPEG rendition");
  return {
    sources: IMAGE_FORMATS.filter((f) => f !== "jpeg" && of(f).length > 0).map((f) => ({ type: `image/${f}`, srcset: srcset(of(f)) })),
    src: imageUrl(jpeg[0]!.name),
    srcset: srcset(jpeg),
    width: largest.width,
    height: largest.height,
    largestJpeg: imageUrl(largest.name),
    ...cropped(manifest, dir),
  };
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
