import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import {
  articleFileReader, articlesToBuild, checkArticleSet, loadSettings, resolveArticle,
  type ArticleFile, type Content, type LoadOptions, type Settings,
} from "../model/loadContent.ts";
import { ProblemList, type Problem } from "../model/problems.ts";
import type { Registry } from "../model/registry.ts";
import { loadFrontPage } from "../model/frontPage.ts";
import { splitFrontmatter } from "../model/yamlFile.ts";
import type { ArticleFrontmatter } from "../model/schema.ts";
import type { Article } from "../model/types.ts";
import { readBodyLater } from "../model/body.ts";
import { listFiles, type ListedFiles } from "../model/markdownFiles.mjs";
import { isTagKey, tagKey } from "../collections/staleRelated.ts";
import { freezeDates, reviveDates, type CachedArticle } from "./buildState.ts";
import { RecordedOrder } from "../site/recordedOrder.ts";

/** The content, and what the build state keeps of each article file. */
export interface ReadContent {
  content: Content;
  /** One per article read without errors, in path order; `firstParagraph` and `related` are filled in after the build. */
  records: CachedArticle[];
  /** The Article of each record, at the same index. */
  articles: Article[];
  /**
   * The last build's record of each record's file, at the same index (undefined for a file it
   * did not have). Looked up once here: each pass over the records looking up its own, by path
   * or source, was 0.1–0.4 s at 100,000 articles (the keys' text compared, far apart in memory).
   */
  previous: (CachedArticle | undefined)[];
  /** The last build's records of files that are gone (deleted or renamed since). */
  gone: CachedArticle[];
  /** How many files were read (the others came from the last build's record). */
  read: number;
  /**
   * For a build that succeeded: keeps what was read for the next build of the same process
   * (`ContentMemory`), each file with the record the build left of it (`finished`, in the order
   * of `records`), so that the next build's record of an unchanged file is the very object
   * its last record is, and compares as the same without a look at its fields.
   */
  keep(finished: readonly CachedArticle[]): void;
}

/** An article file as the last build of this process read it: its Article, record and problems kept. */
interface KeptFile {
  stat: CachedArticle["stat"];
  file: ArticleFile;
  article: Article;
  record: CachedArticle;
  problems: Problem[];
  /** The file came from the record: its body is read when a page asks for it. */
  lazy: boolean;
}

/**
 * The articles as the last build of this process read them, for the warm build process
 * (src/publish/warmServer.ts): an article whose file has not changed is the very Article of
 * the last build, not one made again from the record (reviving its dates, working out its URL,
 * resolving its names: 0.4 s at 10,000 articles, 6 s at 100,000), and the settings and
 * registries are not read again while their files have not changed.
 *
 * Kept only for a build that succeeded, and used only when nothing it depends on changed: the
 * files of site.yaml and of the registries (each by inode, size and times), the build's
 * options, the file itself (as the record's stat), and what the clock decides of it (whether
 * it is scheduled; a live story is always read again). Its names are resolved again, in path
 * order, against the registry as it was loaded (`Registry.forgetUnregistered`), so that a
 * name nobody registered is spelt as its first use is now; an article whose names resolve to
 * other entries than before is made again.
 */
export class ContentMemory {
  private kept: { key: string; settings: Settings; settingsProblems: Problem[]; files: Map<string, KeptFile> } | undefined;

  /** What was kept, if it was kept under `key`. */
  recall(key: string): ContentMemory["kept"] {
    return this.kept?.key === key ? this.kept : undefined;
  }

  keep(kept: NonNullable<ContentMemory["kept"]>): void {
    this.kept = kept;
  }

  forget(): void {
    this.kept = undefined;
  }
}

/**
 * All content, as `loadContent` reads it, except that an article file whose size, times and
 * inode are those the last build recorded is taken from that record instead of being read
 * and parsed again. Its names are resolved again (the registry may have changed), in path
 * order as `loadContent` does, so that a name nobody registered is spelt as its first use
 * is. Its body is read when a page asks for it. Without `previous`, every file is read.
 * `listed` is the article files with their stats, when the caller listed them beforehand
 * (`listFilesInBackground`); otherwise they are listed here.
 */
export function readContentCached(opts: LoadOptions, previous: readonly CachedArticle[] = [], memory?: ContentMemory, listed?: ListedFiles): ReadContent {
  const root = resolve(opts.root);
  const problems = new ProblemList();
  const key = memory ? settingsIdentity(root, opts) : "";
  const kept = memory?.recall(key);
  let settings: Settings;
  let settingsProblems: Problem[];
  if (kept) {
    ({ settings, settingsProblems } = kept);
    settings.people.forgetUnregistered();
    settings.topics.forgetUnregistered();
  } else {
    const own = new ProblemList();
    settings = loadSettings(root, own, opts.languages);
    settingsProblems = own.items;
  }
  problems.items.push(...settingsProblems);
  const zone = settings.site.timeZone;
  const now = (opts.now ?? DateTime.now()).setZone(zone);
  const preview = opts.preview ?? false;
  const readFile = articleFileReader(root, settings);
  // Each file takes its record out: those left are of files that are gone. The records are in
  // the order of their files, mostly (by month, then path), so most are found at the cursor.
  const order = new RecordedOrder(previous.map((record) => record.path));
  // A file gone since the folder was listed, or unreadable, has a stat of -1s: the reader reports it.
  const dir = join(root, "content", "articles");
  const { paths, stats } = listed?.dir === dir ? listed : listFiles(dir);
  const places = order.placesOf(paths);
  const files: { path: string; stat: CachedArticle["stat"]; file: ArticleFile; fromCache: boolean; kept?: KeptFile; record?: CachedArticle }[] = [];
  let read = 0;
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    const record = places[i] === -1 ? undefined : previous[places[i]!];
    // The record's own stat when it is the same (one array fewer for each of 100,000 files).
    const stat: CachedArticle["stat"] = record && sameStatAt(record.stat, stats, i) ? record.stat : [stats[i * 4]!, stats[i * 4 + 1]!, stats[i * 4 + 2]!, stats[i * 4 + 3]!];
    const mine = kept?.files.get(path);
    // A live story is read again each time: its updates are checked against the clock.
    if (mine && sameStat(mine.stat, stat) && (mine.file.fm as { live?: unknown }).live === undefined) {
      files.push({ path, stat, file: mine.file, fromCache: true, kept: mine, record });
      continue;
    }
    if (record && record.stat === stat && (record.fm as { live?: unknown }).live === undefined) {
      files.push({ path, stat, file: fromRecord(record, zone, path), fromCache: true, record });
      continue;
    }
    read++;
    const file = readFile(path, problems);
    if (file) files.push({ path, stat, file, fromCache: false, record });
  }
  const all: Article[] = [];
  const records: CachedArticle[] = [];
  const articles: Article[] = [];
  const previousRecords: (CachedArticle | undefined)[] = [];
  // What a process that builds again keeps of each file; nothing for a build by itself.
  const next = memory ? new Map<string, KeptFile>() : undefined;
  const keptFiles: KeptFile[] | undefined = memory ? [] : undefined;
  for (const { path, stat, file, fromCache, kept: mine, record: old } of files) {
    if (mine && mine.article.scheduled === file.fm.date > now && sameNames(settings, file, mine.article)) {
      problems.items.push(...mine.problems);
      all.push(mine.article);
      records.push(mine.record);
      articles.push(mine.article);
      previousRecords.push(old);
      next?.set(path, mine);
      keptFiles?.push(mine);
      continue;
    }
    const before = problems.items.length;
    const article = resolveArticle(settings, now, file, problems);
    if (!article) continue;
    const lazy = mine ? mine.lazy : fromCache;
    if (lazy) readBodyLater(article, () => readBody(readFile, path));
    all.push(article);
    const built = preview || (!article.draft && !article.scheduled);
    const recorded = fromCache ? (mine?.record ?? old!) : undefined;
    // A file taken from the record whose article came out as recorded keeps that record itself:
    // nothing made (100,000 records and their tags kept alive to the end of the build were a
    // good part of its garbage collection at 100,000 articles), and it compares as the same.
    const record: CachedArticle = recorded && recorded.url === article.url && recorded.lang === article.lang && recorded.built === built && hasTagKeys(article, recorded.tags)
      ? recorded
      : {
        path, stat, source: file.source, digest: file.digest, slug: file.slug, bodyLine: file.bodyLine,
        fm: recorded ? recorded.fm : freezeDates(file.fm),
        url: article.url,
        lang: article.lang,
        tags: [...article.people, ...article.topics].map(tagKey),
        built,
      };
    records.push(record);
    articles.push(article);
    previousRecords.push(old);
    if (next && keptFiles) {
      const keptFile: KeptFile = { stat, file, article, record, problems: problems.items.slice(before), lazy };
      next.set(path, keptFile);
      keptFiles.push(keptFile);
    }
  }
  checkArticleSet(all, root, problems);
  const frontPage = loadFrontPage(root, settings, all, now, problems);
  const content: Content = { ...settings, articles: articlesToBuild(all, preview), all, problems: problems.items, preview, now, articleFiles: paths.length, frontPage };
  return { content, records, articles, previous: previousRecords, gone: order.untaken().map((at) => previous[at]!), read, keep: (finished) => {
    if (!memory || !next || !keptFiles) return;
    finished.forEach((record, i) => (keptFiles[i]!.record = record));
    memory.keep({ key, settings, settingsProblems, files: next });
  } };
}

/** Whether `keys` are the `tagKey`s of the article's people and topics, in order (told without making them). */
function hasTagKeys(article: Article, keys: readonly string[]): boolean {
  const people = article.people.length;
  if (keys.length !== people + article.topics.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (!isTagKey(keys[i]!, i < people ? article.people[i]! : article.topics[i - people]!)) return false;
  }
  return true;
}

function sameStat(a: CachedArticle["stat"], b: CachedArticle["stat"]): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/** Whether `a` is the stat of file `i` of a listing (`ListedFiles.stats`). */
function sameStatAt(a: CachedArticle["stat"], stats: Float64Array, i: number): boolean {
  return a[0] === stats[i * 4] && a[1] === stats[i * 4 + 1] && a[2] === stats[i * 4 + 2] && a[3] === stats[i * 4 + 3];
}

/**
 * Whether the names of a kept article resolve to the entries it has, resolving them (in path
 * order, as `resolveArticle` does) so that the registry knows each name's first use.
 */
function sameNames(settings: Settings, file: ArticleFile, article: Article): boolean {
  const same = (registry: Registry, field: "people" | "topics", names: readonly string[], tags: readonly Article["people"][number][]) => {
    const resolved: typeof tags[number][] = [];
    names.forEach((name, i) => {
      const { tag, created } = registry.resolve(name);
      if (created) registry.noteFirstUse(tag, { file: file.source, field, line: () => file.lineOf([field, i]) });
      if (!resolved.includes(tag)) resolved.push(tag);
    });
    return resolved.length === tags.length && resolved.every((t, i) => t === tags[i]);
  };
  // Both resolved whatever the first says, as a full read would.
  const people = same(settings.people, "people", file.fm.people, article.people);
  const topics = same(settings.topics, "topics", file.fm.topics, article.topics);
  return people && topics;
}

/** What the settings are read from, each file by inode, size and times, and the options they are read with. */
function settingsIdentity(root: string, opts: LoadOptions): string {
  const parts = [JSON.stringify({ preview: opts.preview ?? false, languages: (opts.languages ?? []).map((l) => l.lang) })];
  const identity = (path: string) => {
    const s = statSync(path, { throwIfNoEntry: false, bigint: true });
    return s ? `${s.dev} ${s.ino} ${s.size} ${s.mtimeNs} ${s.ctimeNs}` : "-";
  };
  parts.push(`site.yaml ${identity(join(root, "content", "site.yaml"))}`);
  for (const dir of ["people", "topics"]) {
    const folder = join(root, "content", dir);
    parts.push(`${dir}/ ${identity(folder)}`);
    let names: string[] = [];
    try {
      names = (readdirSync(folder, { recursive: true, encoding: "utf8" }) as string[]).sort();
    } catch {
      // No such folder: its identity says so.
    }
    for (const name of names) parts.push(`${dir}/${name} ${identity(join(folder, name))}`);
  }
  return parts.join("\n");
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
