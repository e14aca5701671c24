import type { ArticleImage } from "../../src/model/schema.ts";
import type { PageContext } from "../PageContext.ts";
import { articleImage } from "../../src/images/responsiveImage.ts";

/**
 * An article's image as a `<picture>` (AVIF, WebP, JPEG) with its intrinsic width and
 * height, so the page never shifts when it loads, and lazy loading (browsers still fetch
 * at once an image that is in view).
 */
export async function ArticleFigure({ ctx, image, article, sizes }: {
  ctx: PageContext;
  image: ArticleImage;
  article: { source: string };
  /** The `sizes` attribute: how wide the image is drawn. */
  sizes: string;
}) {
  const img = await articleImage(image, article);
  const s = ctx.edition.strings;
  return (
    <figure class="article-figure" data-pagefind-ignore="">
      <picture>
        {img.sources.map((source) => <source type={source.type} srcset={source.srcset} sizes={sizes} />)}
        <img
          src={img.src}
          srcset={img.srcset}
          sizes={sizes}
          width={String(img.width)}
          height={String(img.height)}
          alt={image.alt}
          loading="lazy"
          decoding="async"
        />
      </picture>
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ?? ""}
          {image.credit ? <span class="credit">{s.imageCredit(image.credit)}</span> : ""}
        </figcaption>
      ) : ""}
    </figure>
  );
}
