import type { PageContext } from "./PageContext.ts";
import { SiteHeader } from "./components/SiteHeader.tsx";
import { SiteFooter } from "./components/SiteFooter.tsx";
import { HeadMeta } from "./components/HeadMeta.tsx";
import { StructuredData } from "./components/StructuredData.tsx";
import { absoluteUrl } from "../src/urls.ts";
import { alternatesOf } from "../src/seo/alternates.ts";
import { subjectAt } from "../src/seo/pageSubjects.ts";

export interface BasePageProps {
  ctx: PageContext;
  /** The page's own title; the bulletin's name is appended. */
  title: string;
  description: string;
  /** Extra elements for `<head>` (feeds, structured data). */
  head?: unknown;
  children?: unknown;
}

/** The document every page shares; it always sets `<html lang dir>` from the edition. */
export function BasePage({ ctx, title, description, head, children }: BasePageProps) {
  const { edition, build } = ctx;
  const alternates = alternatesOf(build, subjectAt(build, ctx.url));
  const siteName = edition.name;
  const fullTitle = title === siteName ? title : `${title} | ${siteName}`;
  return (
    <>
      {{ html: "<!doctype html>\n" }}
      <html lang={edition.lang} dir={edition.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <meta name="description" content={description} />
          <link rel="canonical" href={absoluteUrl(build.site.baseUrl, ctx.url)} />
          {alternates.map((a) => <link rel="alternate" hreflang={a.lang} href={absoluteUrl(build.site.baseUrl, a.url)} />)}
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
          <link rel="stylesheet" href="/assets/site.css" />
          <HeadMeta ctx={ctx} title={title} description={description} />
          <StructuredData ctx={ctx} title={title} description={description} />
          {head ?? ""}
        </head>
        <body>
          <a class="skip-link" href="#content">{edition.strings.skipToContent}</a>
          <SiteHeader ctx={ctx} />
          {build.bulletin.preview ? <p class="preview-banner" role="note">{edition.strings.previewNotice}</p> : ""}
          <main id="content" tabindex="-1">
            {children}
          </main>
          <SiteFooter ctx={ctx} />
        </body>
      </html>
    </>
  );
}
