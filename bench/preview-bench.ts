/**
 * How soon `npm start` shows a saved article: `npx tsx bench/preview-bench.ts bench/.work/10000`.
 *
 * Copies the corpus's content/ to a temporary folder (the corpus is left as it is), starts the
 * preview there, waits for the first build, then edits articles the way a writer saves them:
 * appends a unique word to a body, and times from the file write to an HTTP GET of the
 * article's URL returning that word. Then changes a headline and times the article, and the
 * home page, topic page and daily archive that list it, catching up. Prints every time,
 * the median and the maximum. Options: --edits N (body edits, default 7), --gap MS (pause
 * between edits, default 2000: the background pass over the site is still running then, as
 * when a writer saves again soon), --port N.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { loadContent } from "../src/model/loadContent.ts";
import type { Article } from "../src/model/types.ts";
import { dayUrl, homeUrl, tagUrl } from "../src/urls.ts";
import { spawnPreview } from "../src/preview/spawnPreview.ts";

const PROJECT = fileURLToPath(new URL("../", import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { edits: { type: "string", default: "7" }, gap: { type: "string", default: "2000" }, port: { type: "string", default: "0" } },
});
const corpus = positionals[0];
if (!corpus) {
  console.error("usage: npx tsx bench/preview-bench.ts <corpus root holding content/> [--edits N] [--gap MS]");
  process.exit(2);
}
const edits = Number(values.edits);
const gap = Number(values.gap);

const root = mkdtempSync(join(tmpdir(), "bulletin-preview-bench-"));
cpSync(join(resolve(corpus), "content"), join(root, "content"), { recursive: true });
const content = loadContent({ root, preview: true });
console.log(`${content.articles.length.toLocaleString("en")} articles copied to ${root}`);

const started = performance.now();
const preview = spawnPreview(root, { port: values.port!, cwd: PROJECT });
const child = preview.child;
const stop = () => preview.stop();
process.on("exit", () => {
  stop();
  rmSync(root, { recursive: true, force: true });
});
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

try {
  await until(() => /pages written/.test(preview.output()), 600_000, "the first build");
  const url = /Preview at (http:\/\/\S+?)\/? /.exec(preview.output())![1]!;
  console.log(`first build: ${seconds(performance.now() - started)} (${/Preview: ([\d,]+) pages written/.exec(preview.output())?.[1]} pages)`);

  // Body edits: articles spread over the archive.
  const step = Math.max(1, Math.floor(content.articles.length / edits));
  const picked = Array.from({ length: edits }, (_, i) => content.articles[(i * step + 17) % content.articles.length]!);
  const bodyTimes: number[] = [];
  for (const article of picked) {
    const word = `benchword${Date.now().toString(36)}`;
    const rebuilds = fullRebuilds();
    const logged = preview.output().length;
    const t0 = performance.now();
    appendFileSync(join(root, article.source), `\n${word}\n`);
    await untilServed(`${url}${article.url}`, word);
    const ms = performance.now() - t0;
    if (fullRebuilds() === rebuilds) bodyTimes.push(ms);
    // The build process's own share: from reading the saved file to the page written.
    const own = / updated in (\d+ ms)/.exec(preview.output().slice(logged))?.[1] ?? "?";
    console.log(`body edit   ${article.url}: ${millis(ms)} (build process: ${own})${disturbed(rebuilds)}`);
    await sleep(gap);
  }
  console.log(`body edits: median ${millis(median(bodyTimes))}, max ${millis(Math.max(...bodyTimes))} (${bodyTimes.length} edits, ${gap} ms apart)`);

  // Headline edits on the newest story: it is on the home page, its topic's first page and its day's archive.
  const newest = content.articles[0]!;
  const listings = listingUrls(newest);
  const passes = () => preview.output().match(/rest of the site checked/g)?.length ?? 0;
  const headlineTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const title = `Bench headline ${Date.now().toString(36)}`;
    const file = join(root, newest.source);
    const checked = passes();
    const rebuilds = fullRebuilds();
    const builds = fullBuilds();
    const t0 = performance.now();
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, `title: "${title}"`));
    const times = await Promise.all([newest.url, ...listings].map(async (u) => {
      await untilServed(`${url}${u}`, title);
      return performance.now() - t0;
    }));
    if (fullRebuilds() === rebuilds) headlineTimes.push(times[0]!);
    console.log(`headline edit: article ${millis(times[0]!)}; ${listings.map((u, j) => `${u} ${millis(times[j + 1]!)}`).join(", ")}${disturbed(rebuilds)}`);
    // After a full rebuild no background pass follows: the rebuild wrote every page.
    await until(() => passes() > checked || fullBuilds() > builds, 600_000, "the background pass");
    console.log(`  background pass over the rest of the site done ${seconds(performance.now() - t0)} after the save`);
  }
  console.log(`build process: peak resident memory ${workerPeakMiB()}`);
  console.log(`headline edits (article page): median ${millis(median(headlineTimes))}, max ${millis(Math.max(...headlineTimes))}`);
  console.log("\npreview log (last lines):\n" + preview.output().trim().split("\n").slice(-12).join("\n"));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(preview.output().split("\n").slice(-30).join("\n"));
  process.exitCode = 1;
}
process.exit();

/**
 * A change under src/ or layouts/ (on a shared checkout, someone else's) makes the preview
 * build everything again: a save timed across that measures the rebuild, not the preview's
 * path for saves, so it is shown and left out of the median.
 */
function fullRebuilds(): number {
  return preview.output().match(/building everything again/g)?.length ?? 0;
}

function fullBuilds(): number {
  return preview.output().match(/pages written/g)?.length ?? 0;
}

function disturbed(before: number): string {
  return fullRebuilds() === before ? "" : " (code changed meanwhile and the preview rebuilt everything: left out)";
}

/** VmHWM of the preview's build process (the child of the server process), from /proc. */
function workerPeakMiB(): string {
  try {
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const peaks = children.map((pid) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0));
    return `${Math.round(Math.max(0, ...peaks) / 1024)} MiB`;
  } catch {
    return "unknown (no /proc)";
  }
}

/** The home page, the day and the first topic of an article of the default edition. */
function listingUrls(article: Article): string[] {
  const edition = { prefix: "" };
  const urls = [homeUrl(edition), dayUrl(edition, article.date)];
  const topic = article.topics[0];
  if (topic) urls.push(tagUrl(edition, "topic", topic.slug));
  return urls;
}

async function untilServed(address: string, word: string): Promise<void> {
  await until(async () => {
    try {
      const response = await fetch(address);
      return (await response.text()).includes(word);
    } catch {
      return false;
    }
  }, 600_000, `${address} to show ${word}`, 10);
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(everyMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function millis(ms: number): string {
  return `${Math.round(ms)} ms`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
