import { z } from "zod";
import type { DateTime } from "luxon";
import { parseDate } from "../text/dates.ts";

/**
 * The content contract (design/CONTENT.md) as schemas: the single source of the
 * frontmatter types, of validation in `build` and `check`, and of `new`'s scaffold.
 */

/** Plain text a writer types: trimmed, stray leading combining marks (source artefacts) removed. */
const text = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).replace(/^\s*\p{M}+/u, "").trim());
const requiredText = text.pipe(z.string().min(1));

/** A list that a writer may also give as a single value. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const LANGUAGES = ["en", "ar"] as const;
export type Lang = (typeof LANGUAGES)[number];

const dateIn = (timeZone: string) =>
  z.string({ error: "must be a date such as 2016-07-15T14:20:00+03:00" }).transform((s, ctx): DateTime => {
    const parsed = parseDate(s, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `"${s}" ${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.value;
  });

export const ImageSchema = z.object({
  src: requiredText,
  alt: requiredText,
  caption: text.optional(),
  credit: text.optional(),
});

export function articleFrontmatterSchema(timeZone: string, defaultLang: Lang) {
  const date = dateIn(timeZone);
  return z
    .object({
      title: requiredText,
      date,
      updated: date.optional(),
      dateline: text.optional(),
      summary: text.optional(),
      people: list(requiredText).default([]),
      topics: list(requiredText).default([]),
      author: text.optional(),
      image: ImageSchema.optional(),
      corrections: list(z.object({ date, text: requiredText })).default([]),
      draft: z.boolean({ error: "must be true or false" }).default(false),
      lang: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` }).default(defaultLang),
      translation: text.optional(),
    })
    .superRefine((fm, ctx) => {
      if (fm.updated && fm.updated < fm.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: "must not be before `date`" });
      }
      fm.corrections.forEach((c, i) => {
        if (c.date < fm.date) ctx.addIssue({ code: "custom", path: ["corrections", i, "date"], message: "a correction cannot be dated before the article" });
      });
    });
}

export type ArticleFrontmatter = z.output<ReturnType<typeof articleFrontmatterSchema>>;
export type ArticleImage = z.output<typeof ImageSchema>;
export const ARTICLE_FIELDS = ["title", "date", "updated", "dateline", "summary", "people", "topics", "author", "image", "corrections", "draft", "lang", "translation"] as const;

const url = z.url({ protocol: /^https?$/, error: "must be a web address (https://…)" });

const registryBase = {
  name: requiredText,
  slug: text.optional(),
  aliases: list(requiredText).default([]),
  nameAr: text.optional(),
  description: text.optional(),
  sameAs: list(url).default([]),
};

export const PersonSchema = z.object({ ...registryBase, role: text.optional(), roleAr: text.optional() });
export const TopicSchema = z.object({ ...registryBase, descriptionAr: text.optional() });
export type PersonFrontmatter = z.output<typeof PersonSchema>;
export type TopicFrontmatter = z.output<typeof TopicSchema>;
export const REGISTRY_FIELDS = ["name", "slug", "aliases", "nameAr", "description", "descriptionAr", "sameAs", "role", "roleAr"] as const;
