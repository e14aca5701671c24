import { readFileSync } from "node:fs";
import { z } from "zod";
import { IANAZone } from "luxon";
import { splitYaml } from "./yamlFile.ts";
import { ContentError, ProblemList } from "./problems.ts";
import { zodProblems } from "./zodProblems.ts";
import { LANGUAGES } from "../i18n/languages.ts";

/** Name, agency, locale and digits of one language edition; what is left out comes from the language (src/i18n/languages.ts). */
export const EditionSettingsSchema = z.object({
  name: z.string().trim().min(1).optional(),
  agency: z.string().trim().min(1).optional(),
  description: z.string().optional(),
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
  name: z.string().trim().min(1),
  agency: z.string().trim().min(1),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, "")),
  /** The default edition, published at the site's root; the others go under `/<lang>/`. */
  lang: language.default("en"),
  /** Overrides for the default edition (otherwise its language's own). */
  dir: z.enum(["ltr", "rtl"]).optional(),
  locale: z.string().optional(),
  timeZone: z.string().refine((tz) => IANAZone.isValidZone(tz), { message: "is not an IANA time zone such as Asia/Damascus" }),
  articlesPerPage: z.number().int().min(1).max(500).default(20),
  allowHtml: z.boolean().default(false),
  description: z.string().default(""),
  /** Per-language settings of the editions other than the default one (and overrides for it). */
  editions: z.record(language, EditionSettingsSchema).default({}),
  });
}

export type SiteConfig = z.output<ReturnType<typeof siteConfigSchema>>;

export function readSiteConfig(path: string, displayPath = path, languages: readonly string[] = LANGUAGES.map((l) => l.lang)): SiteConfig {
  const problems = new ProblemList();
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch {
    problems.error(displayPath, undefined, "cannot be read: run the command in the bulletin's folder, the one holding content/site.yaml");
    throw new ContentError(problems.items);
  }
  const yaml = splitYaml(raw);
  if (!yaml.ok) {
    for (const e of yaml.errors) problems.error(displayPath, e.line, e.message);
    throw new ContentError(problems.items);
  }
  const result = siteConfigSchema(languages).safeParse(yaml.file.data, { reportInput: true });
  if (!result.success) {
    zodProblems(result.error, displayPath, yaml.file.lineOf, problems);
    throw new ContentError(problems.items);
  }
  return result.data;
}
