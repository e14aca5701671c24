import type { TagEntry } from "../build/SiteBuild.ts";
import { tagFeed } from "../feeds/feedModel.ts";
import { renderAtom } from "../feeds/atom.ts";
import { outputPath } from "../urls.ts";
import type { PageData } from "./pageData.ts";

/** The Atom feed of every person and topic: `/people/<slug>/feed.xml`, `/topics/<slug>/feed.xml`. */
export const data = {
  pagination: {
    data: "build.pages.tag",
    size: 1,
    alias: "entry",
    addAllPagesToCollections: false,
    // One feed per listing, whatever the number of its pages: keep each listing's first page.
    before: (entries: TagEntry[]) => entries.filter((e) => e.page.number === 1),
  },
  permalink: (data: PageData<TagEntry>) => outputPath(data.entry.listing.feedUrl),
  eleventyExcludeFromCollections: true,
};

export async function render(data: PageData<TagEntry>): Promise<string> {
  return renderAtom(await tagFeed(data.build, data.entry.edition, data.entry.listing));
}
