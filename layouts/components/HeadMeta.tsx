import type { PageContext } from "../PageContext.ts";
import { pageHead, type HeadExtras } from "../../src/seo/headMeta.ts";
import type { PageFacts } from "../../src/seo/jsonLd.ts";
import type { Alternate } from "../../src/seo/alternates.ts";

/** OpenGraph, Twitter card and feed links; what goes in them is decided in src/seo/headMeta.ts. */
export function HeadMeta({ ctx, facts, extras, alternates }: { ctx: PageContext; facts: PageFacts; extras?: HeadExtras; alternates?: Alternate[] }) {
  const head = pageHead(ctx.site, facts, extras, alternates);
  return (
    <>
      {head.meta.map((m) => (m.attr === "property" ? <meta property={m.key} content={m.content} /> : <meta name={m.key} content={m.content} />))}
      {head.links.map((l) => <link rel={l.rel} type={l.type} href={l.href} title={l.title} />)}
    </>
  );
}
