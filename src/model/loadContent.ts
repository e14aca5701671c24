import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, resolve, sep, basename } from "node:path";
import type { z } from "zod";
import { DateTime } from "luxon";
import { splitFrontmatter, type SourceFile } from "./yamlFile.ts";
import { ProblemList, type Problem } from "./problems.ts";
import { zodProblems } from "./zodProblems.ts";
import { reportNotText } from "./characters.ts";
import { ContentFolder } from "./contentFile.ts";
import { clashMessage, nameProblems, registryNames, writtenNameProblems } from "./names.ts";
import { readSiteConfig, type SiteConfig } from "./site.ts";
import { Registry } from "./registry.ts";
import { articleFrontmatterSchema, registryFields, registrySchema, ARTICLE_FIELDS, type ArticleFrontmatter } from "./schema.ts";
import type { Article, Tag, TagKind } from "./types.ts";
import { slugify } from "../text/slug.ts";
import { articleUrl, editionPrefix } from "../urls.ts";
import { LANGUAGES, type Language } from "../i18n/languages.ts";
import { distance } from "fastest-levenshtein";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown } from "../text/markdown.ts";
import { readLiveCoverage, type LiveCoverage } from "./live.ts";
import { loadFrontPage, type FrontPagePicks } from "./frontPage.ts";
import { markdownFiles } from "./markdownFiles.mjs";

export { markdownFiles };

export interface LoadOptions {
  /** Project root: holds `content/`. */
  root: string;
  /** Build drafts and future-dated articles too (previews). */
  preview?: boolean;
  /** The build's "now"; articles dated after it are scheduled. */
  now?: DateTime;
  /** The languages the bulletin may be published in: the product's own unless a test adds one. */
  languages?: readonly Language[];
}

/** Everything read from `content/`, validated; `articles` holds only what is to be published. */
export interface Content extends Settings {
  site: SiteConfig;
  /** Articles to build: published ones, plus drafts and scheduled ones in preview. */
  articles: Article[];
  /** Every article read, including those left out. */
  all: Article[];
  people: Registry;
  topics: Registry;
  problems: Problem[];
  preview: boolean;
  /** The build's clock, in the bulletin's time zone: what "published" and "the last two days" are measured against. */
  now: DateTime;
  /** Article files found, valid or not (what `check` says it read). */
  articleFiles: number;
  /** The desk's picks for each edition's front page (content/frontpage.yaml), those lapsed at `now` left out. */
  frontPage: FrontPagePicks;
}

const toPosix = (p: string) => (sep === "/" ? p : p.split(sep).join("/"));

/**
 * Reads and validates all content. Never throws for bad content: every problem is in
 * `problems`, and the caller decides (build stops on errors, check prints them).
 */
export function loadContent(opts: LoadOptions): Content {
  const root = opts.root;
  const problems = new ProblemList();
  const settings = loadSettings(root, problems, opts.languages);
  const now = (opts.now ?? DateTime.now()).setZone(settings.site.timeZone);
  const preview = opts.preview ?? false;
  const readArticle = articleReader(root, settings, now);
  const all: Article[] = [];
  const articleFiles = markdownFiles(join(root, "content", "articles"));
  for (const path of articleFiles) {
    const article = readArticle(path, problems);
    if (article) all.push(article);
  }
  checkArticleSet(all, root, problems);
  const frontPage = loadFrontPage(root, settings, all, now, problems);
  return { ...settings, articles: articlesToBuild(all, preview), all, problems: problems.items, preview, now, articleFiles: articleFiles.length, frontPage };
}

/** What every article is read against: the bulletin's settings and its people and topics. */
export interface Settings {
  site: SiteConfig;
  people: Registry;
  topics: Registry;
  /** Every language an article may be in (src/i18n/languages.ts). */
  languages: readonly Language[];
}

/** content/site.yaml, content/people and content/topics, read and validated. */
export function loadSettings(root: string, problems: ProblemList, languages: readonly Language[] = LANGUAGES): Settings {
  const display = displayPath(root);
  const codes = languages.map((l) => l.lang);
  const site = readSiteConfig(join(root, "content", "site.yaml"), display(join(root, "content", "site.yaml")), codes);
  const folder = new ContentFolder(join(root, "content"));
  // A registry file's own fields are in the default edition's language; `name<Lang>` gives the others'.
  const translated = codes.filter((c) => c !== site.lang);
  const people = loadRegistry("person", folder, join(root, "content", "people"), display, problems, translated);
  const topics = loadRegistry("topic", folder, join(root, "content", "topics"), display, problems, translated);
  return { site, people, topics, languages };
}

/** Reads one article file (its full path): the Article, or undefined with its problems reported. */
export type ArticleReader = (path: string, problems: ProblemList) => Article | undefined;

/**
 * An article file read and validated on its own, before its names are resolved against the
 * registry: what the incremental build keeps between builds (src/publish/buildState.ts), so
 * that only the files that changed are read again.
 */
export interface ArticleFile {
  /** Path relative to the project root, as problems name it. */
  source: string;
  digest: string;
  slug: string;
  /** The frontmatter, people and topics as written. */
  fm: ArticleFrontmatter;
  body: string;
  bodyLine: number;
  /** The line of a frontmatter field (reads the file again when it came from the cache). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * The reader of article files for one bulletin: each file parsed and checked against the
 * schema, names not yet resolved. Exported for the preview and the incremental build.
 */
export function articleFileReader(root: string, { site, languages }: Settings): (path: string, problems: ProblemList) => ArticleFile | undefined {
  const display = displayPath(root);
  const schema = articleFrontmatterSchema(site.timeZone, site.lang, languages.map((l) => l.lang));
  const folder = new ContentFolder(join(root, "content"));
  return (path, problems) => {
    const file = display(path);
    const read = readValidated(folder, path, file, schema, ARTICLE_FIELDS, problems);
    if (!read) return undefined;
    const { src, data: fm, digest } = read;
    const slug = slugify(basename(path, ".md").replace(/^\d{4}-\d{2}-\d{2}-/, ""));
    if (!slug) {
      problems.error(file, undefined, "the file name gives an empty slug: name the file after the story, e.g. putin-meets-kerry.md");
      return undefined;
    }
    return { source: file, digest, slug, fm, body: src.body, bodyLine: src.bodyLine, lineOf: src.lineOf };
  };
}

/** The Markdown parser live updates are split with: one per settings (`allowHtml`). */
const liveParsers = new WeakMap<SiteConfig, MarkdownIt>();
function liveMarkdown(site: SiteConfig): MarkdownIt {
  let md = liveParsers.get(site);
  if (!md) liveParsers.set(site, (md = createMarkdown({ allowHtml: site.allowHtml })));
  return md;
}

/**
 * An article file made an Article: its people and topics resolved through the registry
 * (names nobody registered get entries of their own, in the order files are resolved: give
 * them sorted, as `loadContent` does), its URL, whether it is still scheduled at `now`, and
 * a live story's updates (undefined, with its problems reported, when they do not read).
 */
export function resolveArticle({ site, people, topics }: Settings, now: DateTime, file: ArticleFile, problems: ProblemList): Article | undefined {
  const resolveAll = (kind: TagKind, names: string[]): Tag[] => {
    const registry = kind === "person" ? people : topics;
    const field = kind === "person" ? "people" : "topics";
    const tags: Tag[] = [];
    names.forEach((name, i) => {
      const { tag, created } = registry.resolve(name);
      const found = writtenNameProblems(registry, field, name, tag);
      for (const p of found) problems[p.severity === "error" ? "error" : "warn"](file.source, file.lineOf([field, i]), p.message);
      // For `check`: a name nobody registered is reported where it is first written (src/model/newNames.ts).
      if (created && !found.some((p) => p.severity === "error")) registry.noteFirstUse(tag, { file: file.source, field, line: () => file.lineOf([field, i]) });
      if (!tags.includes(tag)) tags.push(tag);
    });
    return tags;
  };
  const { fm } = file;
  let live: LiveCoverage | undefined;
  if (fm.live !== undefined) {
    // Whether coverage is open depends on `now`: a live story is never taken from the last build's record (src/publish/contentCache.ts).
    const read = readLiveCoverage(liveMarkdown(site), { date: fm.date, live: fm.live }, file.body, file.bodyLine, site.timeZone, now);
    for (const p of read.problems) problems.error(file.source, p.line, p.message);
    if (read.problems.length > 0) return undefined;
    live = read.coverage;
  }
  return toArticle(fm, {
    source: file.source, slug: file.slug, body: file.body, bodyLine: file.bodyLine, digest: file.digest, live,
    people: resolveAll("person", fm.people), topics: resolveAll("topic", fm.topics),
    scheduled: fm.date > now,
    url: articleUrl({ prefix: editionPrefix(site.lang, fm.lang) }, fm.date, file.slug),
  });
}

/**
 * The reader of article files for one bulletin, names resolved. Exported for the preview
 * (src/preview), which reads again only the file a writer saved.
 */
export function articleReader(root: string, settings: Settings, now: DateTime): ArticleReader {
  const readFile = articleFileReader(root, settings);
  return (path, problems) => {
    const file = readFile(path, problems);
    return file && resolveArticle(settings, now, file, problems);
  };
}

/** Problems between articles: two on one URL, two translations of a story in one language. */
export function checkArticleSet(all: readonly Article[], root: string, problems: ProblemList): void {
  // Collisions are rare: the file is read again for the line of a field only when one happens.
  const lineOf = (a: Article, field: string) => {
    const parsed = splitFrontmatter(readFileSync(join(root, a.source), "utf8"));
    return parsed.ok ? parsed.file.lineOf([field]) : undefined;
  };
  checkUrlCollisions(all, problems, lineOf);
  checkTranslations(all, problems, lineOf);
}

/** The articles a build renders, newest first: the published ones, or every one in a preview. */
export function articlesToBuild(all: readonly Article[], preview: boolean): Article[] {
  return all.filter((a) => preview || (!a.draft && !a.scheduled)).sort(newestFirst);
}

/** Problems name files as the writer sees them from the bulletin's folder: content/articles/…. */
export function displayPath(root: string): (path: string) => string {
  const prefix = resolve(root) + sep;
  return (p) => (p.startsWith(prefix) ? toPosix(p.slice(prefix.length)) : toPosix(relative(root, p)) || p);
}

export function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || a.url.localeCompare(b.url);
}

function toArticle(
  fm: ArticleFrontmatter,
  extra: Pick<Article, "source" | "slug" | "body" | "bodyLine" | "people" | "topics" | "scheduled" | "url" | "digest" | "live">,
): Article {
  const corrections = fm.corrections.length > 1 ? [...fm.corrections].sort((a, b) => a.date.toMillis() - b.date.toMillis()) : fm.corrections;
  // Field by field, every one named (the type says so): spreading the frontmatter and the
  // rest into a new object took 11 µs an article, 0.11 s of filing a story at 10,000 and
  // 1.1 s at 100,000, where a literal of one shape takes a fraction of a microsecond.
  const article: { [K in keyof Required<Article>]: Article[K] } = {
    title: fm.title, date: fm.date, updated: fm.updated, dateline: fm.dateline, summary: fm.summary, author: fm.author, image: fm.image,
    corrections, draft: fm.draft, lang: fm.lang, translation: fm.translation, breaking: fm.breaking,
    source: extra.source, digest: extra.digest, slug: extra.slug, people: extra.people, topics: extra.topics, scheduled: extra.scheduled,
    body: extra.body, bodyLine: extra.bodyLine, url: extra.url, live: extra.live, modified: undefined,
  };
  return article;
}

function loadRegistry(kind: TagKind, folder: ContentFolder, dir: string, display: (p: string) => string, problems: ProblemList, languages: readonly string[]): Registry {
  const registry = new Registry(kind);
  const schema = registrySchema(kind, languages);
  const fields = registryFields(kind, languages);
  for (const path of markdownFiles(dir)) {
    const file = display(path);
    const read = readValidated(folder, path, file, schema, fields, problems);
    if (!read) continue;
    const { src, data: fm, digest } = read;
    const slug = fm.slug ? slugify(fm.slug) : slugify(basename(path, ".md"));
    if (!slug) {
      problems.error(file, src.lineOf(["slug"]), "the slug is empty: give the entry a `slug:` made of letters or digits");
      continue;
    }
    const tag: Tag = {
      kind, slug, name: fm.name, role: fm.role, description: fm.description, translations: fm.translations,
      aliases: fm.aliases, sameAs: fm.sameAs, bio: src.body.trim(), source: file, digest,
    };
    for (const { name, field } of registryNames(tag)) {
      for (const p of nameProblems(name)) problems[p.severity === "error" ? "error" : "warn"](file, src.lineOf(field), `${field.join(".")}: ${p.message}`);
    }
    for (const clash of registry.register(tag)) problems.error(file, src.lineOf(clash.field), clashMessage(clash, kind));
  }
  return registry;
}

/**
 * One Markdown file read, split and checked against `schema`: every problem is reported,
 * and undefined returned, when any step fails.
 */
function readValidated<T>(
  folder: ContentFolder,
  path: string,
  file: string,
  schema: z.ZodType<T>,
  fields: readonly string[],
  problems: ProblemList,
): { src: SourceFile; data: T; digest: string } | undefined {
  const raw = readSource(folder, path, file, problems);
  if (raw === undefined) return undefined;
  const parsed = splitFrontmatter(raw);
  if (!parsed.ok) {
    for (const e of parsed.errors) problems.error(file, e.line, e.message);
    return undefined;
  }
  const src = parsed.file;
  reportNotText(src, file, problems, raw);
  warnUnknownFields(src, fields, file, problems);
  const result = schema.safeParse(src.data, { reportInput: true });
  if (!result.success) {
    zodProblems(result.error, file, src.lineOf, problems);
    return undefined;
  }
  return { src, data: result.data, digest: contentDigest(raw) };
}

/** A digest of a file's text: what the incremental build and the preview compare (src/site/reads.ts). */
export function contentDigest(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/**
 * A content file's text, or undefined with the problem reported: a file that cannot be read
 * (or is no regular file inside content/, see ContentFolder), or one not saved as UTF-8 (an
 * Arabic file saved as Windows-1256, a "Unicode" file from Notepad) whose text would
 * otherwise reach the site garbled.
 */
function readSource(folder: ContentFolder, path: string, file: string, problems: ProblemList): string | undefined {
  const read = folder.read(path);
  if (!read.ok) {
    problems.error(file, undefined, read.message);
    return undefined;
  }
  const raw = read.text;
  const bad = raw.indexOf("\uFFFD");
  if (bad !== -1) {
    const line = raw.slice(0, bad).split("\n").length;
    problems.error(file, line, "is not saved as UTF-8 (this line has bytes that are not UTF-8 text): save the file as UTF-8 in your editor");
    return undefined;
  }
  return raw;
}

function warnUnknownFields(src: SourceFile, fields: readonly string[], file: string, problems: ProblemList): void {
  for (const key of Object.keys(src.data)) {
    if (fields.includes(key)) continue;
    const near = fields.find((f) => distance(f, key.toLowerCase()) <= 2);
    problems.warn(file, src.lineOf([key]), `unknown field "${key}" is ignored${near ? ` — did you mean "${near}"?` : ""}`);
  }
}

type FieldLine = (article: Article, field: string) => number | undefined;

function checkUrlCollisions(articles: readonly Article[], problems: ProblemList, lineOf: FieldLine): void {
  const byUrl = new Map<string, Article>();
  for (const a of articles) {
    const other = byUrl.get(a.url);
    if (other) {
      problems.error(a.source, lineOf(a, "date"), `has the same URL ${a.url} as ${other.source}: rename one of the files or change its date`);
    } else {
      byUrl.set(a.url, a);
    }
  }
}

function checkTranslations(articles: readonly Article[], problems: ProblemList, lineOf: FieldLine): void {
  const byKey = new Map<string, Article[]>();
  for (const a of articles) {
    if (!a.translation) continue;
    const group = byKey.get(a.translation) ?? [];
    group.push(a);
    byKey.set(a.translation, group);
  }
  for (const [key, group] of byKey) {
    const langs = new Set<string>();
    for (const a of group) {
      if (langs.has(a.lang)) {
        const first = group.find((g) => g.lang === a.lang && g !== a)!;
        problems.error(a.source, lineOf(a, "translation"), `translation "${key}" already has an article in "${a.lang}": ${first.source}`);
      }
      langs.add(a.lang);
    }
  }
}
