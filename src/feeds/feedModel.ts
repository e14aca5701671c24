import type { DateTime } from "luxon";
import type { Site } from "../site/Site.ts";
import type { Edition, TagListing } from "../collections/editions.ts";
import type { Article } from "../model/types.ts";
import { editionFeedUrl, editionJsonFeedUrl, tagIndexUrl, tagUrl } from "../urls.ts";
import { lastModified, newestModification } from "../seo/lastModified.ts";
import { LOGO, SHARE_IMAGE } from "../seo/siteImages.ts";

/** How many articles a feed carries: the edition's latest 50, a person's or topic's latest 20. */
export const EDITION_FEED_SIZE = 50;
export const TAG_FEED_SIZE = 20;

/** A feed in the terms Atom and JSON Feed share; `renderAtom` and `renderJsonFeed` print it. */
export interface Feed {
  /** Stable across rebuilds: the feed's own absolute URL. */
  id: string;
  title: string;
  description: string;
  lang: string;
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
  lang: string;
  imageUrl?: string;
  categories: { term: string; scheme: string; url: string }[];
}

/** The edition's feed at `/feed.xml` (and `/feed.json`): its latest articles. */
export async function editionFeed(site: Site, edition: Edition): Promise<Feed> {
  const articles = edition.articles.slice(0, EDITION_FEED_SIZE);
  return {
    ...feedFrame(site, edition, articles),
    id: site.absolute(editionFeedUrl(edition)),
    title: edition.name,
    description: edition.description || edition.name,
    atomUrl: site.absolute(editionFeedUrl(edition)),
    jsonUrl: site.absolute(editionJsonFeedUrl(edition)),
    pageUrl: site.absolute(edition.homeUrl),
    items: await feedItems(site, edition, articles),
  };
}

/** A person's or topic's feed at `/people/<slug>/feed.xml`. */
export async function tagFeed(site: Site, edition: Edition, listing: TagListing): Promise<Feed> {
  const articles = listing.articles.slice(0, TAG_FEED_SIZE);
  return {
    ...feedFrame(site, edition, articles),
    id: site.absolute(listing.feedUrl),
    title: `${listing.name} | ${edition.name}`,
    description: edition.strings.articlesAbout(listing.name),
    atomUrl: site.absolute(listing.feedUrl),
    pageUrl: site.absolute(listing.url),
    items: await feedItems(site, edition, articles),
  };
}

/** The articles some feed carries: their bodies are kept once rendered (feeds render after the articles). */
export function articlesInFeeds(site: Site): Article[] {
  return site.editions.flatMap((edition) => [
    ...edition.articles.slice(0, EDITION_FEED_SIZE),
    ...[...edition.people, ...edition.topics].flatMap((listing) => listing.articles.slice(0, TAG_FEED_SIZE)),
  ]);
}

/**
 * What the feed says of itself; `updated` is the latest change among its own entries (a
 * correction to a story too old to be in the feed does not change the feed).
 */
function feedFrame(site: Site, edition: Edition, articles: Article[]) {
  return {
    lang: edition.lang,
    updated: newestModification(articles) ?? site.now,
    author: { name: edition.agency, url: site.absolute(edition.homeUrl) },
    iconUrl: site.absolute(LOGO.path),
    logoUrl: site.absolute(SHARE_IMAGE.path),
  };
}

async function feedItems(site: Site, edition: Edition, articles: Article[]): Promise<FeedItem[]> {
  const bodies = site.shared("absolute feed bodies", () => new Map<Article, Promise<string>>());
  return Promise.all(articles.map(async (article) => {
    const url = site.absolute(article.url);
    return {
      id: url,
      url,
      title: article.title,
      summary: site.summary(article),
      contentHtml: await absoluteContent(site, article, bodies),
      published: article.date,
      updated: lastModified(article),
      author: article.author ?? edition.agency,
      lang: article.lang,
      imageUrl: site.sharedImage(article)?.url,
      categories: [...article.people, ...article.topics].map((tag) => ({
        term: edition.tagText(tag).name,
        scheme: site.absolute(tagIndexUrl(edition, tag.kind)),
        url: site.absolute(tagUrl(edition, tag.kind, tag.slug)),
      })),
    };
  }));
}

/**
 * The article's HTML with every link and image made absolute, for readers off the site. An
 * article sits in its edition's feed and in each of its people's and topics' feeds; this is
 * done once per build (`bodies`), not once per feed.
 */
function absoluteContent(site: Site, article: Article, bodies: Map<Article, Promise<string>>): Promise<string> {
  let body = bodies.get(article);
  if (!body) {
    const html = site.body(article);
    // Most wire copy has no link or image; parsing it would change nothing.
    // The plugin is imported only for such a body: importing it took 0.1 s of every build's start.
    body = URL_ATTRIBUTE.test(html) ? import("@11ty/eleventy-plugin-rss").then(({ convertHtmlToAbsoluteUrls }) => convertHtmlToAbsoluteUrls(html, site.absolute(article.url))) : Promise.resolve(html);
    bodies.set(article, body);
  }
  return body;
}

/** An attribute that can hold a URL, in HTML as markdown-it writes it. */
const URL_ATTRIBUTE = /\s(?:href|src|srcset|poster|cite|action|data)=/i;
