/**
 * `npm run new -- "Headline"`: creates today's article file (in the bulletin's time zone)
 * with the frontmatter scaffold, as a draft, prints its path, and never overwrites a file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { readSiteConfig } from "../src/model/site.ts";
import { sameUrlAs, scaffoldArticle } from "../src/model/newArticle.ts";
import { ContentError, formatProblem } from "../src/model/problems.ts";
import { buildOptionsFromEnv } from "../src/publish/runBuild.ts";

try {
  const root = process.cwd();
  const site = readSiteConfig(join(root, "content", "site.yaml"), "content/site.yaml");
  const now = buildOptionsFromEnv().now ?? DateTime.now();
  const scaffold = scaffoldArticle(process.argv.slice(2).join(" "), site, now);
  if (!scaffold.ok) {
    console.error(`npm run new: ${scaffold.message}`);
    process.exitCode = 1;
  } else {
    const twin = sameUrlAs(root, site, scaffold);
    const file = join(root, scaffold.path);
    if (twin && twin !== scaffold.path) {
      console.error(`npm run new: ${twin} is a story of the same day with the same headline slug, so the new one would have its URL; nothing was created: give the new story a different headline.`);
      process.exitCode = 1;
    } else {
      mkdirSync(dirname(file), { recursive: true });
      if (create(file, scaffold.text)) {
        console.log(scaffold.path);
      } else {
        console.error(`npm run new: ${scaffold.path} already exists and was left as it was: give the new story a different headline.`);
        process.exitCode = 1;
      }
    }
  }
} catch (error) {
  process.exitCode = 1;
  if (error instanceof ContentError) {
    for (const p of error.problems) console.error(formatProblem(p));
  } else {
    console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes a new file; false when one is already there (the `wx` flag: never overwrite a story). */
function create(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
