// Bulletin's Eleventy entry point, kept thin on purpose. What lives where:
//   content/           articles, people, topics, site.yaml (what writers edit)
//   src/model/         reading and validating content into typed Articles
//   src/collections/   listings computed once per build (editions, tag pages, archives)
//   src/pages/         one Eleventy template per page type (pagination over src/collections)
//   layouts/           TSX layouts and components, escaped by default; layouts/assets: CSS
//   src/eleventy/      the Eleventy configuration itself
// TypeScript runs through tsx, registered before the config is imported (see docs/architecture.md).
import "tsx/esm";

const { default: configure } = await import("./src/eleventy/config.ts");
export default configure;
