import { pageUrl } from "../urls.ts";

/**
 * One page of a paginated listing (the home page, a person's or topic's page).
 *
 * Pages are counted from the oldest, so that a page, once full, never changes: `/page/1/`
 * holds the oldest stories, `/page/2/` the next ones, and a new story only changes the
 * listing's first page (its own URL, the front), which holds the newest stories: the ones
 * that do not fill a page yet, and the page before them. A reader following "Older" reads
 * the same stories whenever they come; a link to `/page/120/` shows tomorrow what it shows
 * today; and filing a story writes one page of each listing it is on, not every page of it
 * (5,000 pages of the home page at 100,000 articles; docs/architecture.md).
 */
export interface Page<T> {
  /** Newest first. */
  items: T[];
  /** The listing's own URL: its newest stories, between one page and two pages of them. */
  front: boolean;
  /** Archive pages: 1 for the oldest. The front has the number after the newest archive page. */
  number: number;
  url: string;
  /** The pages of newer and older stories. */
  newer?: string;
  older?: string;
  /** Archive pages near this one, for numbered links (the oldest first), and the oldest of all. */
  near: { number: number; url: string }[];
}

/** How many archive pages on either side of a page its numbered links reach. */
const NEAR = 2;

/**
 * Splits `items` (newest first) into pages of `size` counted from the oldest, under `base`.
 * The front holds the newest `size + r` items, `r` (1 to `size`) being those that do not fill
 * a page yet; a listing of up to two pages' worth is all on the front. An empty listing still
 * has its front.
 */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const n = items.length;
  const chunks = Math.ceil(n / size);
  /** Full pages before the front. */
  const archived = Math.max(0, chunks - 2);
  const frontCount = n - archived * size;
  const url = (k: number) => (k > archived ? base : pageUrl(base, k));
  const near = (k: number) => {
    const numbers = new Set<number>();
    if (archived > 0) numbers.add(1);
    for (let i = k - NEAR; i <= k + NEAR; i++) if (i >= 1 && i <= archived) numbers.add(i);
    return [...numbers].sort((a, b) => a - b).map((number) => ({ number, url: url(number) }));
  };
  const front: Page<T> = {
    items: items.slice(0, frontCount),
    front: true,
    number: archived + 1,
    url: base,
    older: archived > 0 ? url(archived) : undefined,
    near: near(archived + 1),
  };
  const pages: Page<T>[] = [front];
  for (let k = archived; k >= 1; k--) {
    pages.push({
      items: items.slice(n - k * size, n - (k - 1) * size),
      front: false,
      number: k,
      url: url(k),
      newer: url(k + 1),
      older: k > 1 ? url(k - 1) : undefined,
      near: near(k),
    });
  }
  return pages;
}

/**
 * Whether archive page `number` of a listing that went from `before` to `now` items (`size` a
 * page) is the same page, given that every item that came, went or changed stands newer than
 * all of its own: its items are then the same ones (pages are counted from the oldest), and
 * so are its links to newer, older and near pages, as long as neither listing's archive ends
 * within their reach. Filing a story at 100,000 articles read each of the home page's 5,000
 * pages again to find the two that changed.
 */
export function archivePageKept(number: number, size: number, before: number, now: number): boolean {
  const archived = (n: number) => Math.max(0, Math.ceil(n / size) - 2);
  return number + NEAR <= Math.min(archived(before), archived(now));
}

