import type { PageType } from "./pageTypes.ts";
import { backendFromEnv, deskConfig } from "../desk/deskConfig.ts";
import { DESK_CONFIG_URL } from "../urls.ts";
import { tagRead } from "../site/reads.ts";

/** `/admin/config.json`: the web desk's configuration, generated from the schema and the registry (src/desk/deskConfig.ts). */
export interface DeskConfigPage {
  kind: "deskConfig";
  url: string;
}

export const deskConfigPages: PageType<DeskConfigPage> = {
  *pages() {
    yield { kind: "deskConfig", url: DESK_CONFIG_URL };
  },
  render: (_page, site) => {
    const { people, topics } = site.content;
    return `${JSON.stringify(deskConfig({ site: site.config, people, topics, backend: backendFromEnv() }), null, 2)}\n`;
  },
  // The registry's entries, and where the desk signs in (the deploy's environment: docs/deploy.md).
  reads: (_page, site) => [JSON.stringify(backendFromEnv()), ...[...site.content.people.registered, ...site.content.topics.registered].map(tagRead)],
};
