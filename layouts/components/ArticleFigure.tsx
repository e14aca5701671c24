import type { ResponsiveImage } from "../../src/images/imageCache.ts";
import type { PageContext } from "../PageContext.ts";

/**
 * An article's image as a `<picture>` (AVIF, WebP, JPEG) with its intrinsic width and
 * height, so the page never shifts when it loads. The page's first image (`lead`: an
 * article's photo, the front page's lead) is usually its largest paint: fetched at once and
 * first (`fetchpriority="high"`); a lazy one waited for layout before it was even requested.
 * Others load lazily.
 */
export function ArticleFigure({ ctx, image, alt, caption, credit, sizes, lead = false }: {
  ctx: PageContext;
  /** The renditions, made before rendering (src/images). */
  image: ResponsiveImage;
  alt: string;
  caption?: string;
  credit?: string;
  /** The `sizes` attribute: how wide the image is drawn. */
  sizes: string;
  /** The first image a reader sees on the page. */
  lead?: boolean;
}) {
  const s = ctx.edition.strings;
  return (
    <figure class="article-figure" data-pagefind-ignore="">
      <picture>
        {image.sources.map((source) => <source type={source.type} srcset={source.srcset} sizes={sizes} />)}
        <img
          src={image.src}
          srcset={image.srcset}
          sizes={sizes}
          width={String(image.width)}
          height={String(image.height)}
          alt={alt}
          loading={lead ? "eager" : "lazy"}
          fetchpriority={lead ? "high" : undefined}
          decoding={lead ? undefined : "async"}
        />
      </picture>
      {caption || credit ? (
        <figcaption>
          {caption ?? ""}
          {credit ? <span class="credit">{s.imageCredit(credit)}</span> : ""}
        </figcaption>
      ) : ""}
    </figure>
  );
}
