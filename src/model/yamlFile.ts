import { createRequire } from "node:module";
import { load as loadYaml, CORE_SCHEMA } from "js-yaml";
import type * as Yaml from "yaml";
import type { Document } from "yaml";

/**
 * YAML as writers type it: frontmatter at the top of a Markdown file, or a whole settings
 * file. Line numbers are 1-based and refer to the file as an editor shows it (a BOM and
 * CRLF line ends do not shift them).
 *
 * Two parsers on purpose. js-yaml reads the fields (about five times faster than `yaml`,
 * which matters at 10,000 articles); `yaml`, which keeps source positions, runs only when a
 * line number is asked for (a problem is being reported) or the block does not parse (its
 * messages say more). Both read YAML 1.2's core schema, so dates stay strings.
 */
export interface YamlData {
  data: Record<string, unknown>;
  /** Line of the value at `path`, or of the nearest enclosing field that exists. */
  lineOf(path: readonly PropertyKey[]): number;
}

export interface SourceFile extends YamlData {
  body: string;
  /** Line on which the body starts. */
  bodyLine: number;
}

export interface LineError {
  line: number;
  message: string;
}

export type Parsed<T> = { ok: true; file: T } | { ok: false; errors: LineError[] };

const OPEN = /^---[ \t]*(?:\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Removes what editors and operating systems add: a UTF-8 BOM and CRLF/CR line ends. */
export function normaliseText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}

/** Splits a Markdown file into frontmatter fields and body. */
export function splitFrontmatter(raw: string): Parsed<SourceFile> {
  const text = normaliseText(raw);
  const open = OPEN.exec(text);
  if (!open) {
    return fail(1, "the file must start with a YAML frontmatter block: a line `---`, the fields, then `---`");
  }
  const start = open[0].length;
  const close = CLOSE.exec(text.slice(start));
  if (!close) return fail(1, "the frontmatter block opened on line 1 is never closed with `---`");
  const yamlText = text.slice(start, start + close.index);
  const yaml = parseYaml(yamlText.endsWith("\n") ? yamlText.slice(0, -1) : yamlText, 2);
  if (!yaml.ok) return yaml;
  const closeEnd = start + close.index + close[0].length;
  const bodyStart = text[closeEnd] === "\n" ? closeEnd + 1 : closeEnd;
  return {
    ok: true,
    file: { ...yaml.file, body: text.slice(bodyStart), bodyLine: countLines(text, bodyStart) + 1 },
  };
}

/** Parses a whole YAML file (such as content/site.yaml). */
export function splitYaml(raw: string): Parsed<YamlData> {
  return parseYaml(normaliseText(raw), 1);
}

/** `firstLine` is the file line on which `text` starts. */
function parseYaml(text: string, firstLine: number): Parsed<YamlData> {
  let data: unknown;
  try {
    data = loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return parseWithPositions(text, firstLine);
  }
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return fail(firstLine, "expected `key: value` fields");
  }
  let positions: Positions | undefined;
  return {
    ok: true,
    file: {
      data: (data ?? {}) as Record<string, unknown>,
      lineOf: (path) => {
        positions ??= positionsOf(text, firstLine);
        return lineOfPath(positions, path, firstLine);
      },
    },
  };
}

// `yaml` is loaded on first use: most runs never need it, and it takes 0.1 s to load.
const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= require("yaml") as typeof Yaml);

interface Positions {
  doc: Document;
  fileLine(offset: number): number;
}

function positionsOf(text: string, firstLine: number): Positions {
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  // prettyErrors off: it appends "at line N" counted from the block, not the file; the caller gives the file line.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, schema: "core" });
  return { doc, fileLine: (offset) => counter.linePos(offset).line + firstLine - 1 };
}

/** The slow path: `yaml` says what is wrong and where, or reads what js-yaml refused. */
function parseWithPositions(text: string, firstLine: number): Parsed<YamlData> {
  const positions = positionsOf(text, firstLine);
  const { doc, fileLine } = positions;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ line: fileLine(e.pos[0]), message: `invalid YAML: ${firstMessageLine(e.message)}${hint(e.message)}` })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return fail(firstLine, "expected `key: value` fields");
  }
  return {
    ok: true,
    file: { data: (data ?? {}) as Record<string, unknown>, lineOf: (path) => lineOfPath(positions, path, firstLine) },
  };
}

function lineOfPath({ doc, fileLine }: Positions, path: readonly PropertyKey[], fallback: number): number {
  // A missing field is reported on the line of the nearest field that encloses it.
  const keys = path.filter((k): k is string | number => typeof k !== "symbol");
  for (let depth = keys.length; depth > 0; depth--) {
    const node = doc.getIn(keys.slice(0, depth), true);
    if (yaml().isNode(node) && node.range) return fileLine(node.range[0]);
  }
  return Math.max(1, fallback - 1);
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function fail(line: number, message: string): { ok: false; errors: LineError[] } {
  return { ok: false, errors: [{ line, message }] };
}

/** The usual cause of YAML's most puzzling message, in a writer's words. */
function hint(message: string): string {
  return /nested mappings|compact mappings/i.test(message)
    ? ' — a value with ": " in it must be in quotes, e.g. title: "Putin: talks were useful"'
    : "";
}

function firstMessageLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
