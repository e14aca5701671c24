import type { Site } from "../site/Site.ts";
import type { Edition } from "../collections/editions.ts";

export interface Alternate {
  lang: string;
  /** Site-relative. */
  url: string;
}

/**
 * The same page in every edition that has it, this one included, for `hreflang` links in
 * the head and in the sitemap; `urlIn` gives the page's URL in an edition, or undefined where
 * the edition has no such page. Empty when the page exists in one language only.
 */
export function editionAlternates(site: Site, urlIn: (edition: Edition) => string | undefined): Alternate[] {
  const found: Alternate[] = [];
  for (const edition of site.editions) {
    const url = urlIn(edition);
    if (url) found.push({ lang: edition.lang, url });
  }
  return found.length > 1 ? found : [];
}
