import { join, resolve } from "node:path";
import { loadContent, type Content, type LoadOptions } from "../model/loadContent.ts";
import { hasErrors, type Problem } from "../model/problems.ts";
import type { Article } from "../model/types.ts";
import { splitFrontmatter } from "../model/yamlFile.ts";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { imageProblems, resolveImagePath } from "../images/imagePath.ts";
import { ImageCache, ImageError, type CroppedImage, type ResponsiveImage } from "../images/imageCache.ts";
import { articlesInFeeds } from "../feeds/feedModel.ts";
import { timed, timedAsync } from "../publish/phases.ts";
import { Site, type SiteOptions } from "./Site.ts";

/** Where a bulletin keeps what builds may reuse (git-ignored): resized images, the last build's record. */
export function cacheDir(root: string): string {
  return join(resolve(root), ".bulletin-cache");
}

export interface Prepared {
  site?: Site;
  /** Every problem found, errors and warnings; no site when there are errors. */
  problems: Problem[];
}

/**
 * Content read and validated, then enriched into the Site that pages print: collections, and
 * every article image resized (from the cache when it holds them) before any page renders,
 * so that an image that cannot be decoded is a content problem like any other.
 */
export async function prepareSite(opts: LoadOptions & { images: ImageCache; site?: SiteOptions }): Promise<Prepared> {
  const content = timed("load and validate", () => loadContent(opts));
  const problems = [...content.problems, ...imageProblems(content.articles, opts.root)];
  if (hasErrors(problems)) return { problems };
  const images = await timedAsync("images", () => prepareImages(content, opts.root, opts.images, problems));
  if (hasErrors(problems)) return { problems };
  const shareImage = await timedAsync("share image", () => prepareShareImage(opts.images));
  const site = timed("collections", () => new Site(content, { images, shareImage, keepBodies: articlesInFeeds, ...opts.site }));
  return { site, problems };
}

/** Each article image's renditions; an image that cannot be decoded is reported on its `image.src` line. */
export async function prepareImages(content: Content, root: string, cache: ImageCache, problems: Problem[]): Promise<Map<Article, ResponsiveImage>> {
  const images = new Map<Article, ResponsiveImage>();
  const contentDir = join(resolve(root), "content");
  for (const article of content.articles) {
    if (!article.image) continue;
    const file = resolveImagePath(article.image.src, resolve(root, article.source), contentDir);
    try {
      images.set(article, await cache.image(file));
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      const parsed = splitFrontmatter(readFileSync(resolve(root, article.source), "utf8"));
      const line = parsed.ok ? parsed.file.lineOf(["image", "src"]) : undefined;
      problems.push({ file: article.source, line, message: `image.src "${article.image.src}" ${error.message}`, severity: "error" });
    }
  }
  return images;
}

/** The share image the code ships (layouts/assets, replaced by the agency's own: docs/deploy.md). */
const SHARE_IMAGE_FILE = fileURLToPath(new URL("../../layouts/assets/share.png", import.meta.url));

/**
 * The crops of the site's share image: the picture structured data gives an article without
 * one of its own. Made once and cached like the articles' images.
 */
export function prepareShareImage(cache: ImageCache): Promise<CroppedImage> {
  return cache.crops(SHARE_IMAGE_FILE);
}
