import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Image, { type ImageFormatEntry } from "@11ty/eleventy-img";
import { ContentError } from "../model/problems.ts";
import { contentDirOf, imageFileProblem, resolveImagePath } from "./imagePath.ts";

export { resolveImagePath };

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

/** An article's image, resized; a missing or unreadable file is the article's problem. */
export async function articleImage(image: { src: string }, article: { source: string }, contentDir = contentDirOf(article.source)): Promise<ResponsiveImage> {
  const fail = (message: string) => new ContentError([{ file: article.source, message, severity: "error" }]);
  const problem = imageFileProblem(image.src, article.source, contentDir);
  if (problem) throw fail(problem);
  const file = resolveImagePath(image.src, article.source, contentDir);
  try {
    return await responsiveImage(file);
  } catch (error) {
    throw fail(`image.src "${image.src}" could not be resized: ${error instanceof Error ? error.message : String(error)}`);
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
