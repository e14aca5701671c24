import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";
import { articleImage } from "../images/responsiveImage.ts";
import { absoluteUrl } from "../urls.ts";

/** An article's photo as other sites show it: the largest JPEG rendition, absolute. */
export interface SharedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption?: string;
  credit?: string;
}

const shared = new WeakMap<Article, Promise<SharedImage | undefined>>();

/**
 * The rendition the article page itself publishes (src/images resizes each file once per
 * build), so social cards, feeds and structured data never point at a file that was not written.
 * JPEG because every social network and feed reader takes it.
 */
export function articleShareImage(build: SiteBuild, article: Article): Promise<SharedImage | undefined> {
  const image = article.image;
  if (!image) return Promise.resolve(undefined);
  let found = shared.get(article);
  if (!found) {
    found = articleImage(image, article).then((img) => {
      const largest = img.srcset.split(",").at(-1)?.trim().split(/\s+/)[0] ?? img.src;
      return {
        url: absoluteUrl(build.site.baseUrl, largest),
        width: img.width,
        height: img.height,
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
      };
    });
    shared.set(article, found);
  }
  return found;
}
