import { createRequire } from "node:module";
import { ASSETS, outputPath } from "../urls.ts";

const require = createRequire(import.meta.url);

/**
 * A text face an edition's pages load, self-hosted: the stylesheet declaring it
 * (layouts/assets) and its one file, which pages preload so that the text is drawn in it
 * from the first paint wherever the connection allows. Editions without one use the
 * system's faces (layouts/assets/site.css).
 */
export interface WebFont {
  stylesheet: string;
  /** WOFF2, below `/assets/fonts/`. */
  file: string;
}

/** Noto Naskh Arabic, Arabic subset, variable weight 400-700 (layouts/assets/arabic.css). */
export const NASKH_ARABIC: WebFont = { stylesheet: ASSETS.arabicStylesheet, file: ASSETS.naskhArabic };

const NASKH_PACKAGE = "@fontsource-variable/noto-naskh-arabic";

/**
 * Files the site publishes from npm packages rather than from layouts/assets: the fonts,
 * and the licence that must travel with them. `from` is where the package has it, `to`
 * where it goes below the output folder. The build (Eleventy's passthrough copy,
 * src/eleventy/config.ts) and the preview (src/preview/PreviewSite.ts) both copy them.
 */
export const PACKAGE_ASSETS: readonly { from: string; to: string }[] = [
  { from: require.resolve(`${NASKH_PACKAGE}/files/noto-naskh-arabic-arabic-wght-normal.woff2`), to: outputPath(ASSETS.naskhArabic) },
  { from: require.resolve(`${NASKH_PACKAGE}/LICENSE`), to: outputPath(ASSETS.naskhArabicLicence) },
];
