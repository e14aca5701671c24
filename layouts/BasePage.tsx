import type { PageContext } from "./PageContext.ts";
import { SiteHeader } from "./components/SiteHeader.tsx";
import { SiteFooter } from "./components/SiteFooter.tsx";
import { HeadMeta } from "./components/HeadMeta.tsx";
import { StructuredData } from "./components/StructuredData.tsx";
import { BreakingBanner } from "./components/BreakingBanner.tsx";
import { ASSETS } from "../src/urls.ts";
import type { PageFacts } from "../src/seo/jsonLd.ts";
import type { HtmlPage } from "../src/pages/pageTypes.ts";
import { documentTitle } from "../src/seo/title.ts";

export interface BasePageProps {
  ctx: PageContext<HtmlPage>;
  /** The page's own title; the bulletin's name is appended while it fits (src/seo/title.ts). */
  title: string;
  description: string;
  /** Extra elements for `<head>` (scripts). */
  head?: unknown;
  children?: unknown;
}

/**
 * The document every page shares; it always sets `<html lang dir>` from the edition. What the
 * head says to machines (hreflang alternates, OpenGraph, structured data) comes from the
 * page's type in src/pages/pageTypes.ts.
 */
export function BasePage({ ctx, title, description, head, children }: BasePageProps) {
  const { edition, site, page } = ctx;
  const type = site.pageType(page);
  const alternates = type.alternates?.(page, site) ?? [];
  const facts: PageFacts = { url: page.url, edition, title, description };
  const fullTitle = documentTitle(title, edition.name, edition.agency);
  return (
    <>
      {{ html: "<!doctype html>\n" }}
      <html lang={edition.lang} dir={edition.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          <meta name="description" content={description} />
          <link rel="canonical" href={site.absolute(page.url)} />
          {alternates.map((a) => <link rel="alternate" hreflang={a.lang} href={site.absolute(a.url)} />)}
          <link rel="icon" href={ASSETS.favicon} type="image/svg+xml" />
          <link rel="stylesheet" href={ASSETS.stylesheet} />
          {edition.font ? (
            <>
              <link rel="preload" href={edition.font.file} as="font" type="font/woff2" crossorigin="anonymous" />
              <link rel="stylesheet" href={edition.font.stylesheet} />
            </>
          ) : ""}
          <HeadMeta ctx={ctx} facts={facts} extras={type.head?.(page, site)} alternates={alternates} />
          <StructuredData ctx={ctx} facts={facts} nodes={type.structuredData?.(page, site, facts)} />
          {head ?? ""}
        </head>
        <body>
          <a class="skip-link" href="#content">{edition.strings.skipToContent}</a>
          <SiteHeader ctx={ctx} />
          <BreakingBanner ctx={ctx} />
          {page.notice ? <p class="preview-banner" role="note">{page.notice}</p> : ""}
          <main id="content" tabindex="-1">
            {children}
          </main>
          <SiteFooter ctx={ctx} />
        </body>
      </html>
    </>
  );
}
