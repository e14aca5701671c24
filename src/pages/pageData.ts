import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Edition } from "../collections/bulletin.ts";
import type { PageContext } from "../../layouts/PageContext.ts";
import { outputPath } from "../urls.ts";

/** The data Eleventy hands a page template: our build, and the paginated entry. */
export interface PageData<E> {
  build: SiteBuild;
  entry: E;
}

/**
 * The front matter of a template that renders one page per entry of `build.pages[name]`.
 * Entries carry their own URL; Eleventy writes them where `outputPath` says.
 */
export function paginated<E>(name: keyof SiteBuild["pages"], urlOf: (entry: E) => string) {
  return {
    pagination: { data: `build.pages.${name}`, size: 1, alias: "entry", addAllPagesToCollections: false },
    permalink: (data: PageData<E>) => outputPath(urlOf(data.entry)),
    eleventyExcludeFromCollections: true,
  };
}

export function contextOf(data: { build: SiteBuild }, edition: Edition, url: string): PageContext {
  return { build: data.build, edition, url };
}
