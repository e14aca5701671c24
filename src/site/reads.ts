import type { Article, Tag } from "../model/types.ts";
import type { Edition } from "../collections/editions.ts";
import type { Site } from "./Site.ts";

/**
 * The strings page types return from `reads` (src/pages/pageTypes.ts): each changes when
 * what a page prints of its subject changes. Coarse on purpose where precision would cost
 * more than it saves: an article's read is its whole file, so a body edit also re-renders
 * the listings that show only its headline (a few pages), but no page has to render the
 * Markdown to find out.
 */

/**
 * An article as any page shows it: its file's text (title, date, body…), URL, whether it is
 * still scheduled, and whether a live story is still open at the build's clock (its "Live"
 * label comes off when an end time passes, with no change to the file).
 */
export function articleRead(article: Article): string {
  let read = articleReads.get(article);
  if (read === undefined) {
    read = `a ${article.url} ${article.digest}${readFlags(article)}`;
    articleReads.set(article, read);
  }
  return read;
}

/**
 * Whether `read` is `articleRead(article)`, told without making it: a build compares every
 * article with its record, and making (and keeping) 100,000 reads for the few pages it renders
 * was garbage to collect.
 */
export function readsAs(article: Article, read: string | undefined): boolean {
  if (read === undefined) return false;
  const { url, digest } = article;
  const flags = readFlags(article);
  return read.length === 3 + url.length + digest.length + flags.length && read.startsWith("a ") && read.startsWith(url, 2) &&
    read.charCodeAt(2 + url.length) === 32 && read.startsWith(digest, 3 + url.length) && read.endsWith(flags);
}

function readFlags(article: Article): string {
  return `${article.scheduled ? " scheduled" : ""}${article.draft ? " draft" : ""}${article.live?.open ? " live" : ""}`;
}

// An article is read by a dozen pages (its listings, archives, feeds, related lists): its
// read is made once. Articles are not changed once loaded; a new build makes new ones.
const articleReads = new WeakMap<Article, string>();

/** A person or topic as its own pages and structured data show it: its registry file (or the name it was written as). */
export function tagRead(tag: Tag): string {
  return `t ${tag.kind} ${tag.slug} ${tag.digest}`;
}

/** A person's or topic's name and link in an edition (tag links, kickers, filters). */
export function tagNameRead(tag: Tag, edition: Edition): string {
  return `n ${tag.kind} ${tag.slug} ${edition.tagText(tag).name}`;
}

/** The preview's notice on a page (src/pages/previewNotice.ts): it depends on stories beyond those the page lists (a listing's archive page on the whole listing). */
export function noticeRead(page: { notice?: string }): string[] {
  return page.notice === undefined ? [] : [`notice ${page.notice}`];
}

/**
 * What every HTML page of an edition shows besides its subject: the editions a reader can
 * switch to, the archive the footer links (its newest year), and the breaking banner, which is judged at the build's clock
 * (`edition.breaking` is the story whose banner time is still to come, so this changes when
 * a banner comes down). The settings and the code are not here: a change to either rebuilds
 * every page.
 */
export function shellRead(site: Site, edition: Edition): string {
  const breaking = edition.breaking ? articleRead(edition.breaking) : "-";
  return `shell ${edition.lang} ${site.editions.map((e) => e.lang).join(",")} ${edition.years[0]?.url ?? ""} breaking ${breaking}`;
}
