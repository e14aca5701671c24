import { jsxToHtml } from "./jsxToHtml.ts";
import { currentBuild } from "../build/currentBuild.ts";
import type { SiteBuild } from "../build/SiteBuild.ts";
import { BULK_TEMPLATES, LISTING_TEMPLATES, SEARCHABLE_TEMPLATES, pageQueue, writeBulkPages, type BulkPage, type QueuedPage } from "../build/bulkPages.ts";
import { setImageOutputRoot } from "../images/responsiveImage.ts";
import { activeSearchIndexer } from "../search/searchIndexer.ts";
import { DESK_PASSTHROUGH } from "../desk/deskFiles.ts";

// Eleventy's config API is untyped JavaScript; this is the part we use.
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addExtension(exts: string[], options: Record<string, unknown>): void;
  addTemplateFormats(formats: string | string[]): void;
  addPassthroughCopy(paths: Record<string, string>): void;
  addWatchTarget(path: string): void;
  setWatchThrottleWaitTime(ms: number): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  on(event: "eleventy.before", handler: (arg: { directories: { output: string }; outputMode: string }) => void | Promise<void>): void;
  on(event: "eleventy.after", handler: (arg: { directories: { output: string }; outputMode: string; results: unknown[] }) => Promise<void>): void;
  ignores: Set<string>;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string | Promise<string>): void;
}

interface RenderThis {
  defaultRenderer(data: unknown): Promise<unknown>;
}

/** Registers everything the bulletin needs; reads like a table of contents. */
export default function configure(eleventyConfig: EleventyConfig) {
  // Content is read and validated by src/model, once per build, not as Eleventy templates.
  let thisBuild: SiteBuild | undefined;
  eleventyConfig.addGlobalData("build", () => (thisBuild ??= currentBuild()));
  eleventyConfig.addWatchTarget("content/");
  eleventyConfig.addWatchTarget("layouts/");

  // Page templates and layouts are TSX, rendered to strings that escape by default.
  eleventyConfig.addExtension(["11ty.tsx"], {
    key: "11ty.js",
    compile() {
      return async function (this: RenderThis, data: unknown) {
        const element = await this.defaultRenderer(data);
        return jsxToHtml(element);
      };
    },
  });
  eleventyConfig.addTemplateFormats("11ty.tsx");
  // Feeds, sitemaps and robots.txt are TypeScript templates returning finished text (src/feeds, src/seo).
  eleventyConfig.addExtension(["11ty.ts"], { key: "11ty.js" });
  eleventyConfig.addTemplateFormats("11ty.ts");

  eleventyConfig.addPassthroughCopy({ "layouts/assets": "assets" });
  eleventyConfig.addPassthroughCopy(DESK_PASSTHROUGH); // the web desk at /admin/ (src/desk/deskFiles.ts)
  // Article images are resized while pages render, into whichever folder this run writes.
  eleventyConfig.on("eleventy.before", ({ directories }) => setImageOutputRoot(directories.output));

  // Articles, listing pages and daily archives, by the thousand, are not paginated by Eleventy:
  // src/build/bulkPages.ts writes them (why: see there). Articles go first, so that Pagefind
  // indexes them, and writes its index, while everything else renders; whenever Pagefind
  // falls behind, listing pages render meanwhile, and the rest of them after Eleventy's pages.
  for (const file of Object.keys(BULK_TEMPLATES)) eleventyConfig.ignores.add(`src/pages/${file}`);
  let articlePages: BulkPage[] = [];
  let listings: Iterator<QueuedPage> | undefined;
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode }) => {
    if (outputMode !== "fs") return;
    thisBuild = currentBuild();
    listings = pageQueue(thisBuild, LISTING_TEMPLATES);
    articlePages = await writeBulkPages(thisBuild, directories.output, SEARCHABLE_TEMPLATES, { whileWaiting: listings });
    activeSearchIndexer()?.seal();
  });
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }) => {
    if (outputMode !== "fs" || !thisBuild) return;
    const build = thisBuild;
    thisBuild = undefined;
    // Listed with Eleventy's own results, so that whoever counts the pages written counts these.
    for (const page of articlePages) results.push(page);
    for (const page of await writeBulkPages(build, directories.output, listings ?? LISTING_TEMPLATES)) results.push(page);
    articlePages = [];
    listings = undefined;
  });
  eleventyConfig.setServerOptions({ showAllHosts: false, domDiff: false });
  // `npm run build` hands each article to Pagefind as soon as it is rendered (src/search/searchIndexer.ts).
  eleventyConfig.addTransform("search-index", function (content) {
    const behind = typeof content === "string" && this.page.outputPath ? activeSearchIndexer()?.add(this.page.outputPath, content) : undefined;
    return behind ? behind.then(() => content) : content;
  });

  return {
    dir: { input: "src/pages" },
    templateFormats: ["11ty.tsx", "11ty.ts"],
  };
}
