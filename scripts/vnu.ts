/**
 * `npm run test:html`: the W3C Nu HTML checker (npm `vnu-jar`, needs Java) over every built
 * page. The folder is passed, not a glob: npm's shell does not expand `**`, and vnu then
 * checks nothing and passes. Fails on any error, and on a folder holding no page at all.
 */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";

const dir = process.argv[2] ?? "_site";
let pages: string[];
try {
  pages = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(".html"));
} catch {
  pages = [];
}
if (pages.length === 0) {
  console.error(`No HTML pages in ${dir}/: run \`npm run build\` first.`);
  process.exit(1);
}

const jar = join(createRequire(import.meta.url).resolve("vnu-jar/package.json"), "..", "build", "dist", "vnu.jar");
const result = spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", dir], { stdio: "inherit" });
if (result.error) {
  console.error(`Could not run java (${result.error.message}). Install a Java runtime, e.g. Debian's default-jre-headless.`);
  process.exit(1);
}
if (result.status === 0) console.log(`Nu HTML checker: ${pages.length} pages in ${dir}/, no errors.`);
process.exit(result.status ?? 1);
