import type { SiteBuild } from "../build/SiteBuild.ts";
import { tagName, type Edition } from "../collections/bulletin.ts";
import { absoluteUrl } from "../urls.ts";
import { isoWithOffset } from "../text/dates.ts";
import { editionFeedUrl, editionJsonFeedUrl } from "../feeds/feedUrls.ts";
import { lastModified } from "./lastModified.ts";
import { SHARE_IMAGE } from "./siteImages.ts";
import { articleShareImage } from "./articleImage.ts";
import type { PageSubject } from "./pageSubjects.ts";

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

/**
 * OpenGraph, Twitter card and feed links for one page. Articles are `og:type` article with
 * their times and tags, and their own photo when they have one; every other page is a
 * website with the bulletin's share image.
 */
export async function pageHead(build: SiteBuild, page: { url: string; edition: Edition; title: string; description: string }, subject: PageSubject | undefined): Promise<PageHead> {
  const base = build.site.baseUrl;
  const { edition } = page;
  const article = subject?.kind === "article" ? subject.article : undefined;
  const image = (article && (await articleShareImage(build, article)))
    || { url: absoluteUrl(base, SHARE_IMAGE.path), alt: edition.name, width: SHARE_IMAGE.width, height: SHARE_IMAGE.height };
  const og = (key: string, content: string): MetaTag => ({ attr: "property", key, content });
  const twitter = (key: string, content: string): MetaTag => ({ attr: "name", key, content });

  const meta: MetaTag[] = [
    og("og:site_name", edition.name),
    og("og:type", article ? "article" : "website"),
    og("og:title", page.title),
    og("og:description", page.description),
    og("og:url", absoluteUrl(base, page.url)),
    og("og:locale", edition.locale.replace("-", "_")),
    og("og:image", image.url),
    og("og:image:width", String(image.width)),
    og("og:image:height", String(image.height)),
    og("og:image:alt", image.alt),
  ];
  if (article) {
    meta.push(og("article:published_time", isoWithOffset(article.date)));
    meta.push(og("article:modified_time", isoWithOffset(lastModified(article))));
    for (const tag of [...article.people, ...article.topics]) meta.push(og("article:tag", tagName(tag, edition.lang)));
  }
  meta.push(
    twitter("twitter:card", "summary_large_image"),
    twitter("twitter:title", page.title),
    twitter("twitter:description", page.description),
    twitter("twitter:image", image.url),
    twitter("twitter:image:alt", image.alt),
  );

  const links: HeadLink[] = [
    { rel: "alternate", type: "application/atom+xml", href: editionFeedUrl(edition.lang), title: edition.name },
    { rel: "alternate", type: "application/feed+json", href: editionJsonFeedUrl(edition.lang), title: edition.name },
  ];
  if (subject?.kind === "tag") {
    links.push({ rel: "alternate", type: "application/atom+xml", href: subject.listing.feedUrl, title: edition.strings.feedOf(subject.listing.name) });
  }
  return { meta, links };
}
