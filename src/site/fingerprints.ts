import { createHash } from "node:crypto";
import type { Site } from "./Site.ts";
import { typeOf, type Page } from "../pages/pageTypes.ts";
import { outputPath } from "../urls.ts";
import type { SinceLastBuild } from "./changes.ts";

/** Each page of a site by the file it is written to, with a digest of everything it prints (its type's `reads`). */
export type Fingerprints = Map<string, { fingerprint: string; page: Page }>;

/**
 * What decides whether a page must be rendered again: two builds whose pages have the same
 * fingerprint write the same bytes there, as long as the code and the settings are the same
 * (a change to either renders everything). Used by the preview after a save and by the
 * incremental build (src/publish), which passes the `last` build's fingerprints and what
 * changed since: a page its type knows `unchanged` keeps its fingerprint unread.
 */
export function pageFingerprints(site: Site, last?: { since: SinceLastBuild; pages: Record<string, string> }): Fingerprints {
  const found: Fingerprints = new Map();
  for (const page of site.pages()) {
    const path = outputPath(page.url);
    const kept = last?.pages[path];
    const unchanged = kept !== undefined && !site.preview && typeOf(page).unchanged?.(page, site, last!.since);
    found.set(path, { fingerprint: unchanged ? kept : fingerprint(page, site), page });
  }
  return found;
}

export function fingerprint(page: Page, site: Site): string {
  return createHash("sha1").update(`${page.kind}\0${page.url}\0${typeOf(page).reads(page, site).join("\0")}`).digest("base64url");
}
