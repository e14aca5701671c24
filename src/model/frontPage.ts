import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { DateTime } from "luxon";
import { distance } from "fastest-levenshtein";
import { splitYaml } from "./yamlFile.ts";
import { ContentFolder } from "./contentFile.ts";
import { reportNotText } from "./characters.ts";
import { allowedEdits, edits } from "./registry.ts";
import type { ProblemList } from "./problems.ts";
import type { Article } from "./types.ts";
import type { Settings } from "./loadContent.ts";
import { displayPath } from "./loadContent.ts";
import { parseDate } from "../text/dates.ts";
import { slugify } from "../text/slug.ts";

/**
 * The edited front page: which story leads each edition and which are its top stories,
 * chosen by the desk in one small file, `content/frontpage.yaml`:
 *
 *   en:
 *     lead: moscow-talks-live
 *     top:
 *       - { story: 2016-07-15-kremlin-talks.md, until: 2016-07-16T09:00:00+03:00 }
 *
 * One file rather than a `priority:` field in stories: changing the lead in a hurry is one
 * line in one place (not two stories edited, the old lead's flag removed and the new one's
 * set); writers' story files and the desk's picks never conflict in a merge; and a new lead
 * changes the front pages alone, where a field would change the stories' own files and with
 * them every page that shows them. Picks past their `until` lapse at the build's clock.
 */
export interface EditionPicks {
  lead?: Article;
  /** In the order the desk gave. */
  top: Article[];
}

/** Each edition's picks in force, by language; an edition with none is absent. */
export type FrontPagePicks = ReadonlyMap<string, EditionPicks>;

export const FRONT_PAGE_FILE = join("content", "frontpage.yaml");
const SECTION_FIELDS = ["lead", "top"];
const PICK_FIELDS = ["story", "until"];

/**
 * Reads content/frontpage.yaml, if there is one, against every article read (`all`): every
 * problem on its line, a story no one can find with a suggestion. Never throws.
 */
export function loadFrontPage(root: string, { site, languages }: Settings, all: readonly Article[], now: DateTime, problems: ProblemList): FrontPagePicks {
  const picks = new Map<string, EditionPicks>();
  const path = join(root, FRONT_PAGE_FILE);
  if (!existsSync(path)) return picks;
  const file = displayPath(root)(path);
  const read = new ContentFolder(join(root, "content")).read(path);
  if (!read.ok) {
    problems.error(file, undefined, read.message);
    return picks;
  }
  const yaml = splitYaml(read.text);
  if (!yaml.ok) {
    for (const e of yaml.errors) problems.error(file, e.line, e.message);
    return picks;
  }
  reportNotText(yaml.file, file, problems, read.text);
  const { data, lineOf } = yaml.file;
  // An edition's own line: `lineOf` gives its value's, the line below `fr:`.
  const lines = read.text.split(/\r?\n/);
  const keyLine = (lang: string) => lines.findIndex((l) => l.startsWith(`${lang}:`)) + 1 || lineOf([lang]);
  const codes = languages.map((l) => l.lang);
  const newest = [...all].sort((a, b) => b.date.toMillis() - a.date.toMillis());
  for (const [lang, section] of Object.entries(data)) {
    if (!codes.includes(lang)) {
      problems.error(file, keyLine(lang), `"${lang}" is not an edition: the front pages are ${codes.map((c) => `${c}:`).join(", ")}`);
      continue;
    }
    if (section === null || section === undefined) continue;
    if (typeof section !== "object" || Array.isArray(section)) {
      problems.error(file, keyLine(lang), `${lang}: must hold \`lead:\` and \`top:\`, each on its own line below it`);
      continue;
    }
    const edition: EditionPicks = { top: [] };
    const seen = new Map<Article, string>();
    const pick = (value: unknown, at: (string | number)[]): Article | undefined => {
      const field = at.join(".");
      const line = lineOf(at);
      const given = pickOf(value);
      if (typeof given === "string") {
        problems.error(file, line, `${field}: ${given}`);
        return undefined;
      }
      if (!given) return undefined;
      for (const key of given.unknown) {
        const near = PICK_FIELDS.find((f) => distance(f, key.toLowerCase()) <= 2);
        problems.warn(file, lineOf([...at, key]), `${field}: unknown field "${key}" is ignored${near ? ` — did you mean "${near}"?` : ""}`);
      }
      let until: DateTime | undefined;
      if (given.until !== undefined) {
        const parsed = parseDate(given.until, site.timeZone);
        if (!parsed.ok) {
          problems.error(file, lineOf([...at, "until"]), `${field}.until: "${given.until}" ${parsed.reason}`);
          return undefined;
        }
        until = parsed.value;
      }
      const storyLine = typeof value === "object" && value !== null ? lineOf([...at, "story"]) : line;
      const found = findStory(given.story, newest, lang, site.baseUrl);
      const problem = found.article ? pickProblem(found.article, lang) : missingMessage(given.story, newest, lang);
      if (problem) {
        problems.error(file, storyLine, `${field}: ${problem}`);
        return undefined;
      }
      const article = found.article!;
      const earlier = seen.get(article);
      if (earlier) problems.warn(file, storyLine, `${field}: "${given.story}" is already picked as ${earlier}: it is shown once, there`);
      else seen.set(article, field);
      // Judged at the build's clock: the publish path rebuilds often enough for a pick to lapse on time.
      return until && until <= now ? undefined : earlier ? undefined : article;
    };
    const fields = section as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (SECTION_FIELDS.includes(key)) continue;
      const near = SECTION_FIELDS.find((f) => distance(f, key.toLowerCase()) <= 2);
      problems.warn(file, lineOf([lang, key]), `${lang}: unknown field "${key}" is ignored${near ? ` — did you mean "${near}"?` : ""}`);
    }
    edition.lead = pick(fields.lead, [lang, "lead"]);
    const top = fields.top === undefined || fields.top === null ? [] : Array.isArray(fields.top) ? fields.top : [fields.top];
    top.forEach((value, i) => {
      const article = pick(value, Array.isArray(fields.top) ? [lang, "top", i] : [lang, "top"]);
      if (article) edition.top.push(article);
    });
    if (edition.lead || edition.top.length > 0) picks.set(lang, edition);
  }
  return picks;
}

/** A pick as written: a story alone, or `{ story, until }`; a string says what is wrong. */
function pickOf(value: unknown): { story: string; until?: string; unknown: string[] } | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object") return { story: String(value).trim(), unknown: [] };
  if (Array.isArray(value)) return "must be one story, not a list (several stories go under top:)";
  const fields = value as Record<string, unknown>;
  const story = fields.story;
  if (story === null || story === undefined || typeof story === "object" || String(story).trim() === "") return "story: is required: the story's file name, slug or address";
  const until = fields.until;
  if (until !== undefined && until !== null && typeof until === "object") return "until: must be a date such as 2016-07-16T09:00:00+03:00";
  return {
    story: String(story).trim(),
    until: until === undefined || until === null ? undefined : String(until),
    unknown: Object.keys(fields).filter((k) => !PICK_FIELDS.includes(k)),
  };
}

/**
 * The story a pick names: by address (`/2016/07/15/slug/`, with or without the site's base
 * URL, as copied from a browser), by file (`2016-07-15-slug.md`, or its path), or by slug.
 * A slug several days share names the newest story of the edition with it.
 */
function findStory(ref: string, newest: readonly Article[], lang: string, baseUrl: string): { article?: Article } {
  let text = ref.startsWith(baseUrl) ? ref.slice(baseUrl.length) : ref;
  const byLang = (list: Article[]) => list.find((a) => a.lang === lang) ?? list[0];
  if (/^\/|^\d{4}\/\d{2}\/\d{2}\//.test(text)) {
    text = safeDecode(text.split(/[?#]/)[0]!);
    const url = `/${text.replace(/^\/+|\/+$/g, "")}/`;
    return { article: newest.find((a) => safeDecode(a.url) === url) };
  }
  if (text.endsWith(".md")) {
    const path = text.replace(/^\.?\/?(?:content\/)?/, "");
    const matches = newest.filter((a) => (path.includes("/") ? a.source.replace(/^content\//, "") === path.replace(/^(?!articles\/)/, "articles/") : basename(a.source) === path));
    return { article: byLang(matches) };
  }
  const slug = slugify(text.replace(/^\d{4}-\d{2}-\d{2}-/, ""));
  const matches = newest.filter((a) => basename(a.source, ".md") === text || a.slug === slug);
  return { article: byLang(matches) };
}

/** Why a found story cannot be on `lang`'s front page, if it cannot. */
function pickProblem(article: Article, lang: string): string | undefined {
  if (article.lang !== lang) return `${article.source} is in the "${article.lang}" edition, not "${lang}": pick it under ${article.lang}:`;
  if (article.draft) return `${article.source} is a draft, so it is not published: publish it (remove \`draft: true\`) or pick another story`;
  if (article.scheduled) return `${article.source} is scheduled for ${article.date.toFormat("yyyy-MM-dd HH:mm")} and not published yet: pick it once it is`;
  return undefined;
}

/** The message for a story no article answers to, with the likeliest one meant (the typo rules of registry names). */
function missingMessage(ref: string, newest: readonly Article[], lang: string): string {
  const key = slugify(basename(ref, ".md").replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\/+$/, "").split("/").at(-1) ?? ref);
  const allowed = Math.max(allowedEdits(key), key.length >= 5 ? 1 : 0);
  let best: { d: number; article: Article } | undefined;
  for (const a of newest) {
    if (a.lang !== lang || a.draft || a.scheduled || Math.abs(a.slug.length - key.length) > allowed) continue;
    const d = edits(a.slug, key);
    if (d > 0 && d <= allowed && (!best || d < best.d)) best = { d, article: a };
  }
  const how = "name it by its file name (2016-07-15-slug.md), its slug or its address (/2016/07/15/slug/)";
  return best
    ? `no story "${ref}" — did you mean "${best.article.slug}" (${best.article.source})?`
    : `no story "${ref}" is published: ${how}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
