import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import Image, { type ImageFormatEntry } from "@11ty/eleventy-img";
import { ContentError } from "../model/problems.ts";

/**
 * Article images: a writer's one source file becomes AVIF, WebP and JPEG at a few widths,
 * written beside the pages under `/img/`, with the intrinsic size kept so that the page
 * reserves the space before the image arrives (no layout shift).
 */

/** Widths for a column at most ~40rem wide on 1x and 2x screens; never upscaled. */
export const IMAGE_WIDTHS = [480, 800, 1200];
export const IMAGE_FORMATS = ["avif", "webp", "jpeg"];

export interface ImageSource {
  /** `type` and `srcset` of one `<source>`. */
  type: string;
  srcset: string;
}

export interface ResponsiveImage {
  sources: ImageSource[];
  /** The JPEG fallback: smallest file as `src`, every width in `srcset`. */
  src: string;
  srcset: string;
  /** Of the largest rendition: the ratio the browser reserves. */
  width: number;
  height: number;
}

let outputRoot: string | undefined;

/** Where the site is being written; set from Eleventy's `eleventy.before` event. */
export function setImageOutputRoot(dir: string): void {
  outputRoot = dir;
}

/**
 * The file an article's `image.src` names: relative to the article's own file, or, when
 * it starts with `/`, relative to `content/`. Web addresses are not fetched: builds stay
 * offline and reproducible.
 */
export function resolveImagePath(src: string, articleSource: string, contentDir = "content"): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) throw new Error("must be a file in content/, not a web address");
  const path = src.startsWith("/") ? join(contentDir, src) : join(dirname(articleSource), src);
  const rel = relative(resolve(contentDir), resolve(path));
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error("must be a file inside content/");
  return path;
}

/** An article's image, resized; a missing or unreadable file is the article's problem. */
export async function articleImage(image: { src: string }, article: { source: string }, contentDir = "content"): Promise<ResponsiveImage> {
  const fail = (message: string) => new ContentError([{ file: article.source, message: `image.src "${image.src}" ${message}`, severity: "error" }]);
  let file: string;
  try {
    file = resolveImagePath(image.src, article.source, contentDir);
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  if (!existsSync(file) || !statSync(file).isFile()) throw fail(`is not a file (looked for ${file})`);
  try {
    return await responsiveImage(file);
  } catch (error) {
    throw fail(`could not be resized: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Encoded renditions are kept between builds here (git-ignored): file names carry a hash
 * of the source and options, so an unchanged image is never encoded twice. Encoding AVIF
 * took seconds per image; copying takes milliseconds.
 */
export const IMAGE_CACHE_DIR = join(".bulletin-tmp", "img-cache");

/** Renditions already copied into this build's output. */
const copied = new Set<string>();

/** Resizes `file` into every format and width, then puts the renditions in the site's `/img/`. */
export async function responsiveImage(file: string): Promise<ResponsiveImage> {
  const metadata = await Image(file, {
    widths: IMAGE_WIDTHS,
    formats: IMAGE_FORMATS,
    outputDir: IMAGE_CACHE_DIR,
    urlPath: "/img/",
    sharpAvifOptions: { quality: 55, effort: 2 },
  });
  const target = join(outputRoot ?? "_site", "img");
  for (const entry of Object.values(metadata).flat()) {
    const to = join(target, entry.filename);
    if (copied.has(to) && existsSync(to)) continue;
    mkdirSync(target, { recursive: true });
    copyFileSync(entry.outputPath, to);
    copied.add(to);
  }
  const jpeg = metadata.jpeg ?? [];
  const largest = jpeg.at(-1);
  if (!largest) throw new Error(`no JPEG rendition of ${file}`);
  const srcset = (entries: ImageFormatEntry[]) => entries.map((e) => e.srcset).join(", ");
  return {
    sources: IMAGE_FORMATS.filter((f) => f !== "jpeg" && metadata[f]?.length).map((f) => ({ type: metadata[f]![0]!.sourceType, srcset: srcset(metadata[f]!) })),
    src: jpeg[0]!.url,
    srcset: srcset(jpeg),
    width: largest.width,
    height: largest.height,
  };
}
