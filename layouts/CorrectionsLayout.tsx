import type { CorrectionsPage } from "../src/pages/corrections.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";
import { TimeStamp } from "./components/TimeStamp.tsx";

/** Every published correction, newest first, linked to its article. */
export function CorrectionsLayout({ ctx }: { ctx: PageContext<CorrectionsPage> }) {
  const { edition, page } = ctx;
  const s = edition.strings;
  return (
    <BasePage ctx={ctx} title={s.correctionsTitle} description={s.correctionsIntro}>
      <h1 class="page-title">{s.correctionsTitle}</h1>
      <p class="intro">{s.correctionsIntro}</p>
      {page.articles.length === 0 ? <p class="empty">{s.noCorrections}</p> : (
        <ul class="corrections-list">
          {page.articles.map((a) => (
            <li>
              <h2 class="teaser-title"><a href={a.url}>{a.title}</a></h2>
              <ul>
                {[...a.corrections].reverse().map((c) => (
                  <li><TimeStamp date={c.date} edition={edition} />: {c.text}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </BasePage>
  );
}
