import { z } from "zod";
import { DateTime } from "luxon";
import { parseDate } from "../text/dates.ts";
import { PlainScalar, scalarValue } from "./yamlFile.ts";

/**
 * The content contract (design/CONTENT.md) as schemas: the single source of the
 * frontmatter types, of validation in `build` and `check`, and of `new`'s scaffold.
 */

/**
 * Plain text a writer types: trimmed, stray leading combining marks (source artefacts)
 * removed. A number or true/false is kept as it was typed (`title: 007` is "007").
 */
const text = z
  .union([z.string(), z.number(), z.instanceof(PlainScalar)])
  .transform((v) => (v instanceof PlainScalar ? v.text : String(v)).replace(/^\s*\p{M}+/u, "").trim());
const requiredText = text.pipe(z.string().min(1));
/** A person's or topic's name: runs of spaces (a line-wrapped YAML value, a double space) are one space. */
const nameText = requiredText.transform((v) => v.replace(/\s+/g, " "));
/**
 * An optional field a writer may leave blank (`dateline:` with nothing after it, as the
 * `npm run new` scaffold has it): blank means absent.
 */
const optionalText = z
  .preprocess((v) => (v === null ? undefined : v), text.optional())
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A list that a writer may also give as a single value. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** A language code of an edition (src/i18n/languages.ts says which the code knows). */
export type Lang = string;

const dateIn = (timeZone: string) =>
  z.string({ error: "must be a date such as 2016-07-15T14:20:00+03:00" }).transform((s, ctx): DateTime => {
    const parsed = parseDate(s, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `"${s}" ${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.value;
  });

/**
 * A time a writer may leave out: blank or `false` mean none. `true` is refused with `missing`,
 * which says what time the field wants (`breaking: true` would otherwise mean "for ever").
 */
const optionalTime = (timeZone: string, missing: string) =>
  z.unknown().transform((raw, ctx): DateTime | undefined => {
    const v = scalarValue(raw);
    if (v === undefined || v === null || v === false) return undefined;
    if (v === true) {
      ctx.addIssue({ code: "custom", message: missing });
      return z.NEVER;
    }
    if (typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: `must be a date such as 2016-07-15T21:00:00+03:00, not ${Array.isArray(v) ? "a list" : typeof v}` });
      return z.NEVER;
    }
    const parsed = parseDate(v, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `"${v}" ${parsed.reason}` });
      return z.NEVER;
    }
    return parsed.value;
  });

/**
 * `live:` of a live story (src/model/live.ts): `true` while it runs, `false` once closed, or
 * the time its coverage ends (open until then, closed after).
 */
const liveField = (timeZone: string) =>
  z.unknown().transform((raw, ctx): boolean | DateTime | undefined => {
    const v = scalarValue(raw);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "boolean") return v;
    if (typeof v !== "string") {
      ctx.addIssue({ code: "custom", message: "must be true (the story is live), false (closed) or the time its coverage ends, such as 2016-07-15T23:00:00+03:00" });
      return z.NEVER;
    }
    const parsed = parseDate(v, timeZone);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: `"${v}" ${parsed.reason}; or write true (the story is live) or false (closed)` });
      return z.NEVER;
    }
    return parsed.value;
  });

export const ImageSchema = z.object({
  src: requiredText,
  alt: requiredText,
  caption: optionalText,
  credit: optionalText,
});

export function articleFrontmatterSchema(timeZone: string, defaultLang: Lang, languages: readonly Lang[]) {
  const date = dateIn(timeZone);
  return z
    .object({
      title: requiredText,
      date,
      updated: z.preprocess((v) => (v === null ? undefined : v), date.optional()),
      dateline: optionalText,
      summary: optionalText,
      people: list(nameText).default([]),
      topics: list(nameText).default([]),
      author: optionalText,
      image: ImageSchema.optional(),
      corrections: list(z.object({ date, text: requiredText })).default([]),
      draft: z.preprocess(scalarValue, z.boolean({ error: "must be true or false" }).default(false)),
      lang: z.string({ error: `must be one of ${languages.join(", ")}` })
        .refine((l) => languages.includes(l), { message: `must be one of ${languages.join(", ")}` })
        .default(defaultLang),
      translation: optionalText,
      breaking: optionalTime(timeZone, "give the time the breaking banner comes down, such as `breaking: 2016-07-15T21:00:00+03:00`: a banner on every page needs an end").optional(),
      live: liveField(timeZone).optional(),
    })
    .superRefine((fm, ctx) => {
      if (fm.updated && fm.updated < fm.date) {
        ctx.addIssue({ code: "custom", path: ["updated"], message: "must not be before `date`" });
      }
      if (fm.breaking && fm.breaking <= fm.date) {
        ctx.addIssue({ code: "custom", path: ["breaking"], message: "the banner would come down before the story is published: give a time after `date`" });
      }
      if (fm.live instanceof DateTime && fm.live < fm.date) {
        ctx.addIssue({ code: "custom", path: ["live"], message: "the coverage would end before the story is published: give a time after `date`, or `false` to close it" });
      }
      fm.corrections.forEach((c, i) => {
        if (c.date < fm.date) ctx.addIssue({ code: "custom", path: ["corrections", i, "date"], message: "a correction cannot be dated before the article" });
      });
    });
}

export type ArticleFrontmatter = z.output<ReturnType<typeof articleFrontmatterSchema>>;
export type ArticleImage = z.output<typeof ImageSchema>;
export const ARTICLE_FIELDS = ["title", "date", "updated", "dateline", "summary", "people", "topics", "author", "image", "corrections", "draft", "lang", "translation", "breaking", "live"] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

/**
 * What `npm run new` writes, in this order, each with its hint as a YAML comment: the
 * fields most stories need. The rest are in docs/writing.md.
 */
export const SCAFFOLD_FIELDS: readonly { field: ArticleField; hint: string }[] = [
  { field: "title", hint: "the headline, plain text" },
  { field: "date", hint: "publication time; a later time schedules the story" },
  { field: "dateline", hint: "where it was filed from, e.g. Damascus" },
  { field: "summary", hint: "one or two sentences; blank: the first paragraph" },
  { field: "people", hint: "names, aliases or slugs from content/people/" },
  { field: "topics", hint: "names, aliases or slugs from content/topics/" },
  { field: "draft", hint: "delete this line to publish" },
];

const url = z.url({ protocol: /^https?$/, error: "must be a web address (https://…)" });

const registryBase = {
  name: nameText,
  slug: optionalText,
  aliases: list(nameText).default([]),
  description: optionalText,
  sameAs: list(url).default([]),
};

/** What a registry entry may give in another language: `nameAr`, `roleAr`, `descriptionAr` for `ar`. */
export const TRANSLATED_FIELDS = ["name", "role", "description"] as const;
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** `nameAr` for ("name", "ar"): the field a registry file gives a translation in. */
export function translatedField(field: TranslatedField, lang: Lang): string {
  return `${field}${lang.charAt(0).toUpperCase()}${lang.slice(1)}`;
}

/**
 * A person's or topic's file. Translations are fields named after the language (`nameAr`,
 * `roleFr`), for every language the code knows; they leave the schema as a per-language map.
 */
export function registrySchema(kind: "person" | "topic", languages: readonly Lang[]) {
  const translated: Record<string, typeof optionalText> = {};
  for (const lang of languages) for (const field of TRANSLATED_FIELDS) translated[translatedField(field, lang)] = optionalText;
  return z
    .object({ ...registryBase, role: optionalText, ...translated })
    .transform((fm) => {
      const translations: Record<Lang, Partial<Record<TranslatedField, string>>> = {};
      for (const lang of languages) {
        const text: Partial<Record<TranslatedField, string>> = {};
        for (const field of TRANSLATED_FIELDS) {
          const value = (fm as unknown as Record<string, string | undefined>)[translatedField(field, lang)];
          if (value) text[field] = field === "name" ? value.replace(/\s+/g, " ") : value;
        }
        if (Object.keys(text).length > 0) translations[lang] = text;
      }
      return {
        name: fm.name, slug: fm.slug, aliases: fm.aliases, description: fm.description, sameAs: fm.sameAs,
        role: kind === "person" ? fm.role : undefined,
        translations,
      };
    });
}
export type RegistryFrontmatter = z.output<ReturnType<typeof registrySchema>>;

/** The fields a registry file may have (others are reported as unknown). */
export function registryFields(kind: "person" | "topic", languages: readonly Lang[]): string[] {
  const translated = languages.flatMap((lang) => TRANSLATED_FIELDS.filter((f) => kind === "person" || f !== "role").map((f) => translatedField(f, lang)));
  return ["name", "slug", "aliases", "description", "sameAs", ...(kind === "person" ? ["role"] : []), ...translated];
}
