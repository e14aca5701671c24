import type { ArticlePage } from "../src/pages/article.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";
import { TagLinks } from "./components/TagLinks.tsx";
import { ArticleFigure } from "./components/ArticleFigure.tsx";
import { RelatedStories } from "./components/RelatedStories.tsx";
import { tagUrl } from "../src/urls.ts";
import { formatDateTime, formatTime, isoWithOffset } from "../src/text/dates.ts";
import type { Article } from "../src/model/types.ts";

/** One article: headline, standfirst, dateline and times, body, corrections, people and topics. */
export function ArticleLayout({ ctx }: { ctx: PageContext<ArticlePage> }) {
  const { edition, site, page } = ctx;
  const { article, newer, older, translations } = page;
  const s = edition.strings;
  const kicker = article.topics[0];
  const image = site.image(article);
  return (
    <BasePage ctx={ctx} title={article.title} description={site.summary(article)}>
      <div class="article-page">
        {/* Search indexes the article alone (headline, standfirst, body), filters by its people and topics, sorts by date. */}
        <article class="article" data-pagefind-body="" data-pagefind-sort={`date:${article.date.toUTC().toISO({ suppressMilliseconds: true })}`}>
          <header class="article-header">
            {kicker ? <p class="kicker" data-pagefind-ignore=""><a href={tagUrl(edition, kicker.kind, kicker.slug)}>{edition.tagText(kicker).name}</a></p> : ""}
            {article.draft ? <p class="badge">{s.draft}</p> : ""}
            {article.scheduled ? <p class="badge">{s.scheduled}</p> : ""}
            {article.live?.open ? <p class="badge live-badge">{s.live}</p> : ""}
            <h1 class="headline">{article.title}</h1>
            {article.summary ? <p class="standfirst">{article.summary}</p> : ""}
            <div class="article-meta" data-pagefind-ignore="">
              {article.author ? <p class="byline">{s.by} <span class="author">{article.author}</span></p> : ""}
              <p class="published"><TimeStamp date={article.date} edition={edition} label={page.dateLabel} searchMeta="date" /></p>
              {article.live
                ? <p class="updated"><TimeStamp date={article.live.lastUpdate} edition={edition} label={s.lastUpdate} /></p>
                : article.updated ? <p class="updated"><TimeStamp date={article.updated} edition={edition} label={s.updated} /></p> : ""}
              {article.live && !article.live.open ? <p class="live-ended">{s.liveEnded}</p> : ""}
              {translations.map((t) => (
                <p class="translation">
                  <a href={t.url} hreflang={t.lang} rel="alternate">{s.readIn(edition.languageName(t.lang))}</a>
                </p>
              ))}
            </div>
          </header>
          {article.image && image ? <ArticleFigure ctx={ctx} image={image} alt={article.image.alt} caption={article.image.caption} credit={article.image.credit} sizes="(min-width: 42rem) 40rem, 100vw" lead /> : ""}
          {article.live ? <LiveUpdates ctx={ctx} article={article} /> : <div class="article-body">{{ html: site.body(article) }}</div>}
          {article.corrections.length > 0 ? (
            <aside class="corrections" aria-labelledby="corrections-title" data-pagefind-ignore="">
              <h2 id="corrections-title">{s.corrections}</h2>
              <ul>
                {article.corrections.map((c) => (
                  <li>
                    <TimeStamp date={c.date} edition={edition} />: {c.text}
                  </li>
                ))}
              </ul>
            </aside>
          ) : ""}
          <footer class="article-footer" data-pagefind-ignore="">
            <h2 class="visually-hidden">{s.inThisStory}</h2>
            <TagLinks ctx={ctx} tags={article.people} label={s.people} searchFilter="person" />
            <TagLinks ctx={ctx} tags={article.topics} label={s.topics} searchFilter="topic" />
          </footer>
        </article>
        <RelatedStories ctx={ctx} related={page.related} />
        <nav class="article-nav" aria-label={s.articleNav}>
          <ul>
            {newer ? <li class="newer"><span class="article-nav-label">{s.nextArticle}</span> <a href={newer.url} rel="next">{newer.title}</a></li> : ""}
            {older ? <li class="older"><span class="article-nav-label">{s.previousArticle}</span> <a href={older.url} rel="prev">{older.title}</a></li> : ""}
          </ul>
        </nav>
      </div>
    </BasePage>
  );
}

/**
 * A live story's intro, then its updates newest first, each with its time (in the edition's
 * digits) as a link to its own anchor, so a reader can share one update.
 */
function LiveUpdates({ ctx, article }: { ctx: PageContext<ArticlePage>; article: Article }) {
  const { edition, site } = ctx;
  const { intro, updates } = site.liveParts(article);
  const day = article.date.toISODate();
  return (
    <>
      {intro ? <div class="article-body">{{ html: intro }}</div> : ""}
      <section class="live-updates" aria-labelledby="live-updates-title">
        <h2 id="live-updates-title" class="live-updates-title">{edition.strings.liveUpdates}</h2>
        <ol class="live-update-list">
          {updates.map(({ update, html }) => (
            <li class="live-update" id={update.id}>
              <h3 class="live-update-title">
                <a class="live-update-time" href={`#${update.id}`}>
                  <time datetime={isoWithOffset(update.date)}>{update.date.toISODate() === day ? formatTime(update.date, edition) : formatDateTime(update.date, edition)}</time>
                </a>
                {update.title ? <> <span class="live-update-headline">{update.title}</span></> : ""}
              </h3>
              <div class="article-body">{{ html }}</div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
