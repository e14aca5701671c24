import type { Lang } from "../model/schema.ts";
import { homeUrl } from "../urls.ts";

/** An edition's Atom feed: `/feed.xml`, `/ar/feed.xml`. Person and topic feeds are `tagFeedUrl` in src/urls.ts. */
export function editionFeedUrl(lang: Lang): string {
  return `${homeUrl(lang)}feed.xml`;
}

/** An edition's JSON Feed: `/feed.json`, `/ar/feed.json`. */
export function editionJsonFeedUrl(lang: Lang): string {
  return `${homeUrl(lang)}feed.json`;
}
