import type { NotFoundPage } from "../src/pages/notFound.tsx";
import type { PageContext } from "./PageContext.ts";
import { BasePage } from "./BasePage.tsx";

export function NotFoundLayout({ ctx }: { ctx: PageContext<NotFoundPage> }) {
  const s = ctx.edition.strings;
  return (
    <BasePage ctx={ctx} title={s.notFoundTitle} description={s.notFoundText}>
      <h1 class="page-title">{s.notFoundTitle}</h1>
      <p>{s.notFoundText}</p>
      <p><a href={ctx.edition.homeUrl}>{s.backHome}</a></p>
    </BasePage>
  );
}
