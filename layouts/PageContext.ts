import type { SiteBuild } from "../src/build/SiteBuild.ts";
import type { Edition } from "../src/collections/bulletin.ts";

/** What every layout and component gets: the build, the edition (language), the page's URL. */
export interface PageContext {
  build: SiteBuild;
  edition: Edition;
  /** Site-relative URL of the page being rendered. */
  url: string;
}
