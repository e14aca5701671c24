import type { Edition, TagListing } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { tagFeed, TAG_FEED_SIZE } from "../feeds/feedModel.ts";
import { renderAtom } from "../feeds/atom.ts";
import { touched } from "../site/changes.ts";
import { tagKey } from "../collections/staleRelated.ts";
import { articleRead, tagNameRead } from "../site/reads.ts";

/** The Atom feed of every person and topic: `/people/<slug>/feed.xml`, `/topics/<slug>/feed.xml`. */
export interface TagFeedPage {
  kind: "tagFeed";
  url: string;
  edition: Edition;
  listing: TagListing;
}

export const tagFeedPages: PageType<TagFeedPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const listing of [...edition.people, ...edition.topics]) yield { kind: "tagFeed", url: listing.feedUrl, edition, listing };
    }
  },
  render: async (page, site) => renderAtom(await tagFeed(site, page.edition, page.listing)),
  reads: (page, site) => [
    page.listing.name,
    ...page.listing.articles.slice(0, TAG_FEED_SIZE).flatMap((a) => [articleRead(a), site.image(a)?.largestJpeg ?? "", ...[...a.people, ...a.topics].map((t) => tagNameRead(t, page.edition))]),
  ],
  unchanged: (page, site, since) => since.tags.size === 0 && !touched(site, since).tags.has(tagKey(page.listing.tag)),
};
