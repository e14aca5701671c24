/**
 * `npm start`: the writers' preview. Eleventy serves the site (from .preview/, so _site/
 * keeps the last published build) with live reload and
 * rebuilds when content or layouts change. Drafts and scheduled articles are included,
 * marked as such; set BULLETIN_PREVIEW=0 to see exactly what `npm run build` publishes.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

// The package does not export its bin; it sits at a fixed place in node_modules.
const eleventyBin = join(process.cwd(), "node_modules", "@11ty", "eleventy", "cmd.cjs");
const env = { ...process.env, BULLETIN_PREVIEW: process.env.BULLETIN_PREVIEW ?? "1" };
const child = spawn(process.execPath, [eleventyBin, "--serve", "--input=src/pages", "--output=.preview", ...process.argv.slice(2)], { stdio: "inherit", env });
child.on("exit", (code) => process.exit(code ?? 1));
