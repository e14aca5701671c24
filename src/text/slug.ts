/**
 * Slugs for URLs and the keys that make names match.
 *
 * Why not a slug library: the common ones (@sindresorhus/slugify, slugify) transliterate
 * every script to ASCII, which turns Arabic names into vowel-less strings that collide
 * (محمد and محمود both lose their vowels). The contract wants readable slugs for non-Latin
 * names, so letters of any script are kept as they are (an IRI), and only Latin letters
 * lose their accents.
 */
const LATIN_SPECIALS: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ı: "i", ħ: "h",
};
const SPECIALS_RE = new RegExp(`[${Object.keys(LATIN_SPECIALS).join("")}]`, "g");

const ALREADY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Lower-case, accent-free, dash-separated. Combining marks go (Latin accents, Arabic
 * harakat such as U+064F; not the hamza of أ), and so do modifier letters (ʿ in ʿAbbās, the Arabic tatweel).
 * The result can be empty for a name without letters or digits; see `slugOrFallback`.
 */
export function slugify(text: string): string {
  // Most file names already are slugs; the full treatment costs ~10 µs each at 10,000 files.
  if (ALREADY_SLUG.test(text)) return text;
  return text
    .normalize("NFKD")
    // Hamza and madda (U+0653–U+0655) are part of Arabic letters (أ, آ, ؤ), not vowels: kept.
    .replace(/(?![\u0653-\u0655])[\p{M}\p{Lm}]/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(SPECIALS_RE, (c) => LATIN_SPECIALS[c] ?? c)
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** A slug that is never empty: a name with no letters or digits gets a stable code instead. */
export function slugOrFallback(text: string): string {
  const slug = slugify(text);
  if (slug) return slug;
  const code = [...text.trim()].map((c) => c.codePointAt(0)!.toString(16)).join("-");
  return code ? `u-${code}` : "untitled";
}

/** Two names are the same person or topic when their keys are equal. */
export const nameKey = slugify;
