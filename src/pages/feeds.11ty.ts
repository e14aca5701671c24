import type { EditionEntry } from "../build/SiteBuild.ts";
import { editionFeed } from "../feeds/feedModel.ts";
import { renderAtom } from "../feeds/atom.ts";
import { editionFeedUrl } from "../feeds/feedUrls.ts";
import { paginated, type PageData } from "./pageData.ts";

/** Each edition's Atom feed: `/feed.xml`, `/ar/feed.xml`. */
export const data = paginated<EditionEntry>("edition", (e) => editionFeedUrl(e.edition.lang));

export async function render(data: PageData<EditionEntry>): Promise<string> {
  return renderAtom(await editionFeed(data.build, data.entry.edition));
}
