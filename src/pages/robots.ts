import type { PageType } from "./pageTypes.ts";
import { robotsTxt } from "../seo/sitemap.ts";
import { ROBOTS_URL } from "../urls.ts";

/** `/robots.txt`, naming both sitemaps. */
export interface RobotsPage {
  kind: "robots";
  url: string;
}

export const robotsPages: PageType<RobotsPage> = {
  *pages() {
    yield { kind: "robots", url: ROBOTS_URL };
  },
  render: (_page, site) => robotsTxt(site.config.baseUrl),
  reads: () => [],
};
