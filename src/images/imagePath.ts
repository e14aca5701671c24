import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Article } from "../model/types.ts";
import type { Problem } from "../model/problems.ts";
import { splitFrontmatter } from "../model/yamlFile.ts";
import { ContentFolder, NO_FILE } from "../model/contentFile.ts";

// Where an article's image file is, and whether it is there: light enough for content
// validation to use without loading the image encoder.

/**
 * The file an article's `image.src` names: relative to the article's own file, or, when
 * it starts with `/`, relative to `content/`. Web addresses are not fetched: builds stay
 * offline and reproducible.
 */
export function resolveImagePath(src: string, articleSource: string, contentDir = "content"): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) throw new Error("must be a file in content/, not a web address");
  const path = src.startsWith("/") ? join(contentDir, src) : join(dirname(articleSource), src);
  const rel = relative(resolve(contentDir), resolve(path));
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error("must be a file inside content/");
  return path;
}

/**
 * The `content/` folder an article file lives in, from its path as the build reports it
 * (relative to the working directory, which need not be the site's root).
 */
export function contentDirOf(articleSource: string): string {
  const posix = articleSource.split(sep).join("/");
  const at = posix.indexOf("content/articles/");
  return at === -1 ? "content" : posix.slice(0, at + "content".length);
}

/**
 * What is wrong with an article's `image.src`, if anything: checked while content is read,
 * so that a writer sees `file:LINE: message` with every other problem, before any page renders.
 */
export function imageFileProblem(src: string, articleSource: string, contentDir = contentDirOf(articleSource)): string | undefined {
  let file: string;
  try {
    file = resolveImagePath(src, articleSource, contentDir);
  } catch (error) {
    return `image.src "${src}" ${error instanceof Error ? error.message : String(error)}`;
  }
  const problem = new ContentFolder(contentDir).problemOf(file);
  if (!problem) return undefined;
  return `image.src "${src}" ${problem === NO_FILE ? `${problem} (looked for ${file})` : problem}`;
}

/**
 * The image problems of the articles about to be built, each on the line of its `image.src`
 * (paths in messages relative to the site's root, as `npm run check` words them). Run
 * before rendering, so a missing image stops the build like any other content error.
 */
export function imageProblems(articles: readonly Article[], root: string): Problem[] {
  const contentDir = join(root, "content");
  const folder = new ContentFolder(contentDir);
  const problems: Problem[] = [];
  for (const article of articles) {
    if (!article.image) continue;
    const src = article.image.src;
    const source = resolve(root, article.source); // sources are relative to the site root (Problem.file)
    let message: string | undefined;
    try {
      const file = resolveImagePath(src, source, contentDir);
      // A link out of content/ passes resolveImagePath, which looks at the path only.
      const problem = folder.problemOf(file);
      if (problem) message = problem === NO_FILE ? `${problem} (looked for ${relative(root, file).split(sep).join("/")})` : problem;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    if (!message) continue;
    const parsed = splitFrontmatter(readFileSync(source, "utf8"));
    const line = parsed.ok ? parsed.file.lineOf(["image", "src"]) : undefined;
    problems.push({ file: article.source, line, message: `image.src "${src}" ${message}`, severity: "error" });
  }
  return problems;
}
