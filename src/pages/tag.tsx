import type { Article } from "../model/types.ts";
import type { Edition, TagListing, TagText } from "../collections/editions.ts";
import type { Page as ListPage } from "../collections/paginate.ts";
import type { CoAppearance } from "../collections/appearsWith.ts";
import { timeline, type TimelineMonth } from "../collections/timeline.ts";
import type { PageType } from "./pageTypes.ts";
import type { Site } from "../site/Site.ts";
import { TagLayout } from "../../layouts/TagLayout.tsx";
import { editionAlternates } from "../seo/alternates.ts";
import { breadcrumbs, tagNode, webPage } from "../seo/jsonLd.ts";
import { tagIndexUrl } from "../urls.ts";
import { archivePageUnchanged, touched } from "../site/changes.ts";
import { tagKey } from "../collections/staleRelated.ts";
import { articleRead, noticeRead, shellRead, tagNameRead, tagRead } from "../site/reads.ts";
import { previewNotice, storiesForPage } from "./previewNotice.ts";

/** A person's or topic's page, paginated: `/people/<slug>/`, `/topics/<slug>/page/2/`. */
export interface TagPage {
  kind: "tag";
  url: string;
  edition: Edition;
  listing: TagListing;
  listPage: ListPage<Article>;
  /** The name, role and description in the edition's language. */
  text: TagText;
  /** A person's first page: who appears with them. */
  readonly appearsWith: CoAppearance[];
  /** A topic's page: its stories grouped by month. */
  readonly timeline: TimelineMonth[];
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  readonly notice?: string;
}

/** A person's or topic's page as the page table lists it: a class for the reason `ListedArticle` is one (src/pages/article.tsx). */
class ListedTagPage implements TagPage {
  readonly kind = "tag";
  readonly url: string;
  readonly text: TagText;
  constructor(private readonly site: Site, readonly edition: Edition, readonly listing: TagListing, readonly listPage: ListPage<Article>) {
    this.url = listPage.url;
    this.text = edition.tagText(listing.tag);
  }

  // Worked out when the page is read or rendered, not when it is listed: the sitemap and the
  // incremental build list every page (a topic's timeline for every page of every topic took
  // 1.1 s of a build that rendered 800 pages at 100,000 articles).
  get appearsWith(): CoAppearance[] {
    return this.listing.tag.kind === "person" && this.listPage.front ? this.edition.appearsWith(this.listing) : [];
  }

  get timeline(): TimelineMonth[] {
    return this.listing.tag.kind === "person" ? [] : timeline(this.listPage.items);
  }

  get notice(): string | undefined {
    return previewNotice(this.site, this.edition, {
      existsFor: { articles: this.listing.articles, needed: storiesForPage(this.listPage, this.site.config.articlesPerPage) },
      shows: this.listPage.items,
    });
  }
}

export const tagPages: PageType<TagPage> = {
  *pages(site) {
    for (const edition of site.editions) {
      for (const listing of [...edition.people, ...edition.topics]) {
        for (const listPage of listing.pages) yield new ListedTagPage(site, edition, listing, listPage);
      }
    }
  },
  render: (page, site) => <TagLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [
    shellRead(site, page.edition),
    tagRead(page.listing.tag),
    // The count of stories is on the front page alone: an archive page reads the same until its neighbours' numbers change.
    `${page.listPage.newer} ${page.listPage.older} ${page.listPage.near.map((n) => n.number).join(",")}${page.listPage.front ? ` of ${page.listing.articles.length}` : ""}`,
    ...page.listPage.items.map(articleRead),
    ...page.appearsWith.map((a) => `${tagNameRead(a.person, page.edition)} ${a.count}`),
    ...(page.listPage.front ? [tagsAlternates(page, site).map((a) => a.lang).join(",")] : []),
    ...noticeRead(page),
  ],
  // Everything `reads` above depends on: a listing none of the changed stories is in (now or
  // before) lists what it did, and so does an archive page of one whose stories are all older.
  unchanged: (page, site, since) => {
    if (since.shells.has(page.edition.lang) || since.tags.size > 0) return false;
    const key = tagKey(page.listing.tag);
    return !touched(site, since).tags.has(key) || archivePageUnchanged(page.listPage, `${page.edition.lang} ${key}`, page.listing.articles.length, site, since);
  },
  lastmod: (page, site) => page.listPage.front ? site.listingChange(page.listing.pages) : site.latestChange(page.listPage.items),
  alternates: (page, site) => (page.listPage.front ? tagsAlternates(page, site) : []),
  structuredData: (page, site, facts) => {
    const { edition, listing } = page;
    const tag = tagNode(site, edition, listing.tag);
    const section = listing.tag.kind === "person" ? edition.strings.people : edition.strings.topics;
    return [
      webPage(site, facts, "CollectionPage", listing.tag.kind === "person" ? { mainEntity: tag, about: tag } : { about: tag }),
      breadcrumbs(site, edition, [
        { name: section, url: tagIndexUrl(edition, listing.tag.kind) },
        { name: listing.name, url: listing.url },
        ...(!page.listPage.front ? [{ name: facts.title, url: page.url }] : []),
      ]),
    ];
  },
  head: (page) => ({
    feeds: [{ rel: "alternate", type: "application/atom+xml", href: page.listing.feedUrl, title: page.edition.strings.feedOf(page.listing.name) }],
  }),
};

/** One identity across languages: the person's or topic's page in every edition that writes about them. */
function tagsAlternates(page: TagPage, site: Site) {
  const { tag } = page.listing;
  return editionAlternates(site, (e) => e.listing(tag.kind, tag.slug)?.url);
}
