import type { Site } from "../site/Site.ts";
import type { Edition } from "../collections/editions.ts";

export interface Alternate {
  /** A BCP 47 code, or `x-default`: the version for readers of any other language. */
  lang: string;
  /** Site-relative. */
  url: string;
}

/** The `hreflang` of the version shown to readers whose language no edition has. */
export const X_DEFAULT = "x-default";

/**
 * The same page in every edition that has it, this one included, for `hreflang` links in
 * the head and in the sitemap; `urlIn` gives the page's URL in an edition, or undefined where
 * the edition has no such page. Empty when the page exists in one language only. When the
 * default edition has the page, its URL is also the `x-default` (Google's choice for
 * readers of a language the bulletin does not publish in): the edition at the site's root.
 */
export function editionAlternates(site: Site, urlIn: (edition: Edition) => string | undefined): Alternate[] {
  const found: Alternate[] = [];
  let fallback: string | undefined;
  for (const edition of site.editions) {
    const url = urlIn(edition);
    if (!url) continue;
    found.push({ lang: edition.lang, url });
    if (edition.isDefault) fallback = url;
  }
  if (found.length < 2) return [];
  return fallback ? [...found, { lang: X_DEFAULT, url: fallback }] : found;
}
