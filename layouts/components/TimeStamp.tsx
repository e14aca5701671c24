import type { DateTime } from "luxon";
import { formatDateTime, isoWithOffset } from "../../src/text/dates.ts";
import type { Edition } from "../../src/collections/editions.ts";

/** A date-time as readers see it, with the machine-readable instant (offset kept). */
export function TimeStamp({ date, edition, label, searchMeta }: {
  date: DateTime;
  edition: Edition;
  label?: string;
  /** Files the date as shown under this Pagefind meta key, for search results. */
  searchMeta?: string;
}) {
  return (
    <>
      {label ? `${label} ` : ""}
      <time datetime={isoWithOffset(date)} data-pagefind-meta={searchMeta}>{formatDateTime(date, edition)}</time>
    </>
  );
}
