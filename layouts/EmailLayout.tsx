import type { DayEmailPage } from "../src/pages/dayEmail.tsx";
import type { Article } from "../src/model/types.ts";
import type { PageContext } from "./PageContext.ts";
import { EMAIL_CSS } from "./emailStyles.ts";
import { formatDay, formatTime } from "../src/text/dates.ts";

/**
 * A day's bulletin as an email (the HTML part; src/email/plainText.ts writes the text one):
 * the masthead, then each story of the day as filed, with its headline, dateline, time,
 * picture and summary, every link absolute. One column; no script, no web font, no
 * stylesheet to fetch: src/email/inlineEmail.ts writes the styles into the elements.
 * Outlook for Windows ignores `max-width`, hence the 600 px table in a conditional comment
 * that only it reads (a comment to every other client and to HTML validators).
 */
export function EmailLayout({ ctx }: { ctx: PageContext<DayEmailPage> }) {
  const { edition, site, page } = ctx;
  const s = edition.strings;
  const day = formatDay(page.day.date, edition);
  const title = s.dayTitle(day);
  return (
    <>
      {{ html: "<!doctype html>\n" }}
      <html lang={edition.lang} dir={edition.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light" />
          <title>{`${title} | ${edition.name}`}</title>
          <style>{{ html: EMAIL_CSS }}</style>
        </head>
        <body>
          <div class="email-frame">
            {{ html: '<!--[if mso]><table role="presentation" width="600" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->' }}
            <div class={`email email-${edition.lang}`} lang={edition.lang} dir={edition.dir}>
              <header class="email-header">
                <p class="email-agency">{edition.agency}</p>
                <h1 class="email-name">{edition.name}</h1>
                <p class="email-date">{title}</p>
              </header>
              <main class="email-stories">
                {page.day.articles.map((a) => <EmailStory ctx={ctx} article={a} />)}
              </main>
              <footer class="email-footer">
                <p><a href={site.absolute(page.day.url)}>{s.emailViewOnline}</a></p>
                <p>{s.footerNote(edition.agency)}</p>
              </footer>
            </div>
            {{ html: "<!--[if mso]></td></tr></table><![endif]-->" }}
          </div>
        </body>
      </html>
    </>
  );
}

function EmailStory({ ctx, article }: { ctx: PageContext<DayEmailPage>; article: Article }) {
  const { edition, site } = ctx;
  const s = edition.strings;
  const url = site.absolute(article.url);
  const image = site.sharedImage(article);
  return (
    <article class="email-story" lang={article.lang === edition.lang ? undefined : article.lang}>
      <h2><a href={url}>{article.title}</a></h2>
      <p class="email-meta">{emailMeta(article, ctx)}</p>
      {image ? (
        <img class="email-image" src={image.url} alt={image.alt} width="552" height={String(Math.round((552 * image.height) / image.width))} />
      ) : ""}
      <p class="email-summary">{site.summary(article)}</p>
      <p class="email-more"><a href={url}>{s.emailReadStory}</a></p>
    </article>
  );
}

/** "Moscow · 17:40", or for a live story "Live · Last update 17:40": the day is the email's own. */
function emailMeta(article: Article, { edition }: PageContext<DayEmailPage>) {
  const s = edition.strings;
  const time = article.live
    ? `${s.lastUpdate} ${formatTime(article.live.lastUpdate, edition)}`
    : formatTime(article.date, edition);
  return (
    <>
      {article.live?.open ? <><span class="email-live">{s.live}</span> · </> : ""}
      {article.dateline ? `${article.dateline} · ` : ""}
      {time}
    </>
  );
}
