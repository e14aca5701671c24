import { isoOnce } from "./isoOnce.ts";
import { el, renderXml } from "./xml.ts";
import type { Feed } from "./feedModel.ts";

/** An Atom 1.0 document (RFC 4287). Dates keep the bulletin's offset; content is the full article. */
export function renderAtom(feed: Feed): string {
  return renderXml(
    el("feed", { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.lang },
      el("title", { type: "text" }, feed.title),
      el("subtitle", { type: "text" }, feed.description),
      // The page first: readers and validators that take the first <link> as the feed's
      // website would otherwise link the feed to itself.
      el("link", { rel: "alternate", type: "text/html", href: feed.pageUrl }),
      feed.jsonUrl ? el("link", { rel: "alternate", type: "application/feed+json", href: feed.jsonUrl }) : undefined,
      el("link", { rel: "self", type: "application/atom+xml", href: feed.atomUrl }),
      el("id", {}, feed.id),
      el("updated", {}, isoOnce(feed.updated)),
      el("author", {}, el("name", {}, feed.author.name), el("uri", {}, feed.author.url)),
      el("generator", {}, "Bulletin"),
      el("icon", {}, feed.iconUrl),
      el("logo", {}, feed.logoUrl),
      feed.items.map((item) =>
        el("entry", { "xml:lang": item.lang === feed.lang ? undefined : item.lang },
          el("title", { type: "text" }, item.title),
          el("link", { rel: "alternate", type: "text/html", href: item.url }),
          el("id", {}, item.id),
          el("published", {}, isoOnce(item.published)),
          el("updated", {}, isoOnce(item.updated)),
          el("author", {}, el("name", {}, item.author)),
          item.categories.map((c) => el("category", { term: c.term, scheme: c.scheme })),
          item.imageUrl ? el("link", { rel: "enclosure", type: "image/jpeg", href: item.imageUrl }) : undefined,
          el("summary", { type: "text" }, item.summary),
          // type="html": the markup travels as escaped text, the form every reader accepts.
          el("content", { type: "html", "xml:base": item.url }, item.contentHtml),
        )),
    ),
  );
}
