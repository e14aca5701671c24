import type { EditionEntry } from "../build/SiteBuild.ts";
import { editionFeed } from "../feeds/feedModel.ts";
import { renderJsonFeed } from "../feeds/jsonFeed.ts";
import { editionJsonFeedUrl } from "../feeds/feedUrls.ts";
import { paginated, type PageData } from "./pageData.ts";

/** Each edition's JSON Feed 1.1: `/feed.json`, `/ar/feed.json`. */
export const data = paginated<EditionEntry>("edition", (e) => editionJsonFeedUrl(e.edition.lang));

export async function render(data: PageData<EditionEntry>): Promise<string> {
  return renderJsonFeed(await editionFeed(data.build, data.entry.edition));
}
