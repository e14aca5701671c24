import { LineCounter, parseDocument, isNode, type Document } from "yaml";

/**
 * YAML as writers type it: frontmatter at the top of a Markdown file, or a whole settings
 * file. Line numbers are 1-based and refer to the file as an editor shows it (a BOM and
 * CRLF line ends do not shift them).
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

const OPEN = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/** Removes what editors and operating systems add: a UTF-8 BOM and CRLF/CR line ends. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Splits a Markdown file into frontmatter fields and body. */
export function splitFrontmatter(raw: string): Parsed<SourceFile> {
  const lines = normaliseText(raw).split("\n");
  if (!OPEN.test(lines[0] ?? "")) {
    return fail(1, "the file must start with a YAML frontmatter block: a line `---`, the fields, then `---`");
  }
  const end = lines.findIndex((l, i) => i > 0 && CLOSE.test(l));
  if (end === -1) return fail(1, "the frontmatter block opened on line 1 is never closed with `---`");
  const yaml = parseYaml(lines.slice(1, end).join("\n"), 2);
  if (!yaml.ok) return yaml;
  return { ok: true, file: { ...yaml.file, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 } };
}

/** Parses a whole YAML file (such as content/site.yaml). */
export function splitYaml(raw: string): Parsed<YamlData> {
  return parseYaml(normaliseText(raw), 1);
}

/** `firstLine` is the file line on which `text` starts. */
function parseYaml(text: string, firstLine: number): Parsed<YamlData> {
  const counter = new LineCounter();
  // prettyErrors off: it appends "at line N" counted from the block, not the file; the caller gives the file line.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true, schema: "core" });
  const fileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ line: fileLine(e.pos[0]), message: `invalid YAML: ${firstMessageLine(e.message)}` })),
    };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return fail(firstLine, "expected `key: value` fields");
  }
  return {
    ok: true,
    file: { data: (data ?? {}) as Record<string, unknown>, lineOf: (path) => lineOfPath(doc, path, fileLine, firstLine) },
  };
}

function lineOfPath(doc: Document, path: readonly PropertyKey[], fileLine: (offset: number) => number, fallback: number): number {
  // A missing field is reported on the line of the nearest field that encloses it.
  const keys = path.filter((k): k is string | number => typeof k !== "symbol");
  for (let depth = keys.length; depth > 0; depth--) {
    const node = doc.getIn(keys.slice(0, depth), true);
    if (isNode(node) && node.range) return fileLine(node.range[0]);
  }
  return Math.max(1, fallback - 1);
}

function fail(line: number, message: string): { ok: false; errors: LineError[] } {
  return { ok: false, errors: [{ line, message }] };
}

function firstMessageLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}
