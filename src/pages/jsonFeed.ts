import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { editionFeed } from "../feeds/feedModel.ts";
import { renderJsonFeed } from "../feeds/jsonFeed.ts";
import { editionJsonFeedUrl } from "../urls.ts";
import { editionFeedReads } from "./atomFeed.ts";

/** Each edition's JSON Feed 1.1, `/feed.json`, `/ar/feed.json`: the Atom feed's articles. */
export interface JsonFeedPage {
  kind: "jsonFeed";
  url: string;
  edition: Edition;
}

export const jsonFeedPages: PageType<JsonFeedPage> = {
  *pages(site) {
    for (const edition of site.editions) yield { kind: "jsonFeed", url: editionJsonFeedUrl(edition), edition };
  },
  render: async (page, site) => renderJsonFeed(await editionFeed(site, page.edition)),
  reads: (page, site) => editionFeedReads(page.edition, site),
};
