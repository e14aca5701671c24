import { createHash } from "node:crypto";
import { copyFileSync, existsSync, link, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { promisify } from "node:util";
import { dirname, join, resolve } from "node:path";
import { formatProblem, hasErrors, type Problem } from "../model/problems.ts";
import type { Article } from "../model/types.ts";
import type { ImageCache } from "../images/imageCache.ts";
import { imageProblems } from "../images/imagePath.ts";
import { SearchIndexer, searchKey } from "../search/searchIndexer.ts";
import { Site } from "../site/Site.ts";
import { prepareImages, prepareShareImage } from "../site/prepareSite.ts";
import { pageTable, type PageTable } from "../site/fingerprints.ts";
import { differing, sharedReads, type SinceLastBuild } from "../site/changes.ts";
import { articleRead, readsAs } from "../site/reads.ts";
import { FolderSink, writePages } from "../site/render.ts";
import { articlesInFeeds } from "../feeds/feedModel.ts";
import { staleRelated, storyKey, type StoryKey } from "../collections/staleRelated.ts";
import { scheduledStories } from "../collections/scheduled.ts";
import { imageUrl, outputPath } from "../urls.ts";
import { saveState, saveJson, type BuildKey, type BuildState, type CachedArticle } from "./buildState.ts";
import { dateFromMillis } from "../text/dates.ts";
import { readContentCached, type ReadContent } from "./contentCache.ts";
import type { ListedFiles } from "../model/markdownFiles.mjs";
import { applyChanges, filesBelow } from "./applyChanges.ts";
import { timed, timedAsync } from "./phases.ts";
import { faultPoint } from "./faults.ts";
import type { BuildResult, RunBuildOptions } from "./runBuild.ts";

/**
 * `npm run build` when the last build's record can vouch for the published site (src/publish/
 * buildState.ts): only the article files that changed are read; every page's fingerprint
 * (what it prints: src/site/reads.ts) is compared with the record's, and only the pages whose
 * fingerprint changed are rendered; only the files whose bytes changed are written, into the
 * published site in place through a journal (src/publish/applyChanges.ts); only the search
 * indexes holding changed articles are made again. The result is, file for file, what a full
 * build of the same content writes: test/unit/incremental.test.ts checks that, step after step.
 */
export async function incrementalBuild(ctx: {
  opts: RunBuildOptions;
  state: BuildState;
  statePath: string;
  key: BuildKey;
  images: ImageCache;
  /** The published site's folder (what `_site` points at). */
  generation: string;
  log(line: string): void;
  started: number;
  /** The article files and their stats, listed while the record was read (`listFilesInBackground`); undefined to list them here. */
  listing: Promise<ListedFiles | undefined>;
}): Promise<BuildResult> {
  const { opts, state, generation, log } = ctx;
  const listed = await timedAsync("list files", () => ctx.listing);
  const read = timed("load and validate", () => readContentCached(opts, state.articles, opts.memory?.content, listed));
  const { content } = read;
  const problems: Problem[] = [...content.problems, ...imageProblems(content.articles, opts.root)];
  const images = hasErrors(problems) ? undefined : await timedAsync("images", () => prepareImages(content, opts.root, ctx.images, problems));
  for (const p of problems) log(formatProblem(p));
  if (!images || hasErrors(problems)) return { ok: false, problems, pages: 0 };

  const shareImage = await timedAsync("share image", () => prepareShareImage(ctx.images));
  const stories = storyChanges(read, content.site.timeZone);
  const last = lastRecords(read);
  const site = timed("collections", () => new Site(content, {
    images,
    shareImage,
    keepBodies: articlesInFeeds,
    lastFirstParagraph: (article) => {
      const old = last.get(article);
      return old?.digest === article.digest ? old.firstParagraph : undefined;
    },
    related: {
      previous: (article) => last.get(article)?.related,
      stale: (edition) => staleRelated(edition, stories.before.filter((s) => s.lang === edition.lang), stories.after.filter((s) => s.lang === edition.lang)),
      gone: (edition) => goneFrom(edition.lang, stories),
    },
  }));
  const { table, changed, removed: removedPages } = timed("fingerprints", () => pageTable(site, { since: state.shared && sinceLastBuild(state, read, site, stories), table: state.pages }));
  const indexes = searchIndexes(site);
  const changedPaths = new Set(changed.map((p) => outputPath(p.url)));
  const removedIndexes = Object.keys(state.searchIndexes).filter((url) => !indexes.has(url)).map(outputPath).map(dirname);

  const staging = `${generation}.incoming-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    // Only the changed pages, and the images they use that are new. Not Eleventy: all it
    // does for a build is copy the assets (src/eleventy/config.ts), from code the record
    // vouches for (a change to it is a full build), so they are the published ones already;
    // starting it and copying them again was 0.7 s of the 4.6 s of filing a story at 10,000.
    await timedAsync("render and write", async () => {
      await writePages(site, changed, new FolderSink(staging));
      faultPoint("pages-written");
      await copyNewImages(site, generation, staging);
    });
    // An index is made again when its pages changed as search reads them (their searchable
    // part); a page that changed elsewhere (its related stories, a person's role) leaves the
    // index as it is, as SearchIndexer's digest would find after reading every page of it.
    const reindex = [...indexes].filter(([url, index]) => state.searchIndexes[url] !== index.digest || index.members.some((m) => changedPaths.has(m) && searchableChanged(m, staging, generation)));
    const reindexed = await timedAsync("search index", () => indexAgain(reindex, generation, staging, ctx.opts.output));
    faultPoint("staged");

    // What goes into the site: only files whose bytes differ from the published ones.
    const files = filesBelow(staging).filter((f) => !f.startsWith("pagefind/") && !sameBytes(join(staging, f), join(generation, f)));
    const folders = reindexed.filter((folder) => !sameIndex(join(staging, folder), join(generation, folder)));
    const removed = [...removedPages, ...removedIndexes, ...unusedImages(site, generation)];
    // A search index is swapped whole; a deploy needs only its files that changed (Pagefind's scripts do not).
    const written = [...files];
    const gone: string[] = [];
    for (const folder of folders) {
      const now = filesBelow(join(staging, folder));
      written.push(...now.filter((f) => !sameBytes(join(staging, folder, f), join(generation, folder, f))).map((f) => `${folder}/${f}`));
      gone.push(...filesBelow(join(generation, folder)).filter((f) => !now.includes(f)).map((f) => `${folder}/${f}`));
    }
    const next = timed("record", () => nextState(ctx, read, site, table, indexes));
    const parts = timed("record", () => saveState(`${ctx.statePath}.next`, next, content.site.timeZone));
    const changeList = changeListPath(opts.output);
    saveJson(`${changeList}.next`, { full: false, written, removed: [...removed.flatMap((r) => (r.startsWith("pagefind/") ? filesOf(generation, r) : [r])), ...gone] });
    timed("publish", () => applyChanges(generation, {
      staging,
      // New files first: a page that links to one is renamed in after it.
      files: [...files.filter((f) => !existsSync(join(generation, f))), ...files.filter((f) => existsSync(join(generation, f)))],
      folders,
      removed,
      // Put in place once the site is changed: the record for the next build, and the list for the deploy.
      commit: [{ next: `${ctx.statePath}.next`, path: ctx.statePath }, { next: `${changeList}.next`, path: changeList }],
    }));
    opts.memory?.remember(ctx.statePath, { ...next, parts });
    read.keep(next.articles);
    const seconds = ((performance.now() - ctx.started) / 1000).toFixed(1);
    log(summary(stories, files.filter((f) => changedPaths.has(f)).length, removed.length, folders, table.files.length, changed.length, seconds, read.read));
    return { ok: true, problems, pages: changed.length, incremental: { written: written.length, removed: removed.length }, scheduled: scheduledStories(content) };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** A removed search index's files, as the change list names them (read before the folder goes). */
function filesOf(generation: string, folder: string): string[] {
  return filesBelow(join(generation, folder)).map((f) => `${folder}/${f}`);
}

/** Where a build says what it changed in the site, for a deploy to send only those files: beside `_site`, never in it. */
export function changeListPath(output: string): string {
  return `${resolve(output)}.changes.json`;
}

interface StoryChanges {
  /** Stories as they were in the last build's listings, and as they are now, for those that moved, came or went. */
  before: StoryKey[];
  after: StoryKey[];
  added: number;
  removed: number;
  edited: number;
}

/** Which stories were filed, taken down or changed since the last build, by what the listings see of them. */
function storyChanges(read: ReadContent, zone: string): StoryChanges {
  const changes: StoryChanges = { before: [], after: [], added: 0, removed: 0, edited: 0 };
  const keyOf = (a: CachedArticle): StoryKey => ({ source: a.source, lang: a.lang, url: a.url, tags: a.tags, date: dateFromMillis((a.fm as { date: { $t: number } }).date.$t, zone) });
  read.records.forEach((record, i) => {
    const old = read.previous[i];
    const article = read.articles[i]!;
    if (!old?.built) {
      if (record.built) {
        changes.added++;
        changes.after.push(storyKey(article));
      }
    } else if (!record.built) {
      changes.removed++;
      changes.before.push(keyOf(old));
    } else {
      if (record.digest !== old.digest) changes.edited++;
      // Compared field by field, the keys made only for the few that moved (a date for every story was 0.15 s at 100,000).
      if (record.url !== old.url || record.lang !== old.lang || article.date.toMillis() !== (old.fm as { date: { $t: number } }).date.$t || !sameValue(record.tags, old.tags)) {
        changes.before.push(keyOf(old));
        changes.after.push(storyKey(article));
      }
    }
  });
  for (const old of read.gone) {
    if (!old.built) continue;
    changes.removed++;
    changes.before.push(keyOf(old));
  }
  return changes;
}

/** The last build's record of each article's file, by the article (not by its source's text: the article is at hand where it is asked). */
function lastRecords(read: ReadContent): Map<Article, CachedArticle | undefined> {
  const last = new Map<Article, CachedArticle | undefined>();
  read.articles.forEach((article, i) => last.set(article, read.previous[i]));
  return last;
}

/** The stories an edition had in the last build and has no more: taken out of its listings (`before`) and not put back (`after`). */
function goneFrom(lang: string, stories: StoryChanges): Set<string> {
  const gone = new Set(stories.before.filter((s) => s.lang === lang).map((s) => s.source));
  for (const s of stories.after) if (s.lang === lang) gone.delete(s.source);
  return gone;
}

/**
 * What changed since the last build, for the page types that can tell from it that a page
 * reads as before (`PageType.unchanged`). Generous: an article counts as changed when
 * anything its pages may print of it differs, down to its image's file.
 */
function sinceLastBuild(state: BuildState, read: ReadContent, site: Site, stories: StoryChanges): SinceLastBuild {
  const articles = new Set<string>();
  const translations = new Set<string>();
  const translationOf = (record: CachedArticle) => (record.fm as { translation?: string }).translation;
  read.records.forEach((record, i) => {
    const article = read.articles[i]!;
    const old = read.previous[i];
    const same = old && readsAs(article, old.read) && old.built === record.built && old.lang === article.lang &&
      sameValue(old.tags, record.tags) && old.image === site.image(article)?.src;
    if (same) return;
    articles.add(record.source);
    for (const key of [article.translation, old && translationOf(old)]) if (key) translations.add(key);
  });
  for (const old of read.gone) {
    articles.add(old.source);
    const key = translationOf(old);
    if (key) translations.add(key);
  }
  const showedChanged = new Set<string>();
  for (const old of state.articles) if (old.related?.some((source) => articles.has(source))) showedChanged.add(old.source);
  const now = sharedReads(site);
  return {
    articles,
    before: stories.before,
    after: stories.after,
    showedChanged,
    translations,
    tags: differing(state.shared.tags, now.tags),
    shells: differing(state.shared.shells, now.shells),
  };
}

/** Each search index of the site: its folder below the site, its members (page files) and a digest of them. */
export function searchIndexes(site: Site): Map<string, { folder: string; members: string[]; digest: string }> {
  const indexes = new Map<string, { folder: string; members: string[]; digest: string }>();
  for (const page of site.pages((type) => type.searchIndex !== undefined)) {
    const url = site.pageType(page).searchIndex!(page, site);
    let index = indexes.get(url);
    if (!index) indexes.set(url, (index = { folder: dirname(outputPath(url)), members: [], digest: "" }));
    index.members.push(outputPath(page.url));
  }
  for (const index of indexes.values()) index.digest = createHash("sha1").update(index.members.join("\0")).digest("base64url");
  return indexes;
}

/**
 * Makes the search indexes in `indexes` again into the staging folder, from their pages:
 * those rendered by this build from the staging folder, the others from the published site.
 * An index whose pages read as in the published site keeps its files (SearchIndexer's digest).
 */
async function indexAgain(indexes: [string, { folder: string; members: string[] }][], generation: string, staging: string, output: string): Promise<string[]> {
  if (indexes.length === 0) return [];
  const search = await SearchIndexer.open(staging, { previous: output });
  try {
    for (const [url, index] of indexes) {
      for (const member of index.members) {
        const staged = join(staging, member);
        await search.add(member, readFileSync(existsSync(staged) ? staged : join(generation, member), "utf8"), url);
      }
    }
    await search.write();
  } finally {
    await search.close();
  }
  return indexes.map(([, index]) => index.folder);
}

/** The image renditions and crops the site uses that the published site does not have yet, into `dir`. */
async function copyNewImages(site: Site, generation: string, dir: string): Promise<void> {
  for (const [name, path] of imageFiles(site)) {
    const file = outputPath(imageUrl(name));
    if (existsSync(join(generation, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    await promisify(link)(path, join(dir, file)).catch(() => copyFileSync(path, join(dir, file)));
  }
}

/** Renditions and crops in the published site that the site does not use any more. */
function unusedImages(site: Site, generation: string): string[] {
  const used = new Set([...imageFiles(site).keys()].map((name) => outputPath(imageUrl(name))));
  const folder = dirname(outputPath(imageUrl("x")));
  if (!existsSync(join(generation, folder))) return [];
  return readdirSync(join(generation, folder)).map((name) => `${folder}/${name}`).filter((file) => !used.has(file));
}

function imageFiles(site: Site): Map<string, string> {
  return new Map([...site.imageFiles()].map((file) => [file.name, file.path]));
}

/** Whether the page at `file` (written into `staging`) reads differently to search than the published one. */
function searchableChanged(file: string, staging: string, generation: string): boolean {
  let published: string;
  try {
    published = readFileSync(join(generation, file), "utf8");
  } catch {
    return true;
  }
  return searchKey(readFileSync(join(staging, file), "utf8")) !== searchKey(published);
}

function sameBytes(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** Two copies of a search index made from the same pages (the stamp SearchIndexer writes says so). */
function sameIndex(a: string, b: string): boolean {
  return sameBytes(join(a, "bulletin-index.json"), join(b, "bulletin-index.json"));
}

/** The record this build leaves for the next. */
function nextState(ctx: { key: BuildKey; generation: string; state: BuildState }, read: ReadContent, site: Site, pages: PageTable, indexes: ReturnType<typeof searchIndexes>): BuildState {
  return {
    key: ctx.key,
    generation: ctx.generation,
    articles: finishedRecords(read, site),
    parts: ctx.state.parts,
    pages,
    searchIndexes: Object.fromEntries([...indexes].map(([url, index]) => [url, index.digest])),
    shared: sharedReads(site),
  };
}

/**
 * The records of a build's articles with what the build worked out: first paragraphs, related
 * stories. A record equal to the last build's of its file (`read.previous`) is that very
 * object, so that the parts of the record holding only such are kept as they are (`saveState`).
 */
export function finishedRecords(read: ReadContent, site: Site): CachedArticle[] {
  const editions = new Map(site.editions.map((e) => [e.lang, e]));
  return read.records.map((record, i) => {
    const article = read.articles[i]!;
    const edition = record.built ? editions.get(article.lang) : undefined;
    const old = read.previous[i];
    // Most records are the last build's, field for field: told without making a new one (at
    // 100,000 articles, making and comparing them all was most of the 5.5 s of the record).
    if (old && (old === record || sameBase(old, record)) && old.firstParagraph === site.knownFirstParagraph(article) && old.image === site.image(article)?.src && readsAs(article, old.read)) {
      // Related stories the edition recalled from the last build's record are that record's.
      if (edition ? !edition.relatedMayDiffer(article) : old.related === undefined) return old;
    }
    const finished: CachedArticle = {
      ...record,
      firstParagraph: site.knownFirstParagraph(article),
      related: edition ? edition.related(article).map((a) => a.source) : undefined,
      image: site.image(article)?.src,
      read: articleRead(article),
    };
    return old && sameRecord(old, finished) ? old : finished;
  });
}

/** The fields a record has before the build worked anything out, the same (the frontmatter by identity, as kept from the record). */
function sameBase(a: CachedArticle, b: CachedArticle): boolean {
  return a.path === b.path && a.source === b.source && a.digest === b.digest && a.fm === b.fm && a.url === b.url && a.lang === b.lang && a.built === b.built &&
    a.slug === b.slug && a.bodyLine === b.bodyLine && sameValue(a.stat, b.stat) && sameValue(a.tags, b.tags);
}

/** Two records with the same fields (arrays compared by element; the frontmatter by identity, as kept from the record). */
function sameRecord(a: CachedArticle, b: CachedArticle): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  // A field missing from one (JSON leaves out undefined) reads as undefined: the same.
  for (const key in y) if (!sameValue(x[key], y[key])) return false;
  for (const key in x) if (!(key in y) && x[key] !== undefined) return false;
  return true;
}

function sameValue(x: unknown, y: unknown): boolean {
  return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i]));
}

function summary(stories: StoryChanges, pages: number, removed: number, reindexed: string[], total: number, rendered: number, seconds: string, read: number): string {
  const what = [
    stories.added ? `${count(stories.added, "story", "stories")} added` : "",
    stories.edited ? `${count(stories.edited, "story", "stories")} changed` : "",
    stories.removed ? `${count(stories.removed, "story", "stories")} removed` : "",
  ].filter(Boolean).join(", ") || `${count(read, "file")} read again, no story changed`;
  const search = reindexed.length ? `, search index ${reindexed.map((f) => f.replace(/^pagefind\//, "")).join(", ")} re-indexed` : "";
  return `${what}: ${count(pages, "page")} written, ${removed} removed${search}, ${(total - rendered).toLocaleString("en")} pages unchanged, in ${seconds} s.`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
