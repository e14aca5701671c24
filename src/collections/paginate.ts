import { pageUrl } from "../urls.ts";

/** One page of a paginated listing. */
export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  /** The URL of every page of the listing, for numbered links. */
  urls: string[];
  prev?: string;
  next?: string;
}

/** Splits `items` into pages of `size` under `base`; an empty listing still has one page. */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: total }, (_, i) => pageUrl(base, i + 1));
  return urls.map((url, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    number: i + 1,
    total,
    url,
    urls,
    prev: urls[i - 1],
    next: urls[i + 1],
  }));
}
