import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { NotFoundLayout } from "../../layouts/NotFoundLayout.tsx";
import { notFoundUrl } from "../urls.ts";
import { shellRead } from "../site/reads.ts";

/** `/404.html`, which static hosts serve for any unknown URL, and each other edition's own (`/ar/404.html`). */
export interface NotFoundPage {
  kind: "notFound";
  url: string;
  edition: Edition;
}

export const notFoundPages: PageType<NotFoundPage> = {
  *pages(site) {
    for (const edition of site.editions) yield { kind: "notFound", url: notFoundUrl(edition), edition };
  },
  render: (page, site) => <NotFoundLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition)],
};
