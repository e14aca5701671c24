// Bulletin's Eleventy configuration, kept thin on purpose. What lives where:
//   content/           articles, people, topics, site.yaml (what writers edit)
//   src/model/         reading and validating content into typed articles
//   src/collections/   listings computed once per build (editions, tag pages, archives, related)
//   src/pages/         the page table: every kind of page, its URL, subject and metadata
//   src/site/          the Site (content prepared for pages) and the one renderer
//   src/publish/       the atomic build: lock, new site folder, swap (npm run build)
//   layouts/           TSX layouts and components, escaped by default; layouts/assets: CSS
//   src/eleventy/      this configuration: Eleventy hosts the build (docs/architecture.md)
// TypeScript runs through tsx, registered before the config is imported (see docs/architecture.md).
import "tsx/esm";

const { configureBulletin } = await import("./src/eleventy/config.ts");

export default async function (eleventyConfig) {
  // `npx @11ty/eleventy` builds the whole bulletin into Eleventy's output folder, in place.
  // `npm run build` (ELEVENTY_SOURCE "script") adds its own writer, and publishes atomically.
  if (process.env.ELEVENTY_SOURCE === "cli") {
    const { writeSiteInto } = await import("./src/publish/runBuild.ts");
    eleventyConfig.on("eleventy.after", ({ directories }) => writeSiteInto(directories.output, { root: process.cwd() }));
  }
  return configureBulletin(eleventyConfig);
}
