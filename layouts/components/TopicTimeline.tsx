import type { TimelineMonth } from "../../src/collections/timeline.ts";
import type { PageContext } from "../PageContext.ts";
import { formatMonth } from "../../src/text/dates.ts";
import { ArticleList } from "./ArticleList.tsx";

/** A topic's stories on this page, grouped under the month they were published in (src/collections/timeline.ts). */
export function TopicTimeline({ ctx, months }: { ctx: PageContext; months: TimelineMonth[] }) {
  return (
    <div class="timeline">
      {months.map((m) => (
        <section class="timeline-month" aria-labelledby={`month-${m.key}`}>
          <h3 id={`month-${m.key}`}>{formatMonth(m.month, ctx.edition)}</h3>
          <ArticleList ctx={ctx} articles={m.articles} headingLevel={4} />
        </section>
      ))}
    </div>
  );
}
