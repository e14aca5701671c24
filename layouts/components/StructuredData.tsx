import type { PageContext } from "../PageContext.ts";
import { structuredData, type JsonLdNode, type PageFacts } from "../../src/seo/jsonLd.ts";
import { jsonForScript } from "../../src/text/escape.ts";

/**
 * The page's JSON-LD. Printed raw (a script's text is not HTML-escaped), which is safe because
 * jsonForScript writes `<`, `>` and `&` as \u escapes: no headline can close the element.
 */
export function StructuredData({ ctx, facts, nodes }: { ctx: PageContext; facts: PageFacts; nodes?: JsonLdNode[] }) {
  return <script type="application/ld+json">{{ html: jsonForScript(structuredData(ctx.site, facts, nodes)) }}</script>;
}
