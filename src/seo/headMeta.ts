import type { DateTime } from "luxon";
import type { Site, SharedImage } from "../site/Site.ts";
import { editionFeedUrl, editionJsonFeedUrl } from "../urls.ts";
import { isoWithOffset } from "../text/dates.ts";
import { SHARE_IMAGE } from "./siteImages.ts";
import type { PageFacts } from "./jsonLd.ts";
import { X_DEFAULT, type Alternate } from "./alternates.ts";

/** `<meta property|name content>` for OpenGraph and Twitter cards. */
export interface MetaTag {
  /** OpenGraph uses `property`, Twitter cards `name`. */
  attr: "property" | "name";
  key: string;
  content: string;
}

export interface HeadLink {
  rel: string;
  type: string;
  href: string;
  title: string;
}

export interface PageHead {
  meta: MetaTag[];
  links: HeadLink[];
}

/** What a page type adds to every page's head (src/pages/pageTypes.ts `head`). */
export interface HeadExtras {
  /** An article: `og:type` article with its times and tags, and its own photo. */
  article?: { published: DateTime; modified: DateTime; tags: string[]; image?: SharedImage };
  /** Feeds of this page beside its edition's. */
  feeds?: HeadLink[];
}

/**
 * OpenGraph, Twitter card and feed links for one page. Articles are `og:type` article with
 * their times and tags, and their own photo when they have one; every other page is a
 * website with the bulletin's share image. `alternates` are the page's other editions
 * (hreflang): their locales are the page's `og:locale:alternate`.
 */
export function pageHead(site: Site, page: PageFacts, extras: HeadExtras = {}, alternates: readonly Alternate[] = []): PageHead {
  const { edition } = page;
  const article = extras.article;
  const image = article?.image
    ?? { url: site.absolute(SHARE_IMAGE.path), alt: edition.name, width: SHARE_IMAGE.width, height: SHARE_IMAGE.height };
  const og = (key: string, content: string): MetaTag => ({ attr: "property", key, content });
  const twitter = (key: string, content: string): MetaTag => ({ attr: "name", key, content });

  const meta: MetaTag[] = [
    og("og:site_name", edition.name),
    og("og:type", article ? "article" : "website"),
    og("og:title", page.title),
    og("og:description", page.description),
    og("og:url", site.absolute(page.url)),
    og("og:locale", ogLocale(edition.locale)),
    ...alternates
      .filter((a) => a.lang !== X_DEFAULT && a.lang !== edition.lang)
      .map((a) => og("og:locale:alternate", ogLocale(site.bulletin.edition(a.lang).locale))),
    og("og:image", image.url),
    og("og:image:width", String(image.width)),
    og("og:image:height", String(image.height)),
    og("og:image:alt", image.alt),
  ];
  if (article) {
    meta.push(og("article:published_time", isoWithOffset(article.published)));
    meta.push(og("article:modified_time", isoWithOffset(article.modified)));
    for (const tag of article.tags) meta.push(og("article:tag", tag));
  }
  meta.push(
    twitter("twitter:card", "summary_large_image"),
    ...(edition.twitterSite ? [twitter("twitter:site", edition.twitterSite)] : []),
    twitter("twitter:title", page.title),
    twitter("twitter:description", page.description),
    twitter("twitter:image", image.url),
    twitter("twitter:image:alt", image.alt),
  );

  const links: HeadLink[] = [
    { rel: "alternate", type: "application/atom+xml", href: editionFeedUrl(edition), title: edition.name },
    { rel: "alternate", type: "application/feed+json", href: editionJsonFeedUrl(edition), title: edition.name },
    ...(extras.feeds ?? []),
  ];
  return { meta, links };
}

/** OpenGraph writes locales with an underscore: `en_GB`, `ar_SY`. */
function ogLocale(locale: string): string {
  return locale.replace("-", "_");
}
