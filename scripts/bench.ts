/**
 * `npm run bench`: the full build on generated corpora (1,000 and 10,000 articles; 100,000
 * with --large), each in its own process, side by side with Hugo on the same articles and
 * with a bare Node loop (bench/bare-loop.mjs), and `npm run check`. Prints wall time (median
 * of --runs), peak memory, pages written, the build's phases and Eleventy's time per page type.
 * Corpora and outputs live in bench/.work/<n>/ (git-ignored). No pass/fail: see docs/performance.md.
 *
 *   npm run bench -- [--sizes 1000,10000] [--large] [--runs 3] [--no-hugo] [--no-bare]
 *                    [--no-check] [--no-rebuild] [--no-warm] [--json results.json] [--prepare (corpora only)]
 *
 * The everyday builds follow each full build, over the site it published: one story filed, its
 * people changed, taken down, a registry entry described anew, the first story of a new week
 * (`measureEveryday`); each is an incremental `npm run build` (src/publish/incremental.ts).
 * Then the same builds once more, handed to the warm build process (`measureWarm`).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DateTime } from "luxon";
import { fileURLToPath } from "node:url";
import { buildCommandFor } from "./buildCommand.ts";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORK = join(REPO, "bench", ".work");
/** The project's own corpus generator (bench/gen-corpus.mjs); BENCH_GENERATOR names another. */
const GENERATOR = process.env.BENCH_GENERATOR || join(REPO, "bench", "gen-corpus.mjs");
const TIME = "/usr/bin/time";
/**
 * Fixed "now" after the corpus' last date (30 December 2024), so that every run publishes the
 * same articles; late enough that the story the everyday builds file in the next week
 * (6 January 2025 at 100,000 articles: the first of a new year too) is published, not scheduled.
 */
const NOW = "2025-01-15T12:00:00+03:00";

interface Options {
  sizes: number[];
  runs?: number;
  hugo: boolean;
  bare: boolean;
  check: boolean;
  rebuild: boolean;
  /** The everyday builds again, handed to `npm run warm`. */
  warm: boolean;
  /** Only generate the corpora. */
  prepare: boolean;
  json?: string;
}

interface Measure {
  ms: number;
  /** Largest resident set of the process (or its largest child), KiB. */
  rssKiB: number;
}

interface BuildRun extends Measure {
  /** Node's own peak, KiB (`rssKiB` may be Pagefind's, which runs beside it). */
  nodeRssKiB: number;
  /** Pagefind's peak, KiB (0 where /proc cannot tell). */
  searchRssKiB: number;
  /** Node and Pagefind together at their highest, sampled, KiB (0 where /proc cannot tell). */
  combinedRssKiB: number;
  /** CPU time of the Node process (not Pagefind's), ms. */
  cpuMs: number;
  pages: number;
  /** What the build said (an incremental build's one line). */
  said: string;
  phases: Record<string, number>;
  /** Render time per page kind (src/site/render.ts). */
  templates: Record<string, { ms: number; pages: number }>;
}

/** The newsroom's everyday builds, each `npm run build` over the site the last one published (incremental). */
export const SCENARIOS = ["file one story", "edit one story's people", "delete one story", "change a registry entry's description", "add a correction's note to a story from a year before", "correct the text of a story from a year before", "file the first story of a new week"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface SizeResult {
  articles: number;
  build: BuildRun;
  hugo?: Measure & { pages: number };
  bare?: Measure & { pages: number };
  check?: Measure;
  /** Each everyday build, after the full one. */
  incremental?: Partial<Record<Scenario, BuildRun>>;
  /** The same, handed to the warm build process. */
  warm?: Partial<Record<Scenario, BuildRun>>;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = (value("sizes") ?? "1000,10000").split(",").map(Number);
  if (argv.includes("--large")) sizes.push(100_000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes takes whole numbers, e.g. --sizes 1000,10000");
  const runs = value("runs") === undefined ? undefined : Number(value("runs"));
  return { sizes, runs, hugo: !argv.includes("--no-hugo"), bare: !argv.includes("--no-bare"), check: !argv.includes("--no-check"), rebuild: !argv.includes("--no-rebuild"), warm: !argv.includes("--no-warm"), prepare: argv.includes("--prepare"), json: value("json") };
}

// ---------- processes ----------

interface Finished {
  code: number | null;
  ms: number;
  rssKiB: number;
  stdout: string;
  stderr: string;
}

const haveTime = existsSync(TIME);

/** Runs a command to completion, timing it from spawn to exit; /usr/bin/time (when present) gives peak memory. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  const timeFile = join(WORK, `.time-${process.pid}`);
  const [file, argv] = haveTime ? [TIME, ["-f", "%M", "-o", timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: opts.cwd ?? REPO, env: { ...process.env, ...opts.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      let rssKiB = 0;
      if (haveTime && existsSync(timeFile)) {
        rssKiB = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) || 0;
        rmSync(timeFile, { force: true });
      }
      done({ code, ms, rssKiB, stdout, stderr });
    });
  });
}

function lastJson(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no result line in:\n${stdout}`);
  return JSON.parse(line) as Record<string, unknown>;
}

function fail(what: string, result: Finished): never {
  throw new Error(`${what} failed (exit ${result.code}):\n${result.stderr.slice(-3000)}\n${result.stdout.slice(-2000)}`);
}

// ---------- corpora ----------

function ensureCorpus(n: number, withHugo: boolean): string {
  if (!existsSync(GENERATOR)) throw new Error(`corpus generator not found at ${GENERATOR} (set BENCH_GENERATOR)`);
  const root = join(WORK, String(n));
  const stampFile = join(root, "corpus.json");
  const generator = createHash("sha256").update(readFileSync(GENERATOR)).digest("hex").slice(0, 16);
  const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, "utf8")) as { generator?: string; hugo?: boolean }) : {};
  const fresh = stamp.generator === generator;
  if (!fresh) {
    console.error(`generating ${n} articles…`);
    rmSync(root, { recursive: true, force: true });
    generate(n, join(root, "content", "articles"), "bulletin");
  }
  if (withHugo && !(fresh && stamp.hugo)) generate(n, join(root, "hugo-content", "articles"), "hugo");
  // The site config is copied on every run: it must follow the schema of the code being measured.
  copyFileSync(join(REPO, "content", "site.yaml"), join(root, "content", "site.yaml"));
  // One registry entry, for the everyday build that describes it anew: the newest article's first person.
  const newest = readFileSync(findArticle(join(root, "content", "articles"), (ms) => -ms).path, "utf8");
  const name = /^people: \["([^"]+)"/m.exec(newest)?.[1] ?? "Bench Person";
  mkdirSync(join(root, "content", "people"), { recursive: true });
  writeFileSync(join(root, PERSON), `---\nname: ${JSON.stringify(name)}\ndescription: A person the bench describes.\n---\n`);
  writeFileSync(stampFile, JSON.stringify({ n, generator, hugo: withHugo || (fresh && stamp.hugo === true) }));
  return root;
}

function generate(n: number, out: string, format: string): void {
  mkdirSync(out, { recursive: true });
  const result = spawnSync(process.execPath, [GENERATOR, "--out", out, "--n", String(n), "--format", format], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`gen-corpus failed: ${result.stderr}`);
}

/**
 * `dir`, empty. The last run's output is moved aside, not deleted: deleting 130,000 files
 * took this disk over ten minutes. What was moved aside is deleted when the bench ends.
 */
function fresh(dir: string): string {
  if (existsSync(dir)) {
    mkdirSync(TRASH, { recursive: true });
    renameSync(dir, join(TRASH, `${dir.slice(WORK.length + 1).replace(/[\\/]/g, "-")}-${process.pid}-${++moved}`));
  }
  return dir;
}

const TRASH = join(WORK, ".trash");
let moved = 0;

/** Deletes what `fresh` moved aside, in a detached process: the bench has finished measuring. */
function emptyTrash(): void {
  if (!existsSync(TRASH)) return;
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  const doomed = `${TRASH}-${process.pid}`;
  renameSync(TRASH, doomed);
  spawn(process.execPath, ["-e", script, doomed], { detached: true, stdio: "ignore" }).unref();
}

function countFiles(dir: string, suffix: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => f.endsWith(suffix)).length;
}

// ---------- the measurements ----------

async function measureBuild(root: string, opts: { keepOutput?: boolean } = {}): Promise<BuildRun> {
  const output = join(root, OUTPUT);
  if (!opts.keepOutput) {
    // A full build from nothing: no published site, no record of a build.
    for (const dir of [output, `${output}.builds`]) if (existsSync(dir)) fresh(dir);
    rmSync(join(root, ".bulletin-cache", "build"), { recursive: true, force: true });
  }
  // As `npm run build` runs (package.json: its Node flags, and the launcher that compiles the code once).
  const result = await run(process.execPath, buildCommandFor("bench/build-child.ts", [root, output]), {
    cwd: REPO,
    env: { BULLETIN_NOW: NOW, BULLETIN_PREVIEW: "" },
  });
  if (result.code !== 0) fail("the build", result);
  const json = lastJson(result.stdout) as {
    pages: number; said: string[]; maxRssKiB: number; childMaxRssKiB: number; combinedPeakKiB?: number; cpuMs: number;
    phases: { phase: string; ms: number }[]; renders: { template: string; ms: number; pages: number }[];
  };
  const templates: BuildRun["templates"] = {};
  for (const r of json.renders) templates[r.template] = { ms: r.ms, pages: r.pages };
  const phases: Record<string, number> = {};
  for (const p of json.phases) phases[p.phase] = (phases[p.phase] ?? 0) + p.ms;
  return { ms: result.ms, rssKiB: Math.max(result.rssKiB, json.maxRssKiB, json.childMaxRssKiB), nodeRssKiB: json.maxRssKiB, searchRssKiB: json.childMaxRssKiB, combinedRssKiB: json.combinedPeakKiB ?? 0, cpuMs: json.cpuMs, pages: json.pages, said: json.said.join("\n"), phases, templates };
}

/** Where the bench's builds publish: `_site`, as `npm run build` (and so the warm build process) writes. */
const OUTPUT = "_site";

/** The story the everyday builds file, change and take down (a copy of the newest article). */
const FILED = "bench-filed-story.md";
/** The registry entry the bench describes (the newest article's first person), made by `ensureCorpus`. */
const PERSON = join("content", "people", "bench-person.md");

/**
 * The everyday builds, one after the other over the site the full build published: one story
 * filed (dated just after the newest, so in the same week: the search index `latest` is
 * indexed again), its people changed, the story taken down, a registry entry's description
 * changed, a correction's note added to a story dated a year before the newest (its page,
 * the corrections page and feeds; the note is not searched), then its text corrected too (its
 * year's or quarter's search index is indexed again); and,
 * apart, the first story of a new week (last week's stories move to their year's search
 * index, which is indexed again). Each leaves the content as it found it.
 */
async function measureEveryday(root: string, build: () => Promise<BuildRun> = () => measureBuild(root, { keepOutput: true })): Promise<Partial<Record<Scenario, BuildRun>>> {
  const articles = join(root, "content", "articles");
  const newest = findArticle(articles, (ms) => -ms);
  const yearBefore = Date.parse(newest.date) - 365 * 24 * 3600 * 1000;
  const older = findArticle(articles, (ms) => Math.abs(ms - yearBefore));
  const olderText = readFileSync(older.path, "utf8");
  const text = readFileSync(newest.path, "utf8");
  const filed = join(articles, FILED);
  const later = (minutes: number) => DateTime.fromISO(newest.date, { setZone: true }).plus({ minutes }).toISO({ suppressMilliseconds: true })!;
  const story = (date: string) => text.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*$/m, 'title: "A story filed since the last build"');
  const results: Partial<Record<Scenario, BuildRun>> = {};
  const person = readFileSync(join(root, PERSON), "utf8");
  try {
    writeFileSync(filed, story(later(10)));
    results["file one story"] = await build();
    writeFileSync(filed, story(later(10)).replace(/^people: .*$/m, 'people: ["Bench Person One", "Bench Person Two"]'));
    results["edit one story's people"] = await build();
    rmSync(filed);
    results["delete one story"] = await build();
    writeFileSync(join(root, PERSON), person.replace(/^description: .*$/m, "description: A person the bench describes, described again."));
    results["change a registry entry's description"] = await build();
    writeFileSync(join(root, PERSON), person);
    await build();
    const noted = olderText.replace(/^(date: .*)$/m, `$1\ncorrections:\n  - date: ${later(20)}\n    text: "An earlier version of this story gave the wrong day for the meeting."`);
    writeFileSync(older.path, noted);
    results["add a correction's note to a story from a year before"] = await build();
    writeFileSync(older.path, noted.replace(/\n---\n/, "\n---\nThe meeting was held on the day this story now gives. "));
    results["correct the text of a story from a year before"] = await build();
    writeFileSync(older.path, olderText);
    await build();
    const monday = DateTime.fromISO(newest.date, { setZone: true }).startOf("week").plus({ weeks: 1, hours: 9 });
    writeFileSync(filed, story(monday.toISO({ suppressMilliseconds: true })!));
    results["file the first story of a new week"] = await build();
  } finally {
    rmSync(filed, { force: true });
    writeFileSync(older.path, olderText);
    writeFileSync(join(root, PERSON), person);
    await replacedSiteGone(root);
  }
  return results;
}

/**
 * The everyday builds again, each `npm run build` handed to the warm build process (`npm run
 * warm`, src/publish/warmServer.ts) started over the site the full build published, after one
 * build that changes nothing (its first build reads the record from disk). Wall time from the
 * client's start to its exit; memory is the warm process's peak.
 */
async function measureWarm(root: string): Promise<Partial<Record<Scenario, BuildRun>>> {
  // Run in the corpus' folder, as a writer runs them in the bulletin's: the project's files by their full path.
  const inProject = (script: string) => buildCommandFor(script).map((word) => (/^scripts\//.test(word) ? join(REPO, word) : word));
  const server = spawn(process.execPath, inProject("scripts/warm.ts"), { cwd: root, env: { ...process.env, BULLETIN_NOW: NOW, BULLETIN_PREVIEW: "" }, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((done) => server.on("close", done));
  await new Promise<void>((ready, failed) => {
    let said = "";
    server.stdout!.on("data", (d: Buffer) => {
      said += d.toString();
      if (said.includes("Warm build process for")) ready();
    });
    server.on("close", () => failed(new Error(`npm run warm stopped:\n${said}`)));
  });
  const build = async (): Promise<BuildRun> => {
    const result = await run(process.execPath, inProject("scripts/build.ts"), { cwd: root, env: { BULLETIN_NOW: NOW, BULLETIN_PREVIEW: "" } });
    if (result.code !== 0 || result.stderr.includes("warm build process")) fail("the warm build", result);
    const peak = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1] ?? 0);
    return { ms: result.ms, rssKiB: peak, nodeRssKiB: peak, searchRssKiB: 0, combinedRssKiB: 0, cpuMs: 0, pages: 0, said: result.stdout.trim(), phases: {}, templates: {} };
  };
  try {
    await build();
    return await measureEveryday(root, build);
  } finally {
    server.kill();
    await exited;
  }
}

/** The article of a corpus whose date scores lowest (`-ms`: the newest): its file and date as written. */
function findArticle(dir: string, score: (ms: number) => number): { path: string; date: string } {
  let best: { path: string; date: string; score: number } | undefined;
  for (const file of (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).sort()) {
    if (!file.endsWith(".md") || file.endsWith(FILED)) continue;
    const date = /^date: (.*)$/m.exec(readFileSync(join(dir, file), "utf8"))?.[1]?.trim();
    const ms = date ? Date.parse(date) : NaN;
    if (date && !Number.isNaN(ms) && (!best || score(ms) < best.score)) best = { path: join(dir, file), date, score: score(ms) };
  }
  if (!best) throw new Error(`no article in ${dir}`);
  return best;
}

/** A build deletes the folders it replaced in a detached process; the next measurement waits for it. */
async function replacedSiteGone(root: string): Promise<void> {
  while (readdirSync(root).some((name) => name.includes(".deleting-")) || (existsSync(join(root, `${OUTPUT}.builds`)) && readdirSync(join(root, `${OUTPUT}.builds`)).some((name) => name.includes(".deleting-")))) {
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function measureHugo(root: string): Promise<Measure & { pages: number }> {
  const output = fresh(join(root, "hugo-public"));
  // No lock file or resources/ left in bench/hugo-site/ (a lock there also made two Hugo runs wait on each other).
  const result = await run("hugo", ["--quiet", "--noBuildLock", "-s", join(REPO, "bench", "hugo-site"), "-c", join(root, "hugo-content"), "-d", output, "--cacheDir", join(WORK, "hugo-cache")]);
  if (result.code !== 0) fail("hugo", result);
  return { ms: result.ms, rssKiB: result.rssKiB, pages: countFiles(output, ".html") + countFiles(output, ".xml") };
}

async function measureBare(root: string): Promise<Measure & { pages: number }> {
  const output = fresh(join(root, "bare"));
  const result = await run(process.execPath, [join(REPO, "bench", "bare-loop.mjs"), join(root, "content", "articles"), output]);
  if (result.code !== 0) fail("the bare loop", result);
  const json = lastJson(result.stdout) as { pages: number; maxRssKiB: number };
  return { ms: result.ms, rssKiB: Math.max(result.rssKiB, json.maxRssKiB), pages: json.pages };
}

async function measureCheck(root: string): Promise<Measure> {
  // `npm run check` reads content/ from the folder it runs in; it starts through the launcher, as package.json runs it.
  const result = await run(process.execPath, [join(REPO, "scripts", "launch.mjs"), join(REPO, "scripts", "check.ts")], { cwd: root, env: { BULLETIN_NOW: NOW } });
  if (result.code !== 0) fail("npm run check", result);
  return { ms: result.ms, rssKiB: result.rssKiB };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function medianOf<T extends Measure>(runs: T[]): T {
  // The run with the median time, so that its phases add up; memory is the median too.
  const ms = median(runs.map((r) => r.ms));
  const byTime = [...runs].sort((a, b) => Math.abs(a.ms - ms) - Math.abs(b.ms - ms))[0]!;
  return { ...byTime, ms, rssKiB: median(runs.map((r) => r.rssKiB)) };
}

function medianBuild(runs: BuildRun[]): BuildRun {
  return { ...medianOf(runs), nodeRssKiB: median(runs.map((r) => r.nodeRssKiB)), searchRssKiB: median(runs.map((r) => r.searchRssKiB)), combinedRssKiB: median(runs.map((r) => r.combinedRssKiB)), cpuMs: median(runs.map((r) => r.cpuMs)) };
}

async function measureSize(n: number, opts: Options, hugo: boolean): Promise<SizeResult> {
  const root = ensureCorpus(n, hugo);
  const runs = opts.runs ?? (n >= 100_000 ? 1 : 3);
  const builds: BuildRun[] = [];
  const hugos: (Measure & { pages: number })[] = [];
  const bares: (Measure & { pages: number })[] = [];
  const checks: Measure[] = [];
  const everyday: Partial<Record<Scenario, BuildRun>>[] = [];
  const warm: Partial<Record<Scenario, BuildRun>>[] = [];
  // Interleaved, so that a busy moment on the machine weighs on every contender alike.
  for (let i = 0; i < runs; i++) {
    console.error(`${n} articles, run ${i + 1}/${runs}…`);
    builds.push(await measureBuild(root));
    if (opts.rebuild) everyday.push(await measureEveryday(root));
    if (opts.rebuild && opts.warm && existsSync("/proc/self/status")) warm.push(await measureWarm(root));
    if (hugo) hugos.push(await measureHugo(root));
    if (opts.bare) bares.push(await measureBare(root));
    if (opts.check && existsSync(join(REPO, "scripts", "check.ts"))) checks.push(await measureCheck(root));
  }
  return {
    articles: n,
    build: medianBuild(builds),
    hugo: hugos.length ? medianOf(hugos) : undefined,
    bare: bares.length ? medianOf(bares) : undefined,
    check: checks.length ? medianOf(checks) : undefined,
    incremental: medianScenarios(everyday),
    warm: medianScenarios(warm),
  };
}

function medianScenarios(runs: Partial<Record<Scenario, BuildRun>>[]): SizeResult["incremental"] {
  if (runs.length === 0) return undefined;
  return Object.fromEntries(SCENARIOS.filter((sc) => runs.every((e) => e[sc])).map((sc) => [sc, medianBuild(runs.map((e) => e[sc]!))]));
}

// ---------- report ----------

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
const ratio = (a: number, b?: number) => (b ? `${(a / b).toFixed(2)}` : "–");

export function report(results: SizeResult[]): string {
  const lines = [
    "| articles | pages | full build | peak memory: Node, Pagefind, together | Hugo | build ÷ Hugo | bare loop | build ÷ bare | check |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of results) {
    lines.push(`| ${r.articles.toLocaleString("en")} | ${r.build.pages.toLocaleString("en")} | ${s(r.build.ms)} | ${mib(r.build.nodeRssKiB)}, ${mib(r.build.searchRssKiB)}, ${mib(r.build.combinedRssKiB)} | ${r.hugo ? `${s(r.hugo.ms)} (${mib(r.hugo.rssKiB)})` : "–"} | ${ratio(r.build.ms, r.hugo?.ms)} | ${r.bare ? `${s(r.bare.ms)} (${mib(r.bare.rssKiB)})` : "–"} | ${ratio(r.build.ms, r.bare?.ms)} | ${r.check ? s(r.check.ms) : "–"} |`);
  }
  if (results.some((r) => r.incremental)) {
    lines.push("", "The everyday builds (`npm run build` over the site the last build published), beside Hugo's full build of the same corpus:", "");
    lines.push("| articles | build | wall | ÷ Hugo | peak memory: Node, together | what it said |", "|---:|---|---:|---:|---:|---|");
    for (const r of results) {
      for (const [scenario, b] of Object.entries(r.incremental ?? {})) {
        lines.push(`| ${r.articles.toLocaleString("en")} | ${scenario} | ${s(b.ms)} | ${ratio(b.ms, r.hugo?.ms)} | ${mib(b.nodeRssKiB)}, ${mib(b.combinedRssKiB)} | ${b.said.split("\n").at(-1) ?? ""} |`);
      }
    }
  }
  if (results.some((r) => r.warm)) {
    lines.push("", "The same everyday builds handed to the warm build process (`npm run warm` running; wall time of `npm run build`):", "");
    lines.push("| articles | build | wall | ÷ Hugo | peak memory of the warm process | what it said |", "|---:|---|---:|---:|---:|---|");
    for (const r of results) {
      for (const [scenario, b] of Object.entries(r.warm ?? {})) {
        lines.push(`| ${r.articles.toLocaleString("en")} | ${scenario} | ${s(b.ms)} | ${ratio(b.ms, r.hugo?.ms)} | ${mib(b.nodeRssKiB)} | ${b.said.split("\n").at(-1) ?? ""} |`);
      }
    }
  }
  const tenK = results.find((r) => r.articles === 10_000);
  const hundredK = results.find((r) => r.articles === 100_000);
  if (tenK && hundredK) lines.push("", `100,000 ÷ 10,000 build time: ${ratio(hundredK.build.ms, tenK.build.ms)} (linear: 10)`);

  lines.push("", "Build phases (the median run):", "");
  lines.push(`| phase | ${results.map((r) => r.articles.toLocaleString("en")).join(" | ")} |`, `|---|${results.map(() => "---:").join("|")}|`);
  const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.build.phases)))];
  for (const phase of phaseNames) lines.push(`| ${phase} | ${results.map((r) => (r.build.phases[phase] === undefined ? "–" : s(r.build.phases[phase]!))).join(" | ")} |`);
  lines.push(`| process start, module loading, rest | ${results.map((r) => s(r.build.ms - Object.values(r.build.phases).reduce((a, b) => a + b, 0))).join(" | ")} |`);
  lines.push(`| (CPU time of the Node process) | ${results.map((r) => s(r.build.cpuMs)).join(" | ")} |`);

  lines.push("", "Render time per page, by kind (src/site/render.ts; the full build); flat when no page does work that grows with the archive:", "");
  lines.push(`| template | ${results.map((r) => r.articles.toLocaleString("en")).join(" | ")} |`, `|---|${results.map(() => "---:").join("|")}|`);
  const templates = [...new Set(results.flatMap((r) => Object.keys(r.build.templates)))].sort();
  for (const t of templates) {
    lines.push(`| ${t} | ${results.map((r) => {
      const b = r.build.templates[t];
      return b ? `${(b.ms / b.pages).toFixed(2)} ms × ${b.pages.toLocaleString("en")}` : "–";
    }).join(" | ")} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const hugo = opts.hugo && spawnSync("hugo", ["version"]).status === 0;
  if (opts.hugo && !hugo) console.error("hugo not found: skipping the Hugo comparison (Debian: apt-get install hugo)");
  const results: SizeResult[] = [];
  if (opts.prepare) {
    for (const n of opts.sizes) console.log(`corpus ready: ${ensureCorpus(n, hugo)}`);
    return;
  }
  for (const n of opts.sizes) results.push(await measureSize(n, opts, hugo));
  console.log(report(results));
  console.log(`\n${new Date().toISOString()}, Node ${process.version}, load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, 2));
  emptyTrash();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
