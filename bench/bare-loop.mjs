#!/usr/bin/env node
// The floor the bulletin's build is compared with: read each article, render its Markdown
// with markdown-it, write one HTML file per article at its folder path. No validation, no
// listings, no layout beyond a minimal page.
//
//   node bench/bare-loop.mjs <articles dir> <output dir>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import markdownIt from "markdown-it";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: bare-loop.mjs <articles dir> <output dir>");
  process.exit(2);
}
const md = markdownIt();
let written = 0;
for (const file of readdirSync(input, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".md")) continue;
  const text = readFileSync(join(input, file), "utf8");
  const end = text.indexOf("\n---", 4);
  const title = /^title: "?(.*?)"?$/m.exec(text.slice(0, end))?.[1] ?? "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${md.utils.escapeHtml(title)}</title></head><body><main>${md.render(text.slice(end + 4))}</main></body></html>`;
  const dir = join(output, file.slice(0, -3));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), html);
  written++;
}
console.log(JSON.stringify({ pages: written, maxRssKiB: process.resourceUsage().maxRSS }));
