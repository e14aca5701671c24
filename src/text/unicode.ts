/**
 * Characters that are not text: control characters other than tab and line end, halves of
 * a character (lone surrogates, which YAML escapes such as "\ud800" can produce) and
 * Unicode's noncharacters (U+FFFE, U+FDD0…). None has a glyph; published, they break the
 * HTML (a control character is a parse error), the feeds (XML forbids them) and the search
 * indexer (Pagefind stops on a lone surrogate). The writer is told where, rather than the
 * build dropping them quietly: an invisible character in copy is usually a sign of a bad
 * paste, which is worth a look.
 */
const NOT_TEXT = /[\p{Cs}\p{Noncharacter_Code_Point}]|(?![\t\n])\p{Cc}/u;
const NOT_TEXT_ALL = new RegExp(NOT_TEXT.source, "gu");
/**
 * Code units that may belong to such a character: a plain character class, which V8 scans
 * about twenty times faster than the Unicode-aware one above (that took 0.6 s over 10,000
 * bodies). Only text it finds something in (an emoji's surrogate pair, say) is looked at
 * again with the exact expression.
 */
const MAYBE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export interface NotText {
  /** Index in the string (UTF-16 units). */
  index: number;
  /** What it is and what to do, for a writer: "contains the control character U+0007, …". */
  message: string;
}

/** Whether `text` may hold a character that is not text: false is certain, true needs `findNotText`. */
export function mayHoldNotText(text: string): boolean {
  return MAYBE.test(text);
}

/** The first character of `text` that is not text, if any. */
export function findNotText(text: string): NotText | undefined {
  if (!MAYBE.test(text)) return undefined;
  const m = NOT_TEXT.exec(text);
  return m ? { index: m.index, message: describe(m[0]) } : undefined;
}

/** How many characters of `text` are not text. */
export function countNotText(text: string): number {
  NOT_TEXT_ALL.lastIndex = 0;
  let n = 0;
  while (NOT_TEXT_ALL.exec(text)) n++;
  return n;
}

/** `U+00AD`: how a character is named in messages (it is usually invisible). */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  if (code >= 0xd800 && code <= 0xdfff) {
    return `contains ${codePoint(char)}, half of a character (a lone surrogate, as an escape such as "\\ud800" gives): delete it, or write the whole character itself`;
  }
  if (/\p{Cc}/u.test(char)) {
    return `contains the control character ${codePoint(char)}, which is invisible and cannot be published: delete it (retyping the words around it removes it)`;
  }
  return `contains ${codePoint(char)}, which Unicode reserves as a noncharacter, not text: delete it`;
}
