import type { HomePage } from "../src/pages/home.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { ArticleList } from "./components/ArticleList.tsx";
import { ArticleFigure } from "./components/ArticleFigure.tsx";
import { Pagination } from "./components/Pagination.tsx";
import { StoryTime } from "./components/StoryTime.tsx";
import { tagUrl } from "../src/urls.ts";

/** How many headlines the "Latest" column beside the lead story carries. */
const LATEST_COUNT = 6;

/** The latest news, newest first, paginated; page 1 is a front page with a lead story. */
export function HomeLayout({ ctx }: { ctx: PageContext<HomePage> }) {
  const { edition, page } = ctx;
  const list = page.listPage;
  const s = edition.strings;
  const front = list.front;
  const title = front ? edition.name : `${s.latest} · ${s.pageNumber(list.number)}`;
  return (
    <BasePage ctx={ctx} title={title} description={edition.description || edition.name}>
      <h1 class={front ? "visually-hidden" : "page-title"}>{front ? `${edition.name}: ${s.latest}` : title}</h1>
      {front ? <FrontPage ctx={ctx} /> : <ArticleList ctx={ctx} articles={list.items} />}
      <Pagination ctx={ctx} page={list} />
    </BasePage>
  );
}

/** The front page: the lead, the desk's top stories, then the latest river (src/collections/frontPage.ts: each story once). */
function FrontPage({ ctx }: { ctx: PageContext }) {
  const { edition, site } = ctx;
  const { lead, top, river } = edition.front;
  if (!lead) return <ArticleList ctx={ctx} articles={[]} />;
  const s = edition.strings;
  const latest = river.slice(0, LATEST_COUNT);
  const more = river.slice(LATEST_COUNT);
  const image = site.image(lead);
  const kicker = lead.topics[0];
  return (
    <div class="front">
      <article class="lead-story" lang={lead.lang === edition.lang ? undefined : lead.lang}>
        {kicker ? <p class="kicker"><a href={tagUrl(edition, "topic", kicker.slug)}>{edition.tagText(kicker).name}</a></p> : ""}
        <h2 class="lead-title"><a href={lead.url}>{lead.title}</a></h2>
        <p class="standfirst">{site.summary(lead)}</p>
        <p class="teaser-meta">
          {lead.dateline ? <><span class="teaser-dateline">{lead.dateline}</span> · </> : ""}
          <StoryTime article={lead} edition={edition} />
        </p>
        {/* After the headline: a picture first put the headline 700 px down a laptop's screen. */}
        {lead.image && image ? <ArticleFigure ctx={ctx} image={image} alt={lead.image.alt} caption={lead.image.caption} credit={lead.image.credit} sizes="(min-width: 42rem) 40rem, 100vw" lead /> : ""}
      </article>
      {top.length > 0 ? (
        <section class="top-stories" aria-labelledby="top-title">
          <h2 class="section-title" id="top-title">{s.topStories}</h2>
          <ArticleList ctx={ctx} articles={top} headingLevel={3} />
        </section>
      ) : ""}
      {latest.length > 0 ? (
        <section class="latest" aria-labelledby="latest-title">
          <h2 class="section-title" id="latest-title">{s.latest}</h2>
          <ol class="latest-list">
            {latest.map((a) => (
              <li lang={a.lang === edition.lang ? undefined : a.lang}>
                <h3 class="teaser-title"><a href={a.url}>{a.title}</a></h3>
                <p class="teaser-meta">
                  {a.dateline ? <><span class="teaser-dateline">{a.dateline}</span> · </> : ""}
                  <StoryTime article={a} edition={edition} />
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
