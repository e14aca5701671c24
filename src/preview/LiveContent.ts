import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DateTime } from "luxon";
import {
  articleReader, articlesToBuild, checkArticleSet, loadSettings, markdownFiles,
  type ArticleReader, type Content, type LoadOptions, type Settings,
} from "../model/loadContent.ts";
import { ProblemList, type Problem } from "../model/problems.ts";
import { imageProblems } from "../images/imagePath.ts";
import { loadFrontPage } from "../model/frontPage.ts";
import type { Article } from "../model/types.ts";

interface ArticleFile {
  article?: Article;
  /** This file's own problems (cross-article ones are worked out again each time). */
  problems: Problem[];
}

export interface ArticleChange {
  /** The articles of the changed files before and after the change (a removed or broken file has no "after"). */
  before: Article[];
  after: Article[];
}

/**
 * The bulletin's content kept in memory by the preview: the settings and registries read
 * once, each article file as last read. A saved file is read and validated again alone
 * (through the same reader as src/model/loadContent.ts), and `content()` then gives what
 * loadContent would return for the whole folder now, problems between articles included.
 * Changes to site.yaml, people or topics are not handled here: the preview starts afresh.
 */
export class LiveContent {
  private readonly files = new Map<string, ArticleFile>();
  private readonly read: ArticleReader;
  private readonly settings: Settings;
  private readonly settingsProblems: Problem[];
  readonly root: string;
  readonly preview: boolean;
  readonly now: DateTime;

  constructor(opts: LoadOptions) {
    this.root = resolve(opts.root);
    this.preview = opts.preview ?? false;
    const problems = new ProblemList();
    this.settings = loadSettings(this.root, problems, opts.languages);
    this.settingsProblems = problems.items;
    this.now = (opts.now ?? DateTime.now()).setZone(this.settings.site.timeZone);
    this.read = articleReader(this.root, this.settings, this.now);
    for (const path of markdownFiles(this.articlesDir)) this.files.set(path, this.readFile(path));
  }

  get articlesDir(): string {
    return join(this.root, "content", "articles");
  }

  /** Reads `paths` again (absolute, below content/articles); files no longer there are dropped. */
  update(paths: readonly string[]): ArticleChange {
    const change: ArticleChange = { before: [], after: [] };
    let added = false;
    for (const path of new Set(paths)) {
      const old = this.files.get(path);
      if (old?.article) change.before.push(old.article);
      if (!existsSync(path)) {
        this.files.delete(path);
        continue;
      }
      const now = this.readFile(path);
      if (!old) added = true;
      this.files.set(path, now);
      if (now.article) change.after.push(now.article);
    }
    // Keeps loadContent's order (sorted paths): which of two clashing files is named first depends on it.
    if (added) this.sortFiles();
    return change;
  }

  /** The problems of `paths` alone, as they were last read. */
  problemsOf(paths: readonly string[]): Problem[] {
    return paths.flatMap((p) => this.files.get(p)?.problems ?? []);
  }

  /** Everything loadContent would return now. */
  content(): Content {
    const all: Article[] = [];
    const problems = new ProblemList();
    problems.items.push(...this.settingsProblems);
    for (const file of this.files.values()) {
      if (file.article) all.push(file.article);
      problems.items.push(...file.problems);
    }
    checkArticleSet(all, this.root, problems);
    // Read again each time: small, and a saved story can make a pick valid or not.
    const frontPage = loadFrontPage(this.root, this.settings, all, this.now, problems);
    return {
      ...this.settings,
      articles: articlesToBuild(all, this.preview),
      all,
      problems: problems.items,
      preview: this.preview,
      now: this.now,
      articleFiles: this.files.size,
      frontPage,
    };
  }

  private readFile(path: string): ArticleFile {
    const problems = new ProblemList();
    const article = this.read(path, problems);
    // As src/site/prepareSite.ts checks them: images of the articles to be built.
    if (article && (this.preview || (!article.draft && !article.scheduled))) problems.items.push(...imageProblems([article], this.root));
    return { article, problems: problems.items };
  }

  private sortFiles(): void {
    const sorted = [...this.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.files.clear();
    for (const [path, file] of sorted) this.files.set(path, file);
  }
}
