import type { SiteBuild } from "../build/SiteBuild.ts";
import type { PageSubject } from "./pageSubjects.ts";
import { correctionsUrl } from "./pageSubjects.ts";
import { tagIndexUrl } from "../urls.ts";

export interface Alternate {
  lang: string;
  /** Site-relative. */
  url: string;
}

/**
 * The same page in every edition that has it, this one included, for `hreflang` links in
 * the head and in the sitemap. Empty when the page exists in one language only.
 * An article's counterparts are its translations; an edition's front, indexes and
 * corrections have theirs in every edition; a person's or topic's first page has one in
 * every edition that writes about them (one identity across languages).
 */
export function alternatesOf(build: SiteBuild, subject: PageSubject | undefined): Alternate[] {
  if (!subject) return [];
  const editions = build.bulletin.editions;
  let found: Alternate[] = [];
  switch (subject.kind) {
    case "article":
      found = [subject.article, ...build.bulletin.translationsOf(subject.article)].map((a) => ({ lang: a.lang, url: a.url }));
      break;
    case "home":
      if (subject.page.number === 1) found = editions.map((e) => ({ lang: e.lang, url: e.homeUrl }));
      break;
    case "tagIndex":
      found = editions.map((e) => ({ lang: e.lang, url: tagIndexUrl(e.lang, subject.tagKind) }));
      break;
    case "corrections":
      found = editions.map((e) => ({ lang: e.lang, url: correctionsUrl(e) }));
      break;
    case "tag":
      if (subject.page.number === 1) {
        found = editions.flatMap((e) => {
          const listing = e.listing(subject.listing.tag.kind, subject.listing.tag.slug);
          return listing ? [{ lang: e.lang, url: listing.url }] : [];
        });
      }
      break;
    default:
      break;
  }
  return found.length > 1 ? found : [];
}
