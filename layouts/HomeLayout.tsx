import type { Article } from "../src/model/types.ts";
import type { Page } from "../src/collections/paginate.ts";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { ArticleFigure } from "./components/ArticleFigure.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";
import { tagName } from "../src/collections/bulletin.ts";
import { tagUrl } from "../src/urls.ts";

/** How many headlines the "Latest" column beside the lead story carries. */
const LATEST_COUNT = 6;

/** The latest news, newest first, paginated; page 1 is a front page with a lead story. */
export function HomeLayout({ ctx, page }: { ctx: PageContext; page: Page<Article> }) {
  const { edition } = ctx;
  const s = edition.strings;
  const front = page.number === 1;
  const title = front ? edition.name : `${s.latest} · ${s.pageOf(page.number, page.total)}`;
  return (
    <BasePage ctx={ctx} title={title} description={edition.description || edition.name}>
      <h1 class={front ? "visually-hidden" : "page-title"}>{front ? `${edition.name}: ${s.latest}` : title}</h1>
      {front ? <FrontPage ctx={ctx} articles={page.items} /> : <ArticleList ctx={ctx} articles={page.items} />}
      <Pagination ctx={ctx} page={page} />
    </BasePage>
  );
}

function FrontPage({ ctx, articles }: { ctx: PageContext; articles: Article[] }) {
  const [lead, ...rest] = articles;
  if (!lead) return <ArticleList ctx={ctx} articles={[]} />;
  const { edition, build } = ctx;
  const s = edition.strings;
  const latest = rest.slice(0, LATEST_COUNT);
  const more = rest.slice(LATEST_COUNT);
  return (
    <div class="front">
      <article class="lead-story" lang={lead.lang === edition.lang ? undefined : lead.lang}>
        {lead.image ? <ArticleFigure ctx={ctx} image={lead.image} article={lead} sizes="(min-width: 56rem) 46rem, 100vw" /> : ""}
        {lead.topics[0] ? <p class="kicker"><a href={tagUrl(edition.lang, "topic", lead.topics[0].slug)}>{tagName(lead.topics[0], edition.lang)}</a></p> : ""}
        <h2 class="lead-title"><a href={lead.url}>{lead.title}</a></h2>
        <p class="standfirst">{build.summary(lead)}</p>
        <p class="teaser-meta">
          {lead.dateline ? <><span class="teaser-dateline">{lead.dateline}</span> · </> : ""}
          <TimeStamp date={lead.date} edition={edition} />
        </p>
      </article>
      {latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-title">
          <h2 class="section-title" id="latest-title">{s.latest}</h2>
          <ol class="latest-list">
            {latest.map((a) => (
              <li lang={a.lang === edition.lang ? undefined : a.lang}>
                <h3 class="teaser-title"><a href={a.url}>{a.title}</a></h3>
                <p class="teaser-meta">
                  {a.dateline ? <><span class="teaser-dateline">{a.dateline}</span> · </> : ""}
                  <TimeStamp date={a.date} edition={edition} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : ""}
      {more.length > 0 ? (
        <section class="more-news" aria-labelledby="more-title">
          <h2 class="section-title" id="more-title">{s.moreNews}</h2>
          <ArticleList ctx={ctx} articles={more} headingLevel={3} />
        </section>
      ) : ""}
    </div>
  );
}
