import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { loadContent, type Content } from "../../src/model/loadContent.ts";
import { buildCommandFor } from "../../scripts/buildCommand.ts";

/** The repository root, whatever the working directory of the test run. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BASIC_FIXTURE = join(PROJECT_ROOT, "test", "fixtures", "basic");

/**
 * What the build needs beside content/. Copied, not linked: tsx reads tsconfig.json from the
 * working directory and matches its `include` against real paths, so linked sources would
 * compile without the JSX settings. node_modules is linked (large, and only read).
 */
const CODE = ["src", "layouts", "scripts", ".eleventy.js", "package.json", "tsconfig.json"];

export interface FixtureSite {
  root: string;
  /** Writes (or, with `undefined`, deletes) a file below the site root. */
  write(path: string, text: string | undefined): void;
  remove(): void;
}

/**
 * A throwaway copy of test/fixtures/basic in the system's temp folder, with `files`
 * (paths relative to the site root) written over it. With `code: true`, the project's
 * code is copied in so that `npx tsx scripts/build.ts` runs there as in a real checkout.
 */
export function makeFixtureSite(files: Record<string, string | undefined> = {}, opts: { code?: boolean } = {}): FixtureSite {
  const root = mkdtempSync(join(tmpdir(), "bulletin-fixture-"));
  cpSync(BASIC_FIXTURE, root, { recursive: true });
  if (opts.code) {
    for (const name of CODE) cpSync(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  }
  const site: FixtureSite = {
    root,
    write(path, text) {
      const file = join(root, path);
      if (text === undefined) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, text] of Object.entries(files)) site.write(path, text);
  return site;
}

/** The build's clock for fixtures: long after every fixture article, so all are published. */
export const FIXTURE_NOW = DateTime.fromISO("2020-01-01T00:00:00+03:00", { setZone: true });

/** Loads a fixture site's content as the build does, reporting paths relative to its root. */
export function loadFixture(files: Record<string, string | undefined> = {}, opts: { preview?: boolean } = {}): Content {
  const site = makeFixtureSite(files);
  const cwd = process.cwd();
  try {
    // Problems name files relative to the working directory, as `npm run build` prints them.
    process.chdir(site.root);
    return loadContent({ root: site.root, now: FIXTURE_NOW, preview: opts.preview });
  } finally {
    process.chdir(cwd);
    site.remove();
  }
}

/** A Markdown article: frontmatter lines as written, then a body. */
export function article(frontmatter: string, body = "Body text."): string {
  return `---\n${frontmatter.replace(/^\n+|\n+$/g, "")}\n---\n${body}\n`;
}

/** Every file below `dir` (relative path → SHA-256), to prove a folder was left untouched. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hashes.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return hashes;
}

export interface BuildRun {
  code: number | null;
  /** stdout and stderr together, as a writer's terminal shows them. */
  output: string;
}

/** `npm run build` as a writer runs it, in `root`, with a clock after every fixture article. */
export function runBuildScript(root: string, env: Record<string, string> = {}): Promise<BuildRun & { signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    // As `npm run build` runs it (package.json): through the launcher, which compiles the code first.
    const child = spawn(process.execPath, buildCommandFor("scripts/build.ts"), {
      cwd: root,
      env: { ...process.env, BULLETIN_NOW: "2020-01-01T00:00:00+03:00", DEBUG: "", BULLETIN_PREVIEW: "", BULLETIN_FAULT: "", ...env },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", fail);
    child.on("close", (code, signal) => done({ code, signal, output }));
  });
}

export interface WarmProcess {
  /** What it printed so far: a line per build it ran. */
  output(): string;
  /** Resolves when it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
}

/** `npm run warm` in `root` (src/publish/warmServer.ts), resolved once it answers `npm run build`. */
export function startWarm(root: string, env: Record<string, string> = {}): Promise<WarmProcess> {
  const child = spawn(process.execPath, buildCommandFor("scripts/warm.ts"), {
    cwd: root,
    env: { ...process.env, DEBUG: "", BULLETIN_PREVIEW: "", BULLETIN_FAULT: "", ...env },
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on("close", (code, signal) => done({ code, signal })));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm run warm did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/^Warm build process for /m.test(output)) {
        clearTimeout(timer);
        ready({ output: () => output, exited, kill: (signal = "SIGTERM") => child.kill(signal) });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      fail(new Error(`npm run warm exited (${code}) before it started:\n${output}`));
    });
  });
}
