import type { PageContext } from "../PageContext.ts";
import { structuredData } from "../../src/seo/jsonLd.ts";
import { subjectAt } from "../../src/seo/pageSubjects.ts";
import { jsonForScript } from "../../src/text/escape.ts";

/**
 * The page's JSON-LD. Printed raw (a script's text is not HTML-escaped), which is safe because
 * jsonForScript writes `<`, `>` and `&` as \u escapes: no headline can close the element.
 */
export async function StructuredData({ ctx, title, description }: { ctx: PageContext; title: string; description: string }) {
  const data = await structuredData(ctx.build, { url: ctx.url, edition: ctx.edition, title, description }, subjectAt(ctx.build, ctx.url));
  return <script type="application/ld+json">{{ html: jsonForScript(data) }}</script>;
}
