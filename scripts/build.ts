/**
 * `npm run build`: validate content, build the site into _site/, incrementally when the last
 * build's record allows (src/publish/incremental.ts), atomically either way. Exits 1 with
 * `file:LINE: message` lines on bad content, and leaves _site/ untouched.
 *
 *   npm run build -- --full    build everything, whatever the last build's record says
 *
 * While `npm run warm` runs for this bulletin, scripts/launch.mjs hands the build to that
 * process instead (src/publish/warmServer.ts), and this file does not run.
 */
import { limitHeapGrowth } from "../src/publish/heap.ts";
import { buildAndReport } from "./buildReport.ts";

limitHeapGrowth();
process.exitCode = await buildAndReport({
  root: process.cwd(),
  args: process.argv.slice(2),
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
