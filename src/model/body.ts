import type { Article } from "./types.ts";

/**
 * An article's Markdown body. An article made from the last build's record
 * (src/publish/contentCache.ts) comes without it: its file is read when a page first needs
 * it, which for most articles of an everyday build is never.
 *
 * The reader is kept beside the article, not as a getter on it: an accessor defined on an
 * object turns it into a dictionary (V8's slow mode), and every field of the 100,000 articles
 * made from the record was then read that way for the whole build (defining the accessors
 * alone took 0.18 s at 100,000 articles).
 */
export function articleBody(article: Article): string {
  const read = unread.get(article);
  if (read) {
    unread.delete(article);
    article.body = read();
  }
  return article.body;
}

/** Gives `article` the body `read` returns, read when `articleBody` first asks for it. */
export function readBodyLater(article: Article, read: () => string): void {
  unread.set(article, read);
}

const unread = new WeakMap<Article, () => string>();
