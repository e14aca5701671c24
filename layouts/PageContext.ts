import type { Site } from "../src/site/Site.ts";
import type { Edition } from "../src/collections/editions.ts";
import type { Page } from "../src/pages/pageTypes.ts";

/**
 * What every layout and component gets: the site, the edition (language) and the page being
 * rendered, with its subject (src/pages/pageTypes.ts). Components print what these hold;
 * they do not look anything up again.
 */
export interface PageContext<P extends Page = Page> {
  site: Site;
  edition: Edition;
  page: P;
}
