import type { YamlData } from "./yamlFile.ts";
import type { ProblemList } from "./problems.ts";
import { countNotText, findNotText, mayHoldNotText } from "../text/unicode.ts";

/**
 * Reports every field of a content file (names of fields included) and the first line of
 * its body that holds a character that is not text (src/text/unicode.ts): each on its
 * line, all of them at once.
 */
export function reportNotText(src: YamlData & { body?: string; bodyLine?: number }, file: string, problems: ProblemList, raw: string): void {
  // Such a character is either in the file as it is, or made by a backslash escape in a
  // quoted value: a file with neither (nearly all) needs no closer look.
  if (!mayHoldNotText(raw) && !raw.includes("\\")) return;
  // Aliases can make the fields a graph with shared parts: each object is looked at once.
  const seen = new Set<object>();
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      const bad = findNotText(value);
      if (bad) problems.error(file, src.lineOf(path), `${path.join(".")}: ${bad.message}`);
      return;
    }
    if (value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const bad = findNotText(key);
      if (bad) problems.error(file, src.lineOf([...path, key]), `the field name "${key.replace(/[^\p{L}\p{N} _-]/gu, "?")}" ${bad.message}`);
      walk(item, [...path, key]);
    }
  };
  walk(src.data, []);
  if (src.body === undefined) return;
  const bad = findNotText(src.body);
  if (!bad) return;
  const line = (src.bodyLine ?? 1) + countNewlines(src.body, bad.index);
  const more = countNotText(src.body) - 1;
  problems.error(file, line, `${bad.message}${more > 0 ? ` (the body has ${more} more such character${more === 1 ? "" : "s"} after this one)` : ""}`);
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
