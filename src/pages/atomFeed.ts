import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import type { Site } from "../site/Site.ts";
import { editionFeed, EDITION_FEED_SIZE } from "../feeds/feedModel.ts";
import { renderAtom } from "../feeds/atom.ts";
import { editionFeedUrl } from "../urls.ts";
import { articleRead, tagNameRead } from "../site/reads.ts";

/** Each edition's Atom feed, `/feed.xml`, `/ar/feed.xml`: its latest articles, whole. */
export interface AtomFeedPage {
  kind: "atomFeed";
  url: string;
  edition: Edition;
}

export const atomFeedPages: PageType<AtomFeedPage> = {
  *pages(site) {
    for (const edition of site.editions) yield { kind: "atomFeed", url: editionFeedUrl(edition), edition };
  },
  render: async (page, site) => renderAtom(await editionFeed(site, page.edition)),
  reads: (page, site) => editionFeedReads(page.edition, site),
};

/** What an edition's feeds print: their articles whole, with their image and the names of their people and topics. */
export function editionFeedReads(edition: Edition, site: Site): string[] {
  const articles = edition.articles.slice(0, EDITION_FEED_SIZE);
  return [
    ...articles.flatMap((a) => [articleRead(a), site.image(a)?.largestJpeg ?? "", ...[...a.people, ...a.topics].map((t) => tagNameRead(t, edition))]),
    articles.length === 0 ? `empty since ${site.now.toISO()}` : "",
  ];
}
