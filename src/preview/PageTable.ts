import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteBuild } from "../build/SiteBuild.ts";
import type { Article } from "../model/types.ts";
import { jsxToHtml } from "../eleventy/jsxToHtml.ts";

/**
 * Every page of a build, from the page modules in src/pages, as Eleventy would write them:
 * each module's `pagination` (one entry a page, under its alias, with its `before`), its
 * `permalink` and its `render`. The preview renders pages one at a time from this table
 * instead of running Eleventy, which renders every page of the site on any change (all of
 * them read the one `build` global): with the table, a saved article's page is rendered
 * alone, first. `test/unit/preview.test.ts` checks that the pages are those of `npm run build`.
 */
export interface SitePage {
  /** Below the output folder, with forward slashes: `2016/07/15/talks/index.html`. */
  outputPath: string;
  template: string;
  render(): Promise<string>;
}

/** The part of Eleventy's JavaScript template front matter that src/pages uses. */
interface PageModule {
  data: {
    permalink: string | ((data: Record<string, unknown>) => string);
    pagination?: {
      data: string;
      size?: number;
      alias?: string;
      before?: (entries: unknown[], full: { build: SiteBuild }) => unknown[];
    };
  };
  render(data: Record<string, unknown>): unknown;
}

export interface Template {
  file: string;
  module: PageModule;
}

/** The page templates in `pagesDir` (Eleventy's input folder). */
export async function loadTemplates(pagesDir: string): Promise<Template[]> {
  const files = readdirSync(pagesDir).filter((f) => /\.11ty\.tsx?$/.test(f)).sort();
  const templates: Template[] = [];
  for (const file of files) {
    const module: unknown = await import(pathToFileURL(join(pagesDir, file)).href);
    templates.push({ file, module: checkedModule(file, module) });
  }
  return templates;
}

function checkedModule(file: string, module: unknown): PageModule {
  const m = module as Partial<PageModule>;
  const pagination = m.data?.pagination;
  const fail = (why: string) => new Error(`preview: src/pages/${file} ${why}; the preview renders templates itself (src/preview/PageTable.ts) and would not write it as Eleventy does`);
  if (typeof m.render !== "function" || !m.data) throw fail("exports no `data` and `render`");
  if (typeof m.data.permalink !== "string" && typeof m.data.permalink !== "function") throw fail("has no permalink");
  if (pagination && ((pagination.size ?? 1) !== 1 || !pagination.alias)) throw fail("paginates other than one aliased entry a page");
  return m as PageModule;
}

export class PageTable {
  private readonly byTemplate = new Map<Template, SitePage[]>();
  private readonly byPath = new Map<string, SitePage>();
  /** Templates not yet listed in `byPath`, those with the fewest pages first. */
  private unindexed?: Template[];

  constructor(
    readonly build: SiteBuild,
    private readonly templates: readonly Template[],
  ) {}

  /** Every page, template by template. */
  *all(): Generator<SitePage> {
    for (const template of this.templates) yield* this.pagesOf(template);
  }

  /**
   * The page of one article, from its entry alone: enumerating the ten thousand article
   * pages to find it by path took longer than rendering it.
   */
  articlePage(article: Article): SitePage | undefined {
    const template = this.templates.find((t) => t.module.data.pagination?.data === "build.pages.article");
    const entry = this.build.pages.article.find((e) => e.article === article);
    if (!template || !entry) return undefined;
    return this.page(template, { build: this.build, [template.module.data.pagination!.alias!]: entry });
  }

  /** The page written at `outputPath`; templates are enumerated only as far as needed. */
  find(outputPath: string): SitePage | undefined {
    const path = normalise(outputPath);
    // Small templates first: a listing page is then found without listing ten thousand articles.
    this.unindexed ??= [...this.templates].sort((a, b) => this.sizeOf(a) - this.sizeOf(b));
    while (!this.byPath.has(path) && this.unindexed.length > 0) {
      for (const page of this.pagesOf(this.unindexed.shift()!)) if (!this.byPath.has(page.outputPath)) this.byPath.set(page.outputPath, page);
    }
    return this.byPath.get(path);
  }

  /** How many pages a template has, without making them (those listed by `before` count as the most). */
  private sizeOf({ module }: Template): number {
    const pagination = module.data.pagination;
    if (!pagination) return 1;
    if (pagination.before) return Number.MAX_SAFE_INTEGER;
    const listed = valueAt({ build: this.build }, pagination.data);
    return Array.isArray(listed) ? listed.length : 0;
  }

  private pagesOf(template: Template): SitePage[] {
    let pages = this.byTemplate.get(template);
    if (!pages) {
      pages = this.enumerate(template);
      this.byTemplate.set(template, pages);
    }
    return pages;
  }

  private enumerate({ file, module }: Template): SitePage[] {
    const base = { build: this.build };
    const pagination = module.data.pagination;
    const datas: Record<string, unknown>[] = [];
    if (!pagination) {
      datas.push(base);
    } else {
      const listed = valueAt(base, pagination.data);
      if (!Array.isArray(listed)) throw new Error(`preview: src/pages/${file} paginates over ${pagination.data}, which is not a list`);
      const entries = pagination.before ? pagination.before(listed, base) : listed;
      for (const entry of entries) datas.push({ ...base, [pagination.alias!]: entry });
    }
    return datas.map((data) => this.page({ file, module }, data));
  }

  private page({ file, module }: Template, data: Record<string, unknown>): SitePage {
    const permalink = module.data.permalink;
    const jsx = file.endsWith(".tsx");
    return {
      outputPath: normalise(typeof permalink === "string" ? permalink : permalink(data)),
      template: file,
      // As src/eleventy/config.ts has Eleventy do it: TSX through jsxToHtml, TypeScript templates return text.
      render: async () => {
        const out = await module.render(data);
        return jsx ? await jsxToHtml(out) : String(out);
      },
    };
  }
}

function normalise(path: string): string {
  return path.startsWith("/") ? path.slice(1) : path;
}

/** `build.pages.article` on `{ build }`. */
function valueAt(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split(".")) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
