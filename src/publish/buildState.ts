import { createHash } from "node:crypto";
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { dateFromMillis, offsetAt } from "../text/dates.ts";
import type { SharedReads } from "../site/changes.ts";
import type { PageTable } from "../site/fingerprints.ts";
import type { HashedFile } from "./readAhead.mjs";

/**
 * What a build leaves for the next one to start from (`.bulletin-cache/build/`): every
 * article file as it was read (its stat, digest, parsed frontmatter, resolved people and
 * topics, first paragraph), every page's fingerprint (src/site/fingerprints.ts), each
 * article's related stories and each search index's members. With it, the next build reads
 * only the files that changed and renders only the pages whose inputs changed.
 *
 * It is trusted only when it is whole and for the same things: a digest of its text is
 * checked on load (a truncated or corrupt file is thrown away), and its key names the code
 * (every file of src/, layouts/, the lock file of dependencies), Node's version, the
 * settings (content/site.yaml) and the build's options; the site it describes must be the
 * one `_site` points at. Otherwise the build is a full one, and says why in one line.
 *
 * The articles are kept apart from the rest, in parts by the month of their date, each in a
 * file named by the SHA-256 of its text (`<record>.parts/<digest>.json`), checked when read.
 * A build writes only the parts whose articles changed, which are those of about the month of
 * the story it filed (their related stories): at 100,000 articles, writing all of them again
 * took 4 s of a build that should take a few. A part's name is its text's digest, so a part
 * written again under a name the record uses holds the same text, written whole and renamed
 * into place: a build killed while writing leaves the parts the record names whole. The parts
 * no record names any more are deleted by the next build that reads the record.
 */
export const STATE_FORMAT = 4;

export interface BuildKey {
  format: number;
  /** Digest of the code and its dependencies. */
  code: string;
  node: string;
  /** Digest of content/site.yaml, and the languages and options the build runs with. */
  settings: string;
}

/** An article file as the last build read it. */
export interface CachedArticle {
  /** Full path of the file. */
  path: string;
  /** size, mtime, ctime (ms) and inode: the file is read again when any differs. */
  stat: [number, number, number, number];
  /** Its source as problems name it, its digest, slug and body's first line. */
  source: string;
  digest: string;
  slug: string;
  bodyLine: number;
  /** The frontmatter as parsed, dates as `{ "$t": millis }` (`freezeDates`). */
  fm: unknown;
  url: string;
  lang: string;
  /** `person:slug`/`topic:slug` of its people and topics as they resolved. */
  tags: string[];
  /** Published in the last build (not a draft, not scheduled at its clock). */
  built: boolean;
  /** The first paragraph as plain text, for teasers, when the last build worked it out. */
  firstParagraph?: string;
  /** Its related stories (sources), when the last build worked them out. */
  related?: string[];
  /** Its image's `src` as published (its renditions are named by the image's bytes). */
  image?: string;
  /** What pages print of it (`articleRead`: its text, URL, and what the clock decides: scheduled, live). */
  read?: string;
}

export interface BuildState {
  key: BuildKey;
  /** The folder in `_site.builds/` this state describes. */
  generation: string;
  articles: CachedArticle[];
  /** Every page written: its file (below the site) and fingerprint, in the page table's order. */
  pages: PageTable;
  /** Each search index's URL with a digest of its members' paths (src/search/indexPlan.ts). */
  searchIndexes: Record<string, string>;
  /** What many pages show (src/site/changes.ts), to tell which of them may have changed. */
  shared: SharedReads;
  /** The parts `articles` was read from (by month, their digest and records), for `saveState` to keep those unchanged. */
  parts?: Map<string, { digest: string; records: readonly CachedArticle[] }>;
}

/**
 * JSON text in ASCII alone, every other character written as its `\u` escape (JSON.parse
 * reads them back), so that the articles' parts are read back as Latin-1, a plain copy.
 * Decoded as UTF-8 (headlines and names in Arabic, names with diacritics), the 200 MB of
 * parts at 100,000 articles took 0.5 s of an 8.5 s build; as Latin-1, 0.13 s. The main file
 * (14 MB there, written at every build) stays UTF-8: escaping it cost more than decoding it.
 */
function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Where the state of the build of `output` is kept. */
export function statePath(cacheDir: string, output: string): string {
  const name = `${basename(resolve(output))}-${createHash("sha1").update(resolve(output)).digest("hex").slice(0, 8)}`;
  return join(cacheDir, "build", `${name}.json`);
}

const HEADER = "bulletin-build-state";

/** What reads the record's parts on another thread (src/publish/readAhead.mjs), if one does. */
export type PartsReader = (folder: string, digests: readonly string[]) => (digest: string) => Promise<HashedFile | undefined>;

/**
 * The state at `path`, or why there is none to trust. Its parts come from `readParts` where it
 * gives them (read and hashed on another thread while this one parses), read here otherwise;
 * either way each is checked against the digest it is named by.
 */
export async function loadState(path: string, readParts?: PartsReader): Promise<{ state: BuildState } | { why: string }> {
  const main = readChecked(path);
  if ("why" in main) return main;
  let state: BuildState & { articleParts?: Record<string, string> };
  try {
    state = JSON.parse(main.body) as BuildState & { articleParts: Record<string, string> };
  } catch {
    return { why: "the record of the previous build is damaged" };
  }
  const named = Object.entries(state.articleParts ?? {});
  const ahead = readParts?.(partsFolder(path), named.map(([, digest]) => digest));
  const parts = new Map<string, { digest: string; records: CachedArticle[] }>();
  const articles: CachedArticle[] = [];
  for (const [month, digest] of named) {
    const file = (await ahead?.(digest)) ?? readHashed(partPath(path, digest));
    if (!file) return { why: "the record of the previous build is damaged (a part of it is missing)" };
    if (file.sha256 !== digest) return { why: "the record of the previous build is damaged (truncated or changed)" };
    let records: CachedArticle[];
    try {
      records = JSON.parse(file.bytes.toString("latin1")) as CachedArticle[];
    } catch {
      return { why: "the record of the previous build is damaged (truncated or changed)" };
    }
    parts.set(month, { digest, records });
    for (const record of records) articles.push(record);
  }
  sweepParts(path, new Set([...parts.values()].map((p) => p.digest)));
  delete state.articleParts;
  return { state: { ...state, articles, parts } };
}

/** A file's bytes and their SHA-256 (hex), or undefined if it cannot be read. */
function readHashed(path: string): HashedFile | undefined {
  try {
    const bytes = readFileSync(path);
    return { bytes, sha256: sha256(bytes) };
  } catch {
    return undefined;
  }
}

/** A file with our header: its format checked and its text's digest verified. */
function readChecked(path: string): { body: string } | { why: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { why: "no record of a previous build" };
  }
  // The digest is of the bytes as read, not of the text decoded from them: hashing a string
  // encodes it to UTF-8 again, half of the 0.5 s the record's digests took at 100,000 articles.
  const newline = bytes.indexOf(0x0a);
  const [header, format, digest] = bytes.subarray(0, Math.max(newline, 0)).toString("utf8").split(" ");
  if (header !== HEADER || newline === -1) return { why: "the record of the previous build is damaged" };
  if (Number(format) !== STATE_FORMAT) return { why: "the record of the previous build comes from another version" };
  const body = bytes.subarray(newline + 1);
  if (sha256(body) !== digest) return { why: "the record of the previous build is damaged (truncated or changed)" };
  return { body: body.toString("utf8") };
}

/**
 * Writes the state at `path` whole (see `writeWhole`), with the digest `loadState` checks,
 * and its articles' parts beside it: a part whose records are the very ones `loadState` read
 * keeps its file; the others are written, each whole. Returns the parts as written, for a
 * process that keeps the record in memory (`BuildMemory`). Part by part: at 100,000 articles the
 * articles are some 200 MB of JSON, and one string of them raised the build's peak memory by
 * as much again.
 */
export function saveState(path: string, state: BuildState, timeZone: string): NonNullable<BuildState["parts"]> {
  const { articles, parts: loaded, ...rest } = state;
  const byMonth = new Map<string, CachedArticle[]>();
  for (const record of articles) {
    const month = monthOf(record, timeZone);
    let list = byMonth.get(month);
    if (!list) byMonth.set(month, (list = []));
    list.push(record);
  }
  const articleParts: Record<string, string> = {};
  const parts: NonNullable<BuildState["parts"]> = new Map();
  for (const [month, records] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const was = loaded?.get(month);
    if (was && was.records.length === records.length && was.records.every((r, i) => r === records[i]) && existsSync(partPath(path, was.digest))) {
      articleParts[month] = was.digest;
      parts.set(month, was);
      continue;
    }
    const text = Buffer.from(asciiJson(`[${records.map((r) => JSON.stringify(r)).join(",\n")}]`), "latin1");
    const digest = sha256(text);
    articleParts[month] = digest;
    parts.set(month, { digest, records });
    // Written even when a file of that name is there: it may be one a check threw out.
    writeWhole(partPath(path, digest), text);
  }
  const body = Buffer.from(JSON.stringify({ ...rest, articleParts }));
  writeWhole(path, Buffer.from(`${HEADER} ${STATE_FORMAT} ${sha256(body)}\n`), body);
  return parts;
}

/** Where the record at `path` keeps the part whose text has `digest`. */
function partPath(path: string, digest: string): string {
  return join(partsFolder(path), `${digest}.json`);
}

/** The folder of the record's parts (the same for the record and the next one written beside it). */
function partsFolder(path: string): string {
  return `${path.replace(/(\.next)?$/, "")}.parts`;
}

/** Deletes the parts beside the record at `path` that it does not name (left by builds since replaced, or killed). */
export function sweepParts(path: string, keep: ReadonlySet<string>): void {
  const dir = `${path}.parts`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!keep.has(name.replace(/\.json$/, ""))) rmSync(join(dir, name), { force: true });
}

/**
 * The part an article's record goes in: the month of its date in the bulletin's time zone
 * (an article's related stories are its neighbours in time). In that zone, not UTC, so that
 * the records come back in the order of their files where writers file by `YYYY/MM/` (a
 * story of the first hours of a month, UTC's last day of the one before, went in the part
 * before its folder's), and the next build finds each file's record at the cursor
 * (`RecordedOrder`) instead of looking them all up.
 */
function monthOf(record: CachedArticle, timeZone: string): string {
  const millis = (record.fm as { date?: { $t?: number } }).date?.$t;
  if (typeof millis !== "number") return "undated";
  // The date's fields, not toISOString or a DateTime (made for every record: 0.1 s at 100,000).
  const offset = offsetAt(millis, timeZone);
  const date = new Date(millis + (Number.isFinite(offset) ? offset : 0) * 60_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return year >= 1000 && year <= 9999 ? `${year}-${month < 10 ? "0" : ""}${month}` : date.toISOString().slice(0, 7);
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A JSON file written whole (a journal, a change list). */
export function saveJson(path: string, value: unknown): void {
  writeWhole(path, `${JSON.stringify(value, null, 1)}\n`);
}

/**
 * Writes under a temporary name, flushed to disk, then renames into place: a build killed
 * while writing leaves the file as it was, never half of one.
 */
function writeWhole(path: string, ...chunks: (string | Buffer)[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const fd = openSync(temporary, "w");
  try {
    for (const chunk of chunks) writeAll(fd, typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** All of `bytes` (writeSync may write fewer). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Forgets the state (the next build is a full one). */
export function dropState(path: string): void {
  rmSync(path, { force: true });
}

/** A value with its DateTimes written as `{ "$t": millis }`, for JSON; `reviveDates` makes them again. */
export function freezeDates(value: unknown): unknown {
  if (value instanceof DateTime) return { $t: value.toMillis() };
  if (Array.isArray(value)) return value.map(freezeDates);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = freezeDates(v);
    return out;
  }
  return value;
}

/**
 * The value of `freezeDates`' JSON with its DateTimes again, in the bulletin's time zone. Only
 * what holds a date is made again: a list or object without one (people, topics, a correction's
 * text) is the very one given, shared with the record, which nothing changes. A copy of every
 * record's frontmatter, lists and all, was a good part of the garbage of making 100,000
 * articles from the record.
 */
export function reviveDates(value: unknown, zone: string): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const revived = reviveDates(value[i], zone);
      if (revived !== value[i]) (out ??= value.slice())[i] = revived;
    }
    return out ?? value;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.$t === "number" && isOnlyKey(record, "$t")) return dateFromMillis(record.$t, zone);
    let out: Record<string, unknown> | undefined;
    for (const key in record) {
      const revived = reviveDates(record[key], zone);
      if (revived !== record[key]) (out ??= { ...record })[key] = revived;
    }
    return out ?? value;
  }
  return value;
}

function isOnlyKey(record: Record<string, unknown>, only: string): boolean {
  for (const key in record) if (key !== only) return false;
  return true;
}

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A digest of everything the build's output depends on besides content: the code (src/,
 * layouts/, the Eleventy config), the dependencies as locked, and the TypeScript settings.
 */
export function codeDigest(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(`${path.slice(PROJECT_DIR.length)}\0`).update(readFileSync(path)).update("\0");
    }
  };
  for (const dir of ["src", "layouts"]) walk(join(PROJECT_DIR, dir));
  for (const file of [".eleventy.js", "package.json", "package-lock.json", "tsconfig.json"]) {
    try {
      hash.update(`${file}\0`).update(readFileSync(join(PROJECT_DIR, file))).update("\0");
    } catch {
      hash.update(`${file}\0missing\0`);
    }
  }
  return hash.digest("hex");
}
