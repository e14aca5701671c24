import type { DayPage } from "../src/pages/day.tsx";
import type { MonthPage } from "../src/pages/month.tsx";
import type { YearPage } from "../src/pages/year.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { formatDay, formatMonth, formatYear } from "../src/text/dates.ts";
import { dayEmailUrl, monthUrl, yearUrl } from "../src/urls.ts";

/** A day's bulletin: every article of that day, in the order filed. */
export function DayLayout({ ctx }: { ctx: PageContext<DayPage> }) {
  const { edition, page: { day } } = ctx;
  const title = edition.strings.dayTitle(formatDay(day.date, edition));
  return (
    <BasePage ctx={ctx} title={title} description={title}>
      <ArchiveTrail ctx={ctx} year={{ url: yearUrl(edition, day.date), label: formatYear(day.date, edition) }} month={{ url: monthUrl(edition, day.date), label: formatMonth(day.date, edition) }} />
      <h1 class="page-title">{title}</h1>
      <p class="tag-count">{edition.strings.articleCount(day.articles.length)}</p>
      <ArticleList ctx={ctx} articles={day.articles} />
      <section class="email-edition" aria-labelledby="email-edition-title">
        <h2 class="section-title" id="email-edition-title">{edition.strings.emailEdition}</h2>
        <p>
          {edition.strings.emailEditionIntro}{" "}
          <a href={dayEmailUrl(edition, day.date, "html")} type="text/html">{edition.strings.emailHtml}</a>
          {" · "}
          <a href={dayEmailUrl(edition, day.date, "txt")} type="text/plain">{edition.strings.emailText}</a>
        </p>
      </section>
    </BasePage>
  );
}

/** A month: its days, each with its headlines. */
export function MonthLayout({ ctx }: { ctx: PageContext<MonthPage> }) {
  const { edition, page: { month } } = ctx;
  const title = edition.strings.monthTitle(formatMonth(month.date, edition));
  return (
    <BasePage ctx={ctx} title={title} description={title}>
      <ArchiveTrail ctx={ctx} year={{ url: yearUrl(edition, month.date), label: formatYear(month.date, edition) }} />
      <h1 class="page-title">{title}</h1>
      {month.days.map((d) => (
        <section class="archive-day" aria-labelledby={`day-${d.date.toFormat("dd")}`}>
          <h2 id={`day-${d.date.toFormat("dd")}`}>
            <a href={d.url}>{formatDay(d.date, edition)}</a> <span class="count">{edition.strings.articleCount(d.articles.length)}</span>
          </h2>
          <ul class="headline-list">
            {d.articles.map((a) => <li><a href={a.url}>{a.title}</a></li>)}
          </ul>
        </section>
      ))}
    </BasePage>
  );
}

/** A year: its months with their article counts. */
export function YearLayout({ ctx }: { ctx: PageContext<YearPage> }) {
  const { edition, page: { year, others } } = ctx;
  const title = edition.strings.yearTitle(formatYear(year.date, edition));
  return (
    <BasePage ctx={ctx} title={title} description={title}>
      <h1 class="page-title">{title}</h1>
      <h2 class="section-title">{edition.strings.months}</h2>
      <ul class="tag-index">
        {year.months.map((m) => (
          <li>
            <a href={m.url}>{formatMonth(m.date, edition)}</a>{" "}
            <span class="count">{edition.strings.articleCount(m.count)}</span>
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <nav aria-label={edition.strings.archive}>
          <ul class="year-list">
            {others.map((y) => <li><a href={y.url}>{formatYear(y.date, edition)}</a></li>)}
          </ul>
        </nav>
      ) : ""}
    </BasePage>
  );
}

function ArchiveTrail({ ctx, year, month }: { ctx: PageContext; year: { url: string; label: string }; month?: { url: string; label: string } }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.edition.strings.archive}>
      <ol>
        <li><a href={year.url}>{year.label}</a></li>
        {month ? <li><a href={month.url}>{month.label}</a></li> : ""}
      </ol>
    </nav>
  );
}
