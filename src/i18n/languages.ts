import { ar, en, type UiStrings } from "./strings.ts";
import { NASKH_ARABIC, type WebFont } from "./fonts.ts";

/**
 * What the code knows of a language the bulletin can be published in: its writing direction,
 * the locale and digits its dates are written with, and every word of the interface. The
 * bulletin's settings (content/site.yaml) choose the default edition and may override the
 * locale and digits; src/collections/editions.ts makes one edition config of the two.
 *
 * A new language is a `Language` here and its strings in strings.ts; nothing else names a
 * language. (Tests add a third one, French, from a fixture: test/fixtures/trilingual.)
 */
export interface Language {
  /** BCP 47 language code, also the edition's path prefix when it is not the default (`/ar/`). */
  lang: string;
  dir: "ltr" | "rtl";
  locale: string;
  /** Digits in dates and counts: "latn" (0-9), "arab" (Arabic-Indic ٠-٩). */
  numberingSystem: string;
  strings: UiStrings;
  /** A text face its pages load (src/i18n/fonts.ts); the system's faces otherwise. */
  font?: WebFont;
}

export const ENGLISH: Language = { lang: "en", dir: "ltr", locale: "en-GB", numberingSystem: "latn", strings: en };
// Arabic gets a face of its own: systems often have no good Naskh, and the fallback read like a form.
export const ARABIC: Language = { lang: "ar", dir: "rtl", locale: "ar-SY", numberingSystem: "arab", strings: ar, font: NASKH_ARABIC };

/** The languages the product ships. */
export const LANGUAGES: readonly Language[] = [ENGLISH, ARABIC];
