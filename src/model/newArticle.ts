import { basename, join, relative, sep } from "node:path";
import type { DateTime } from "luxon";
import { isoWithOffset, parseDate } from "../text/dates.ts";
import { markdownFiles } from "./loadContent.ts";
import { splitFrontmatter } from "./yamlFile.ts";
import { ContentFolder } from "./contentFile.ts";
import { slugify } from "../text/slug.ts";
import { SCAFFOLD_FIELDS, type ArticleField } from "./schema.ts";
import type { SiteConfig } from "./site.ts";

export type Scaffold = { ok: true; path: string; slug: string; date: DateTime; text: string } | { ok: false; message: string };

/** Slugs past this length are cut at a word boundary: a URL, not the whole headline. */
const MAX_SLUG = 80;

/**
 * The file `npm run new -- "Headline"` creates: `content/articles/YYYY/MM/YYYY-MM-DD-<slug>.md`
 * dated `now` in the bulletin's time zone, with the scaffold fields of the schema, as a draft.
 */
export function scaffoldArticle(headline: string, site: SiteConfig, now: DateTime): Scaffold {
  const title = headline.replace(/\s+/g, " ").trim();
  if (!title) return { ok: false, message: 'give the headline in quotes: npm run new -- "Putin meets Kerry in Moscow"' };
  const slug = shorten(slugify(title));
  if (!slug) return { ok: false, message: `"${title}" has no letters or digits to name the file after: give a headline with words in it` };
  const date = now.setZone(site.timeZone).startOf("minute");
  const day = date.toFormat("yyyy-MM-dd");
  const path = `content/articles/${date.toFormat("yyyy/MM")}/${day}-${slug}.md`;
  const values: Partial<Record<ArticleField, string>> = {
    title: JSON.stringify(title), // a JSON string is a YAML double-quoted string: colons and quotes stay safe
    date: isoWithOffset(date),
    dateline: "",
    summary: "",
    people: "[]",
    topics: "[]",
    draft: "true",
  };
  const lines = SCAFFOLD_FIELDS.map(({ field, hint }) => `${`${field}: ${values[field] ?? ""}`.trimEnd()}  # ${hint}`);
  if (site.lang !== "ar" && /\p{Script=Arabic}/u.test(title) && !/\p{Script=Latin}/u.test(title)) lines.push("lang: ar  # the Arabic edition");
  return { ok: true, path, slug, date, text: `---\n${lines.join("\n")}\n---\n\n` };
}

function shorten(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const dash = cut.lastIndexOf("-");
  return dash > 0 ? cut.slice(0, dash) : slug.slice(0, MAX_SLUG);
}

/**
 * An article elsewhere in content/articles/ that would have the same URL as the scaffold
 * (same slug, same day in the bulletin's time zone): `new` refuses rather than create a
 * file that `check` would then reject. Only files named with the same slug are read.
 */
export function sameUrlAs(root: string, site: SiteConfig, scaffold: { slug: string; date: DateTime }): string | undefined {
  const day = scaffold.date.toISODate();
  for (const path of markdownFiles(join(root, "content", "articles"))) {
    if (slugify(basename(path, ".md").replace(/^\d{4}-\d{2}-\d{2}-/, "")) !== scaffold.slug) continue;
    const read = new ContentFolder(join(root, "content")).read(path); // never a pipe: it would hang `new`
    const parsed = read.ok ? splitFrontmatter(read.text) : undefined;
    const date = parsed?.ok && typeof parsed.file.data.date === "string" ? parseDate(parsed.file.data.date, site.timeZone) : undefined;
    if (date?.ok && date.value.toISODate() === day) return relative(root, path).split(sep).join("/");
  }
  return undefined;
}
