import { createRequire } from "node:module";
import * as jsYaml from "js-yaml";
import { load as loadYaml, FAILSAFE_SCHEMA, Type } from "js-yaml";
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
 * messages say more). Both read YAML 1.2's core schema, so dates stay strings, and both
 * keep the text of a plain number or true/false as written (see `PlainScalar`).
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

/**
 * A plain (unquoted) scalar that YAML 1.2 reads as a number or true/false, kept with its text
 * as written. Which one a field gets is the schema's choice: a text field takes the text
 * (`title: 007` is "007", not 7; `0x1F` is not 31), a number or yes/no field the value
 * (`articlesPerPage: 20`, `draft: true`); see `scalarValue`.
 */
export class PlainScalar {
  constructor(
    readonly text: string,
    readonly value: number | boolean,
  ) {}
  toString(): string {
    return this.text;
  }
  // js-yaml makes a key of an object "[object Object]" unless its class says what it is;
  // with this it uses toString, so `007: x` is the key "007".
  get [Symbol.toStringTag](): string {
    return "PlainScalar";
  }
}

/** The number or boolean of a plain scalar, for fields that want one; anything else as it is. */
export function scalarValue(value: unknown): unknown {
  return value instanceof PlainScalar ? value.value : value;
}

/** js-yaml's core-schema type for plain numbers or booleans, constructing a PlainScalar: its `construct` sees the source text. */
function keepingText(type: CoreType): Type {
  return new Type(type.tag, {
    kind: "scalar",
    resolve: (text: string) => type.resolve(text),
    construct: (text: string) => new PlainScalar(text, type.construct(text) as number | boolean),
    instanceOf: PlainScalar,
  });
}

/** What @types/js-yaml leaves out: js-yaml's built-in types, each with its tag. */
type CoreType = Type & { tag: string };
const types = (jsYaml as unknown as { types: Record<"null" | "bool" | "int" | "float", CoreType> }).types;

// YAML 1.2's core schema (as js-yaml's CORE_SCHEMA), with numbers and booleans keeping their text.
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [types.null, keepingText(types.bool), keepingText(types.int), keepingText(types.float)] });

/**
 * Bounds on what is parsed at all, checked on the text before either parser runs: `yaml`'s
 * duplicate-key check and a line looked up per field take time growing with the square of
 * the number of fields (16,000 fields took 2 s; a hostile file could hold far more). A real
 * story's frontmatter is 0.5–3 KB with a few dozen `:` and `,` (the sample's longest: 1.1 KB,
 * 30 marks); these limits are twenty times anything a desk writes, and still parse in
 * under 0.1 s.
 */
export const MAX_YAML_CHARS = 64 * 1024;
/**
 * Counted as the `:`, `,`, `?`, `[` and `{` in the text: every YAML mapping entry needs one
 * of the first three (`key: value`, `{a, b}`, `? key`), so this bounds the fields without
 * parsing, and the brackets bound how deep lists nest (20,000 nested `[` ran both parsers
 * out of stack, slowly); prose in a summary adds its commas, a few dozen at most.
 */
export const MAX_YAML_MARKS = 2000;
/**
 * Brackets inside brackets, `[[[…` or `{a: {a: …`: a story's go two deep (`corrections:
 * [{…}]`). js-yaml refuses more than 100 levels itself, but `yaml`, which reads a block
 * js-yaml refused for another reason, took seconds (and once all memory) on 600.
 * (Brackets in quoted text count too: twenty nested ones in a title are no headline.)
 */
export const MAX_YAML_BRACKETS = 20;

const DEPTH_MESSAGE = (what: string) => `${what} nests lists or fields too deeply to be read (a story's go two or three deep): check the brackets and indentation`;

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
  const yaml = parseYaml(yamlText.endsWith("\n") ? yamlText.slice(0, -1) : yamlText, 2, "the frontmatter");
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
  return parseYaml(normaliseText(raw), 1, "the file");
}

/** `firstLine` is the file line on which `text` starts; `what` names it in a message ("the frontmatter"). */
function parseYaml(text: string, firstLine: number, what: string): Parsed<YamlData> {
  const tooBig = sizeProblem(text, what);
  if (tooBig) return fail(Math.max(1, firstLine - 1), tooBig);
  let data: unknown;
  try {
    data = loadYaml(text, { schema: SCHEMA });
  } catch (error) {
    // js-yaml refuses nesting over 100 deep (`[[[[…`, `- - - …`, `{a: {a: …`); `yaml`, handed
    // such a block, ran out of stack, slowly, or (600 flow maps deep) out of memory.
    if (error instanceof RangeError || /nesting exceeded maxDepth/.test((error as Error).message)) return fail(Math.max(1, firstLine - 1), DEPTH_MESSAGE(what));
    return parseWithPositions(text, firstLine, what);
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

function sizeProblem(text: string, what: string): string | undefined {
  if (text.length > MAX_YAML_CHARS) {
    return `${what} is ${Math.ceil(text.length / 1024)} KB, more than the ${MAX_YAML_CHARS / 1024} KB its fields may take (a story's take 1–3 KB): keep long text in the body, below the closing \`---\``;
  }
  let marks = 0;
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a || c === 0x2c || c === 0x3f) marks++; // : , ?
    else if (c === 0x5b || c === 0x7b) { // [ {
      marks++;
      if (++depth > deepest) deepest = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--; // ] }
  }
  if (deepest > MAX_YAML_BRACKETS) return DEPTH_MESSAGE(what);
  if (marks > MAX_YAML_MARKS) {
    return `${what} has ${marks} fields, lists and separators (each \`:\`, \`,\`, \`?\`, \`[\` and \`{\` counts), more than the limit of ${MAX_YAML_MARKS} (a story has a few dozen): keep long text in the body, below the closing \`---\``;
  }
  return undefined;
}

/** The slow path: `yaml` says what is wrong and where, or reads what js-yaml refused. */
function parseWithPositions(text: string, firstLine: number, what: string): Parsed<YamlData> {
  const positions = positionsOf(text, firstLine);
  const { doc, fileLine } = positions;
  if (doc.errors.length > 0) return { ok: false, errors: yamlErrors(doc, fileLine, what) };
  // As js-yaml's schema above does: a plain number or true/false keeps its text.
  yaml().visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === "number" || typeof node.value === "boolean") && node.type === "PLAIN" && node.source !== undefined) {
        node.value = new PlainScalar(node.source, node.value);
      }
    },
  });
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
    return fail(firstLine, "expected `key: value` fields");
  }
  return {
    ok: true,
    file: { data: (data ?? {}) as Record<string, unknown>, lineOf: (path) => lineOfPath(positions, path, firstLine) },
  };
}

/**
 * `yaml`'s errors in a writer's words. A block indented with tabs gives one error per line,
 * none saying what to do: they become one, on the first such line.
 */
function yamlErrors(doc: Document, fileLine: (offset: number) => number, what: string): LineError[] {
  const errors: LineError[] = [];
  let tabs = 0;
  let tooDeep = false;
  for (const e of doc.errors) {
    if (/maximum call stack/i.test(e.message)) {
      // `yaml` ran out of stack: lists nested too deep to read (`- - - - …`), said once.
      if (!tooDeep) errors.push({ line: fileLine(e.pos[0]), message: DEPTH_MESSAGE(what) });
      tooDeep = true;
      continue;
    }
    if (e.code === "TAB_AS_INDENT" || /tabs? .*indent/i.test(e.message)) {
      if (tabs++ === 0) errors.push({ line: fileLine(e.pos[0]), message: TAB_MESSAGE });
      continue;
    }
    errors.push({ line: fileLine(e.pos[0]), message: `invalid YAML: ${firstMessageLine(e.message)}${hint(e.message)}` });
  }
  if (tabs > 1) {
    const first = errors.find((e) => e.message === TAB_MESSAGE)!;
    first.message = `${TAB_MESSAGE} (and ${tabs - 1} line${tabs === 2 ? "" : "s"} after it)`;
  }
  return errors;
}

const TAB_MESSAGE = "invalid YAML: this line is indented with a tab — indent with spaces (YAML does not allow tabs for indentation; most editors can turn tabs into spaces)";

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
