/**
 * The files of the web desk's page at /admin/, as source → URL below the site: the page and
 * the bulletin's script (src/desk/admin/), and the CMS itself from npm (Decap's self-contained
 * bundle with the chunks and WebAssembly it loads on demand; js-yaml's ES module, the YAML
 * reader the bulletin already uses). Nothing is loaded from a CDN. `npm run build` copies them
 * (one passthrough line in src/eleventy/config.ts); `npm start`'s desk server answers them
 * from here (src/desk/deskServer.ts). Only /admin/ loads them: no public page links there.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const DESK_PATH = "/admin/";

/** The project's folder: the sources below are found from it, wherever the build was started. */
const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Eleventy passthrough copy: source (a file, folder or glob, absolute) → output path. Relative
 * to the working folder, a build started from another folder (a bulletin kept apart from the
 * code, as the bench's are) published no desk.
 */
export const DESK_PASSTHROUGH: Record<string, string> = Object.fromEntries(Object.entries({
  "src/desk/admin": "admin",
  "node_modules/decap-cms/dist/decap-cms.js": "admin/vendor/decap-cms.js",
  "node_modules/decap-cms/dist/*.decap-cms.js": "admin/vendor",
  "node_modules/decap-cms/dist/*.wasm": "admin/vendor",
  "node_modules/js-yaml/dist/js-yaml.mjs": "admin/vendor/js-yaml.mjs",
}).map(([from, to]) => [join(PROJECT, from), to]));

/** Where a file below /admin/vendor/ comes from, for the desk server (no globs: a name is checked against these). */
export const VENDOR_SOURCES: { pattern: RegExp; dir: string }[] = [
  { pattern: /^(?:\d+\.)?decap-cms\.js$|^[0-9a-f]+\.wasm$/, dir: "node_modules/decap-cms/dist" },
  { pattern: /^js-yaml\.mjs$/, dir: "node_modules/js-yaml/dist" },
];
