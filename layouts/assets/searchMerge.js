// The search page queries one Pagefind index per year (the build writes them so: see
// src/search/searchIndexer.ts) and shows one list. `lists` holds each index's results in
// the order of `data-indexes`, newest year first, each list already in the order asked for.

/**
 * One list of results from the lists of several yearly indexes.
 * @template {{ score: number }} T
 * @param {T[][]} lists results of each index, newest year first
 * @param {"asc" | "desc" | undefined} dateOrder the date order asked for, or none (relevance)
 * @returns {T[]}
 */
export function mergeResults(lists, dateOrder) {
  // Years do not overlap: by date, the years' lists follow one another.
  if (dateOrder === "desc") return lists.flat();
  if (dateOrder === "asc") return [...lists].reverse().flat();
  // By relevance, as Pagefind ranks merged indexes itself: by score, highest first; equal
  // scores keep the newer year first (the sort is stable).
  return lists.flat().sort((a, b) => b.score - a.score);
}
