import type { DateTime } from "luxon";
import { formatDateTime, isoWithOffset } from "../../src/text/dates.ts";
import type { Edition } from "../../src/collections/bulletin.ts";

/** A date-time as readers see it, with the machine-readable instant (offset kept). */
export function TimeStamp({ date, edition, label }: { date: DateTime; edition: Edition; label?: string }) {
  return (
    <>
      {label ? `${label} ` : ""}
      <time datetime={isoWithOffset(date)}>{formatDateTime(date, edition)}</time>
    </>
  );
}
