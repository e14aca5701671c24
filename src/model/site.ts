import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { IANAZone } from "luxon";
import { PlainScalar, scalarValue, splitYaml } from "./yamlFile.ts";
import { ContentError, ProblemList } from "./problems.ts";
import { zodProblems } from "./zodProblems.ts";
import { reportNotText } from "./characters.ts";
import { ContentFolder } from "./contentFile.ts";
import { LANGUAGES } from "../i18n/languages.ts";

/** A setting that is text: a plain number or true/false keeps the text it was typed as (`name: 1984`). */
const text = z.preprocess((v) => (v instanceof PlainScalar ? v.text : v), z.string());

/**
 * An X (Twitter) account, `@SANA_English` or `SANA_English`, kept as `@SANA_English`: shared
 * links name it in `twitter:site`. Names are 1-15 letters, digits and underscores.
 */
const twitterAccount = text.pipe(
  z.string().trim().regex(/^@?[A-Za-z0-9_]{1,15}$/, { message: "must be an X (Twitter) account name such as @SANA_English: letters, digits and _, at most 15" }),
).transform((name) => (name.startsWith("@") ? name : `@${name}`));

/** Name, agency, locale and digits of one language edition; what is left out comes from the language (src/i18n/languages.ts). */
export const EditionSettingsSchema = z.object({
  name: text.pipe(z.string().trim().min(1)).optional(),
  agency: text.pipe(z.string().trim().min(1)).optional(),
  /** The edition's own X (Twitter) account, when it is not the bulletin's. */
  twitterSite: twitterAccount.optional(),
  description: text.optional(),
  locale: z.string().optional(),
  /** Digits in dates: "latn" (0-9) or "arab" (Arabic-Indic ٠-٩). */
  numberingSystem: z.enum(["latn", "arab"]).optional(),
});
export type EditionSettings = z.output<typeof EditionSettingsSchema>;

/**
 * The bulletin's settings, from `content/site.yaml`. One typed object; nothing else holds them.
 * `languages` are the codes the code knows (src/i18n/languages.ts): the default edition and
 * every edition's settings must be in one of them.
 */
export function siteConfigSchema(languages: readonly string[]) {
  const language = z.string().refine((l) => languages.includes(l), { message: `must be one of ${languages.join(", ")}` });
  return z.object({
  name: text.pipe(z.string().trim().min(1)),
  agency: text.pipe(z.string().trim().min(1)),
  baseUrl: text.transform((raw, ctx) => {
    const problem = baseUrlProblem(raw.trim());
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return new URL(raw.trim()).origin;
  }),
  /** The default edition, published at the site's root; the others go under `/<lang>/`. */
  lang: language.default("en"),
  /** Overrides for the default edition (otherwise its language's own). */
  dir: z.enum(["ltr", "rtl"]).optional(),
  locale: z.string().optional(),
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { message: "is not an IANA time zone such as Asia/Damascus" }),
  articlesPerPage: z.preprocess(scalarValue, z.number().int().min(1).max(500).default(20)),
  allowHtml: z.preprocess(scalarValue, z.boolean().default(false)),
  /** URLs per sitemap file; past it, /sitemap.xml is an index of files by year (src/seo/sitemap.ts). The protocol's own limit is 50,000. */
  sitemapMaxUrls: z.preprocess(scalarValue, z.number().int().min(1, { message: "must be at least 1" }).max(50_000, { message: "must be at most 50000, the sitemap protocol's limit a file" }).default(50_000)),
  description: text.default(""),
  /** The bulletin's X (Twitter) account, for `twitter:site` on shared links; optional. */
  twitterSite: twitterAccount.optional(),
  /** Per-language settings of the editions other than the default one (and overrides for it). */
  editions: z.record(language, EditionSettingsSchema).default({}),
  });
}

export type SiteConfig = z.output<ReturnType<typeof siteConfigSchema>>;

/**
 * What is wrong with a base URL, if anything. It must be an origin alone: the site writes
 * every link from the root of its domain (`/2016/07/15/…`, `/assets/site.css`), so a path
 * would give canonical URLs and feeds that the links on the pages contradict, and a query or
 * fragment would be copied into every canonical URL and sitemap entry.
 */
export function baseUrlProblem(raw: string): string | undefined {
  const example = "such as https://bulletin.example.org";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `"${raw}" is not a web address: give the site's address, ${example}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `"${raw}" must start with https:// (or http://), ${example}`;
  if (url.username || url.password) return `"${raw}" must not hold a user name or password: give the public address, ${example}`;
  if (url.search || raw.includes("?")) return `"${raw}" must not have a query (?…): it would be copied into every canonical URL and sitemap entry — give the address alone, ${example}`;
  if (url.hash || raw.includes("#")) return `"${raw}" must not have a fragment (#…): it would be copied into every canonical URL and sitemap entry — give the address alone, ${example}`;
  if (url.pathname !== "/") {
    return `"${raw}" has a path (${url.pathname}), which is not supported: every link the site writes starts at the root of its domain (/2016/…, /assets/…), so it must be served from the root — give the address alone, ${example}, or serve the bulletin from a domain of its own`;
  }
  return undefined;
}

export function readSiteConfig(path: string, displayPath = path, languages: readonly string[] = LANGUAGES.map((l) => l.lang)): SiteConfig {
  const problems = new ProblemList();
  if (!existsSync(path)) {
    problems.error(displayPath, undefined, "cannot be read: run the command in the bulletin's folder, the one holding content/site.yaml");
    throw new ContentError(problems.items);
  }
  const read = new ContentFolder(dirname(path)).read(path);
  if (!read.ok) {
    problems.error(displayPath, undefined, read.message);
    throw new ContentError(problems.items);
  }
  const yaml = splitYaml(read.text);
  if (!yaml.ok) {
    for (const e of yaml.errors) problems.error(displayPath, e.line, e.message);
    throw new ContentError(problems.items);
  }
  reportNotText(yaml.file, displayPath, problems, read.text);
  const result = siteConfigSchema(languages).safeParse(yaml.file.data, { reportInput: true });
  if (!result.success) zodProblems(result.error, displayPath, yaml.file.lineOf, problems);
  if (!result.success || problems.hasErrors) throw new ContentError(problems.items);
  return result.data;
}
