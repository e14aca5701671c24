import type { DateTime } from "luxon";
import { isoWithOffset } from "../text/dates.ts";

// Luxon formats slowly (tens of µs), and an article's dates are printed in every feed and
// sitemap it appears in; DateTimes are immutable, so each one is formatted once.
const formatted = new WeakMap<DateTime, string>();

/** `isoWithOffset`, remembered per DateTime instance. */
export function isoOnce(dt: DateTime): string {
  let iso = formatted.get(dt);
  if (iso === undefined) {
    iso = isoWithOffset(dt);
    formatted.set(dt, iso);
  }
  return iso;
}
