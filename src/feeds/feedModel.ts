import type { DateTime } from "luxon";
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Edition, TagListing } from "../collections/bulletin.ts";
import { tagName } from "../collections/bulletin.ts";
import type { Article } from "../model/types.ts";
import type { Lang } from "../model/schema.ts";
import { absoluteUrl, tagIndexUrl, tagUrl } from "../urls.ts";
import { lastModified, newestModification } from "../seo/lastModified.ts";
import { LOGO, SHARE_IMAGE } from "../seo/siteImages.ts";
import { articleShareImage } from "../seo/articleImage.ts";
import { editionFeedUrl, editionJsonFeedUrl } from "./feedUrls.ts";

/** How many articles a feed carries: the edition's latest 50, a person's or topic's latest 20. */
export const EDITION_FEED_SIZE = 50;
export const TAG_FEED_SIZE = 20;

/** A feed in the terms Atom and JSON Feed share; `renderAtom` and `renderJsonFeed` print it. */
export interface Feed {
  /** Stable across rebuilds: the feed's own absolute URL. */
  id: string;
  title: string;
  description: string;
  lang: Lang;
  /** Absolute URLs: the Atom feed, the JSON Feed (edition feeds only) and the page the feed follows. */
  atomUrl: string;
  jsonUrl?: string;
  pageUrl: string;
  /** The latest change among its articles; the build's clock for an empty feed. */
  updated: DateTime;
  author: { name: string; url: string };
  iconUrl: string;
  logoUrl: string;
  items: FeedItem[];
}

export interface FeedItem {
  /** The article's absolute URL, which depends only on its language, date and file name. */
  id: string;
  url: string;
  title: string;
  summary: string;
  /** The full article as HTML, every link and image made absolute for readers off the site. */
  contentHtml: string;
  published: DateTime;
  updated: DateTime;
  author: string;
  lang: Lang;
  imageUrl?: string;
  categories: { term: string; scheme: string; url: string }[];
}

/** The edition's feed at `/feed.xml` (and `/feed.json`): its latest articles. */
export async function editionFeed(build: SiteBuild, edition: Edition): Promise<Feed> {
  const base = build.site.baseUrl;
  const articles = edition.articles.slice(0, EDITION_FEED_SIZE);
  return {
    ...feedFrame(build, edition, articles),
    id: absoluteUrl(base, editionFeedUrl(edition.lang)),
    title: edition.name,
    description: edition.description || edition.name,
    atomUrl: absoluteUrl(base, editionFeedUrl(edition.lang)),
    jsonUrl: absoluteUrl(base, editionJsonFeedUrl(edition.lang)),
    pageUrl: absoluteUrl(base, edition.homeUrl),
    items: await feedItems(build, edition, articles),
  };
}

/** A person's or topic's feed at `/people/<slug>/feed.xml`. */
export async function tagFeed(build: SiteBuild, edition: Edition, listing: TagListing): Promise<Feed> {
  const base = build.site.baseUrl;
  const articles = listing.articles.slice(0, TAG_FEED_SIZE);
  return {
    ...feedFrame(build, edition, articles),
    id: absoluteUrl(base, listing.feedUrl),
    title: `${listing.name} | ${edition.name}`,
    description: edition.strings.articlesAbout(listing.name),
    atomUrl: absoluteUrl(base, listing.feedUrl),
    pageUrl: absoluteUrl(base, listing.url),
    items: await feedItems(build, edition, articles),
  };
}

/**
 * What the feed says of itself; `updated` is the latest change among its own entries (a
 * correction to a story too old to be in the feed does not change the feed).
 */
function feedFrame(build: SiteBuild, edition: Edition, articles: Article[]) {
  const base = build.site.baseUrl;
  return {
    lang: edition.lang,
    updated: newestModification(articles) ?? build.content.now,
    author: { name: edition.agency, url: absoluteUrl(base, edition.homeUrl) },
    iconUrl: absoluteUrl(base, LOGO.path),
    logoUrl: absoluteUrl(base, SHARE_IMAGE.path),
  };
}

async function feedItems(build: SiteBuild, edition: Edition, articles: Article[]): Promise<FeedItem[]> {
  const base = build.site.baseUrl;
  const lang = edition.lang;
  return Promise.all(articles.map(async (article) => {
    const url = absoluteUrl(base, article.url);
    return {
      id: url,
      url,
      title: article.title,
      summary: build.summary(article),
      contentHtml: await absoluteContent(build, article),
      published: article.date,
      updated: lastModified(article),
      author: article.author ?? edition.agency,
      lang: article.lang,
      imageUrl: (await articleShareImage(build, article))?.url,
      categories: [...article.people, ...article.topics].map((tag) => ({
        term: tagName(tag, lang),
        scheme: absoluteUrl(base, tagIndexUrl(lang, tag.kind)),
        url: absoluteUrl(base, tagUrl(lang, tag.kind, tag.slug)),
      })),
    };
  }));
}

// An article sits in its edition's feed and in each of its people's and topics' feeds;
// its HTML is made absolute once per build, not once per feed.
const absoluteBodies = new WeakMap<SiteBuild, Map<Article, Promise<string>>>();

function absoluteContent(build: SiteBuild, article: Article): Promise<string> {
  let bodies = absoluteBodies.get(build);
  if (!bodies) absoluteBodies.set(build, (bodies = new Map()));
  let body = bodies.get(article);
  if (!body) {
    const html = build.bodyHtml(article);
    // Most wire copy has no link or image; parsing it would change nothing.
    body = URL_ATTRIBUTE.test(html) ? convertHtmlToAbsoluteUrls(html, absoluteUrl(build.site.baseUrl, article.url)) : Promise.resolve(html);
    bodies.set(article, body);
  }
  return body;
}

/** An attribute that can hold a URL, in HTML as markdown-it writes it. */
const URL_ATTRIBUTE = /\s(?:href|src|srcset|poster|cite|action|data)=/i;
