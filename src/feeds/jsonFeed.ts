import { isoOnce } from "./isoOnce.ts";
import { jsonForScript } from "../text/escape.ts";
import type { Feed } from "./feedModel.ts";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1), the fields named as that spec names them. */
export interface JsonFeedDocument {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  home_page_url: string;
  feed_url?: string;
  description: string;
  icon: string;
  language: string;
  authors: { name: string; url?: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  content_html: string;
  summary: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors: { name: string }[];
  tags: string[];
  language: string;
}

export function jsonFeedDocument(feed: Feed): JsonFeedDocument {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.jsonUrl,
    description: feed.description,
    icon: feed.iconUrl,
    language: feed.lang,
    authors: [{ name: feed.author.name, url: feed.author.url }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      summary: item.summary,
      image: item.imageUrl,
      date_published: isoOnce(item.published),
      date_modified: isoOnce(item.updated),
      authors: [{ name: item.author }],
      tags: item.categories.map((c) => c.term),
      language: item.lang,
    })),
  };
}

/**
 * The feed as JSON text. `<`, `>` and `&` are written as \u escapes (the same JSON value), so
 * even a host that served the file as HTML could not run a `<script>` from a headline.
 */
export function renderJsonFeed(feed: Feed): string {
  return `${jsonForScript(jsonFeedDocument(feed))}\n`;
}
