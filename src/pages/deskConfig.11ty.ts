import type { SiteBuild } from "../build/SiteBuild.ts";
import { backendFromEnv, deskConfig } from "../desk/deskConfig.ts";

/** `/admin/config.json`: the web desk's configuration, generated from the schema and the registry (src/desk/deskConfig.ts). */
export const data = { permalink: "admin/config.json", eleventyExcludeFromCollections: true };

export function render(data: { build: SiteBuild }): string {
  const { site, people, topics } = data.build.content;
  return `${JSON.stringify(deskConfig({ site, people, topics, backend: backendFromEnv() }), null, 2)}\n`;
}
