import { createHash } from "node:crypto";
import type { Site } from "./Site.ts";
import { typeOf, type Page } from "../pages/pageTypes.ts";
import { outputPath } from "../urls.ts";
import type { SinceLastBuild } from "./changes.ts";
import { RecordedOrder } from "./recordedOrder.ts";

/** Each page of a site by the file it is written to, with a digest of everything it prints (its type's `reads`). */
export type Fingerprints = Map<string, { fingerprint: string; page: Page }>;

/**
 * Every page's file and fingerprint, in the page table's order (`Site.pages`): what a build
 * records for the next. Two lists rather than a table by file: a build walks them in order
 * beside the last build's (`RecordedOrder`), and 134,000 files as the keys of one JSON object
 * were each hashed when the record was read, and again when looked up.
 */
export interface PageTable {
  files: string[];
  fingerprints: string[];
}

/**
 * What decides whether a page must be rendered again: two builds whose pages have the same
 * fingerprint write the same bytes there, as long as the code and the settings are the same
 * (a change to either renders everything). The preview's, after a save: each page by its file.
 */
export function pageFingerprints(site: Site): Fingerprints {
  const { table, pages } = pageTable(site);
  return new Map(table.files.map((file, i) => [file, { fingerprint: table.fingerprints[i]!, page: pages[i]! }]));
}

/**
 * The site's page table, for the incremental build (src/publish), which passes the `last`
 * build's and what changed since: a page its type knows `unchanged` keeps its fingerprint
 * unread. With it, the pages whose fingerprint is not the last build's (`changed`, in the
 * table's order) and the files of the last build's pages the site no longer has (`removed`).
 */
export function pageTable(site: Site, last?: { since?: SinceLastBuild; table: PageTable }): { table: PageTable; pages: Page[]; changed: Page[]; removed: string[] } {
  const pages = [...site.pages()];
  const files = pages.map((page) => outputPath(page.url));
  const fingerprints: string[] = new Array(pages.length);
  if (!last) {
    pages.forEach((page, i) => (fingerprints[i] = fingerprint(page, site)));
    return { table: { files, fingerprints }, pages, changed: pages, removed: [] };
  }
  const order = new RecordedOrder(last.table.files);
  const places = order.placesOf(files);
  const since = site.preview ? undefined : last.since;
  const changed: Page[] = [];
  for (let i = 0; i < pages.length; i++) {
    const was = places[i] === -1 ? undefined : last.table.fingerprints[places[i]!];
    const page = pages[i]!;
    fingerprints[i] = was !== undefined && since && typeOf(page).unchanged?.(page, site, since) ? was : fingerprint(page, site);
    if (fingerprints[i] !== was) changed.push(page);
  }
  return { table: { files, fingerprints }, pages, changed, removed: order.untaken().map((at) => last.table.files[at]!) };
}

export function fingerprint(page: Page, site: Site): string {
  return createHash("sha1").update(`${page.kind}\0${page.url}\0${typeOf(page).reads(page, site).join("\0")}`).digest("base64url");
}
