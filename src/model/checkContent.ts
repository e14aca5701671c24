import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { loadContent, type Content, type LoadOptions } from "./loadContent.ts";
import { MentionFinder } from "./mentions.ts";
import { ContentError, ProblemList, sortProblems, type Problem } from "./problems.ts";
import { splitFrontmatter } from "./yamlFile.ts";

export interface CheckResult {
  /** Undefined when content/site.yaml itself is unusable: nothing else can be read then. */
  content?: Content;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
}

/**
 * What `npm run check` reports: everything the build validates (images included, which
 * the build only meets while rendering), plus warnings for people and topics a story
 * names without tagging them. Reads content only; builds nothing.
 */
export async function checkContent(opts: LoadOptions): Promise<CheckResult> {
  let content: Content;
  try {
    content = loadContent(opts);
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems };
    throw error;
  }
  const more = new ProblemList();
  await checkImages(opts.root, content, more);
  new MentionFinder([content.people, content.topics]).report(content.all, more);
  return { content, problems: sortProblems([...content.problems, ...more.items]) };
}

/** Every `image.src` must name a file in content/, by the rule the build resizes it by. */
async function checkImages(root: string, content: Content, problems: ProblemList): Promise<void> {
  const illustrated = content.all.filter((a) => a.image);
  if (illustrated.length === 0) return;
  // Imported only when needed: it loads the image pipeline (sharp), slow to start.
  const { resolveImagePath } = await import("../images/responsiveImage.ts");
  const contentDir = join(root, "content");
  for (const article of illustrated) {
    const src = article.image!.src;
    let message: string | undefined;
    try {
      const file = resolveImagePath(src, join(root, article.source), contentDir);
      if (!existsSync(file) || !statSync(file).isFile()) message = `is not a file (looked for ${relative(root, file).split(sep).join("/")})`;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    if (message) problems.error(article.source, imageLine(join(root, article.source)), `image.src "${src}" ${message}`);
  }
}

function imageLine(path: string): number | undefined {
  const parsed = splitFrontmatter(readFileSync(path, "utf8"));
  return parsed.ok ? parsed.file.lineOf(["image", "src"]) : undefined;
}
