import { fileURLToPath } from "node:url";
import { DESK_PASSTHROUGH } from "../desk/deskFiles.ts";
import { PACKAGE_ASSETS } from "../i18n/fonts.ts";

/**
 * Eleventy is the bulletin's host, not its renderer (docs/architecture.md, "Eleventy's role").
 * It runs the build's lifecycle into an output folder, owns the passthrough copy (the
 * stylesheet, scripts and images of layouts/assets), and is where a developer who knows
 * Eleventy adds plugins and copies. The pages come from the bulletin's page table
 * (src/pages/pageTypes.ts) through its one renderer (src/site/render.ts), called from
 * Eleventy's `eleventy.after`: by `npm run build` (src/publish/runBuild.ts, through
 * `runHosted`) and by `npx @11ty/eleventy` (.eleventy.js) alike.
 */

// Eleventy's config API is untyped JavaScript; this is the part we use.
export interface EleventyConfig {
  addPassthroughCopy(paths: Record<string, string>): void;
  setTemplateFormats(formats: string[]): void;
  on(event: "eleventy.after", handler: (arg: { directories: { output: string } }) => Promise<void>): void;
}

/** The code's own assets, wherever the bulletin's content is. */
const ASSETS = fileURLToPath(new URL("../../layouts/assets/", import.meta.url));
/** Eleventy needs an input folder; the bulletin has no Eleventy templates, so it reads nothing there. */
export const ELEVENTY_INPUT = fileURLToPath(new URL("./input/", import.meta.url));
const CONFIG_FILE = fileURLToPath(new URL("../../.eleventy.js", import.meta.url));

/** The bulletin's Eleventy configuration (what .eleventy.js returns). */
export function configureBulletin(eleventyConfig: EleventyConfig): { dir: { input: string } } {
  // Markdown in content/ is data the bulletin reads (src/model), never an Eleventy template.
  eleventyConfig.setTemplateFormats([]);
  eleventyConfig.addPassthroughCopy({ [ASSETS]: "assets" });
  // Fonts come from their npm packages (src/i18n/fonts.ts), not from a copy kept in the repository.
  eleventyConfig.addPassthroughCopy(Object.fromEntries(PACKAGE_ASSETS.map((a) => [a.from, a.to])));
  // The web desk at /admin/ (src/desk/deskFiles.ts): its page and the CMS bundle from npm.
  eleventyConfig.addPassthroughCopy(DESK_PASSTHROUGH);
  return { dir: { input: ELEVENTY_INPUT } };
}

/**
 * Has `writePages` write the bulletin's pages into Eleventy's output once Eleventy is done
 * with its own work. A failure is kept for the caller, not thrown through Eleventy's error
 * report (which prints a stack trace a writer should never see).
 */
export function addPageWriter(eleventyConfig: EleventyConfig, writePages: (outputDir: string) => Promise<void>, failed: { error?: unknown }): void {
  eleventyConfig.on("eleventy.after", ({ directories }) => writePages(directories.output).catch((error: unknown) => void (failed.error ??= error)));
}

/** Eleventy, as `npm run build` runs it: into `output`, quietly; throws what `writePages` threw. */
export async function runHosted(output: string, writePages: (outputDir: string) => Promise<void>): Promise<void> {
  const { default: Eleventy } = await import("@11ty/eleventy");
  const failed: { error?: unknown } = {};
  const eleventy = new Eleventy(ELEVENTY_INPUT, output, {
    quietMode: true,
    configPath: CONFIG_FILE,
    config: (eleventyConfig: EleventyConfig) => addPageWriter(eleventyConfig, writePages, failed),
  });
  // The build prints its own summary; Eleventy's would count only the copied assets.
  eleventy.disableLogger();
  await eleventy.write();
  if (failed.error) throw failed.error;
}
