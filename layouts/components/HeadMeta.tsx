import type { PageContext } from "../PageContext.ts";
import { pageHead } from "../../src/seo/headMeta.ts";
import { subjectAt } from "../../src/seo/pageSubjects.ts";

/** OpenGraph, Twitter card and feed links; what goes in them is decided in src/seo/headMeta.ts. */
export async function HeadMeta({ ctx, title, description }: { ctx: PageContext; title: string; description: string }) {
  const head = await pageHead(ctx.build, { url: ctx.url, edition: ctx.edition, title, description }, subjectAt(ctx.build, ctx.url));
  return (
    <>
      {head.meta.map((m) => (m.attr === "property" ? <meta property={m.key} content={m.content} /> : <meta name={m.key} content={m.content} />))}
      {head.links.map((l) => <link rel={l.rel} type={l.type} href={l.href} title={l.title} />)}
    </>
  );
}
