import type { Edition } from "../collections/editions.ts";
import type { PageType } from "./pageTypes.ts";
import { NotFoundLayout } from "../../layouts/NotFoundLayout.tsx";
import { notFoundUrl } from "../urls.ts";
import { noticeRead, shellRead } from "../site/reads.ts";
import { previewNotice } from "./previewNotice.ts";

/** `/404.html`, which static hosts serve for any unknown URL, and each other edition's own (`/ar/404.html`). */
export interface NotFoundPage {
  kind: "notFound";
  url: string;
  edition: Edition;
  /** The preview's notice (src/pages/previewNotice.ts); undefined when not previewing. */
  notice?: string;
}

export const notFoundPages: PageType<NotFoundPage> = {
  *pages(site) {
    for (const edition of site.editions) yield { kind: "notFound", url: notFoundUrl(edition), edition, notice: previewNotice(site, edition) };
  },
  render: (page, site) => <NotFoundLayout ctx={{ site, edition: page.edition, page }} />,
  reads: (page, site) => [shellRead(site, page.edition), ...noticeRead(page)],
};
