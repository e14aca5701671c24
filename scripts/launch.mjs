/**
 * Runs one of the project's TypeScript commands from a compiled copy of its code:
 *
 *   node scripts/launch.mjs scripts/build.ts [arguments]
 *
 * Through tsx, every module is resolved and transpiled by a loader thread on every start:
 * 0.5 s of the 4 s it took to file a story at 10,000 articles, more than rendering the pages
 * the story changed. So the command and every module of ours it imports are bundled by
 * esbuild (the compiler tsx itself uses) into one file in `.bulletin-cache/code/`, and the
 * next start imports that file. The plain-JavaScript packages every build loads go into the
 * bundle too (`BUNDLED`); the others stay outside, imported from node_modules as usual.
 *
 * The copy is a cache, trusted only when it can vouch for itself: its first line holds a
 * digest of every file of ours it was compiled from (each named in the bundle's header, with
 * the TypeScript settings, the lock file that names the packages' versions, and this file's
 * options) and a digest of its own text. Both are checked on
 * every start; a change to any source file, or a damaged copy, compiles it again. It is
 * written under a temporary name and renamed into place, so a start killed while compiling
 * leaves the old copy or none. If esbuild cannot run, the command runs through tsx, as before.
 *
 * `import.meta.url` is replaced in each module by its own file's URL, so that code which
 * finds files beside itself (layouts/assets, the Eleventy config) finds the same files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const HEADER = "// bulletin-code";
/** Besides the modules themselves: what changes how they compile or what they import (this file holds esbuild's options). */
const ALWAYS = ["tsconfig.json", "package-lock.json", "scripts/launch.mjs"];


/** The URL to import: the verified compiled copy of `entry`, compiled again if need be; the source itself when esbuild cannot run. */
async function compiled(entry) {
  const out = join(PROJECT, ".bulletin-cache", "code", `${relative(PROJECT, entry).replace(/[\\/]/g, "-")}.mjs`);
  if (trusted(out)) return pathToFileURL(out).href;
  let text;
  try {
    text = await compile(entry);
  } catch (error) {
    console.error(`(Running through tsx: the code could not be compiled: ${error instanceof Error ? error.message.split("\n")[0] : error})`);
    await import("tsx/esm");
    return pathToFileURL(entry).href;
  }
  mkdirSync(dirname(out), { recursive: true });
  sweepTemporaries(out);
  const temporary = `${out}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, out);
  return pathToFileURL(out).href;
}

/** Deletes copies of `out` left half-written by starts that were killed while compiling (their process is gone). */
function sweepTemporaries(out) {
  const prefix = `${basename(out)}.tmp-`;
  for (const name of readdirSync(dirname(out))) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) continue;
    rmSync(join(dirname(out), name), { force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds that pid, so it is alive.
    return error.code === "EPERM";
  }
}

/** Whether the copy at `out` is whole and compiled from the files as they are now. */
function trusted(out) {
  let text;
  try {
    text = readFileSync(out, "utf8");
  } catch {
    return false;
  }
  const newline = text.indexOf("\n");
  const [header, sources, self] = text.slice(0, newline).split(" ").slice(-3);
  if (`// ${header}` !== HEADER) return false;
  const body = text.slice(newline + 1);
  if (sha256(body) !== self) return false;
  const inputs = /^\/\/ inputs: (.*)$/m.exec(body)?.[1]?.split(" ");
  return inputs !== undefined && sourcesDigest(inputs) === sources;
}

async function compile(entry) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Not `keepNames`: nothing of ours reads a function's name, and the helper that keeps them
    // wraps every closure as it is made. Filing a story at 10,000 articles, six builds each
    // way: 3.0 s wall and 3.3 s of CPU without it, 3.4 s and 3.9 s with it.
    keepNames: false,
    tsconfig: join(PROJECT, "tsconfig.json"),
    logLevel: "silent",
    plugins: [ownUrls, packagesOutside],
  });
  // A bundled package is named by the lock file (ALWAYS), not file by file: reading them all on every start would cost what bundling saves.
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(PROJECT, resolve(p))).filter((p) => !p.split(/[\\/]/).includes("node_modules")).sort();
  const body = `// inputs: ${inputs.join(" ")}\n${result.outputFiles[0].text}`;
  return `${HEADER} ${sourcesDigest(inputs)} ${sha256(body)}\n${body}`;
}

/**
 * Packages of plain JavaScript that every build loads go into the bundle; the others stay
 * outside, imported from node_modules (those with native code, their own binaries or files
 * found beside themselves: sharp, css-inline, Pagefind, Eleventy). Loaded from node_modules,
 * zod's, markdown-it's, luxon's and js-yaml's hundreds of modules took 121–157 ms to resolve
 * and load; bundled, 56–68 ms.
 */
const BUNDLED = new Set(["zod", "luxon", "markdown-it", "js-yaml", "jsx-async-runtime", "fastest-levenshtein", "unhomoglyph"]);

const packagesOutside = {
  name: "packages-outside",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const name = args.path.split("/").slice(0, args.path.startsWith("@") ? 2 : 1).join("/");
      // What a bundled package imports is bundled with it.
      if (BUNDLED.has(name) || args.importer.split(/[\\/]/).includes("node_modules")) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Each of our modules with `import.meta.url` as its own file's URL, not the bundle's. */
const ownUrls = {
  name: "own-urls",
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|js|mjs)$/ }, (args) => {
      if (args.path.includes(`${"/"}node_modules${"/"}`)) return undefined;
      const source = readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      const loader = args.path.endsWith(".tsx") ? "tsx" : args.path.endsWith(".ts") ? "ts" : "js";
      return { contents: source, loader };
    });
  },
};

function sourcesDigest(inputs) {
  const hash = createHash("sha256");
  for (const file of [...ALWAYS, ...inputs]) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(join(PROJECT, file)));
    } catch {
      hash.update("missing");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}

function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node scripts/launch.mjs <script.ts> [arguments]");
  process.exit(2);
}
const entry = resolve(command);
// `npm run build` while `npm run warm` runs: the warm build process builds (scripts/warmClient.mjs).
const warm = entry === join(PROJECT, "scripts", "build.ts") && existsSync(join(".bulletin-cache", "warm", "build.sock"));
const exit = warm ? await (await import("./warmClient.mjs")).handOver(args) : undefined;
if (exit !== undefined) {
  process.exitCode = exit;
} else {
  // The command sees its arguments where it would under `node --import tsx <script.ts>`.
  process.argv.splice(1, process.argv.length - 1, entry, ...args);
  await import(await compiled(entry));
}
