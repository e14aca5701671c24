import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import {
  articleFileReader, articlesToBuild, checkArticleSet, loadSettings, markdownFiles, resolveArticle,
  type ArticleFile, type Content, type LoadOptions,
} from "../model/loadContent.ts";
import { ProblemList } from "../model/problems.ts";
import { loadFrontPage } from "../model/frontPage.ts";
import { splitFrontmatter } from "../model/yamlFile.ts";
import type { ArticleFrontmatter } from "../model/schema.ts";
import type { Article } from "../model/types.ts";
import { tagKey } from "../collections/staleRelated.ts";
import { freezeDates, reviveDates, type CachedArticle } from "./buildState.ts";

/** The content, and what the build state keeps of each article file. */
export interface ReadContent {
  content: Content;
  /** One per article read without errors, in path order; `firstParagraph` and `related` are filled in after the build. */
  records: CachedArticle[];
  /** The Article of each record, by path. */
  articleOf: Map<string, Article>;
  /** How many files were read (the others came from the last build's record). */
  read: number;
}

/**
 * All content, as `loadContent` reads it, except that an article file whose size, times and
 * inode are those the last build recorded is taken from that record instead of being read
 * and parsed again. Its names are resolved again (the registry may have changed), in path
 * order as `loadContent` does, so that a name nobody registered is spelt as its first use
 * is. Its body is read when a page asks for it. Without `previous`, every file is read.
 */
export function readContentCached(opts: LoadOptions, previous: readonly CachedArticle[] = []): ReadContent {
  const root = resolve(opts.root);
  const problems = new ProblemList();
  const settings = loadSettings(root, problems, opts.languages);
  const zone = settings.site.timeZone;
  const now = (opts.now ?? DateTime.now()).setZone(zone);
  const preview = opts.preview ?? false;
  const readFile = articleFileReader(root, settings);
  const cached = new Map(previous.map((a) => [a.path, a]));
  const paths = markdownFiles(join(root, "content", "articles"));
  const files: { path: string; stat: CachedArticle["stat"]; file: ArticleFile; fromCache: boolean }[] = [];
  let read = 0;
  for (const path of paths) {
    let stat: CachedArticle["stat"] = [-1, -1, -1, -1];
    try {
      const s = statSync(path);
      stat = [s.size, s.mtimeMs, s.ctimeMs, s.ino];
    } catch {
      // Gone since the folder was listed, or unreadable: the reader reports it.
    }
    const record = cached.get(path);
    // A live story is read again each time: its updates are checked against the clock.
    if (record && record.stat.every((v, i) => v === stat[i]) && (record.fm as { live?: unknown }).live === undefined) {
      files.push({ path, stat, file: fromRecord(record, zone, path), fromCache: true });
      continue;
    }
    read++;
    const file = readFile(path, problems);
    if (file) files.push({ path, stat, file, fromCache: false });
  }
  const all: Article[] = [];
  const articleOf = new Map<string, Article>();
  const records: CachedArticle[] = [];
  for (const { path, stat, file, fromCache } of files) {
    const article = resolveArticle(settings, now, file, problems);
    if (!article) continue;
    if (fromCache) lazyBody(article, () => readBody(readFile, path));
    all.push(article);
    articleOf.set(path, article);
    records.push({
      path, stat, source: file.source, digest: file.digest, slug: file.slug, bodyLine: file.bodyLine,
      fm: fromCache ? cached.get(path)!.fm : freezeDates(file.fm),
      url: article.url,
      lang: article.lang,
      tags: [...article.people, ...article.topics].map(tagKey),
      built: preview || (!article.draft && !article.scheduled),
    });
  }
  checkArticleSet(all, root, problems);
  const frontPage = loadFrontPage(root, settings, all, now, problems);
  const content: Content = { ...settings, articles: articlesToBuild(all, preview), all, problems: problems.items, preview, now, articleFiles: paths.length, frontPage };
  return { content, records, articleOf, read };
}

/** A recorded article file as the reader would give it, its body left to be read when asked for. */
function fromRecord(record: CachedArticle, zone: string, path: string): ArticleFile {
  return {
    source: record.source,
    digest: record.digest,
    slug: record.slug,
    fm: reviveDates(record.fm, zone) as ArticleFrontmatter,
    body: "",
    bodyLine: record.bodyLine,
    // Asked for only when a problem is reported (a registry change made a name a typo): read the file then.
    lineOf: (field) => {
      const parsed = splitFrontmatter(readFileSync(path, "utf8"));
      return parsed.ok ? parsed.file.lineOf(field) : undefined;
    },
  };
}

/** The body of a file the last build recorded, read again when a page first needs it. */
function readBody(readFile: ReturnType<typeof articleFileReader>, path: string): string {
  const problems = new ProblemList();
  const file = readFile(path, problems);
  if (!file) throw new Error(`${path} changed while the build was running: build again`);
  return file.body;
}

/** Makes `article.body` read the file on first use (and settable, as the Site lets bodies go). */
function lazyBody(article: Article, load: () => string): void {
  let body: string | undefined;
  Object.defineProperty(article, "body", {
    get: () => (body ??= load()),
    set: (value: string) => void (body = value),
    enumerable: true,
    configurable: true,
  });
}
