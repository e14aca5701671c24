import { loadContent, type Content, type LoadOptions } from "./loadContent.ts";
import { MentionFinder } from "./mentions.ts";
import { reportNewNames } from "./newNames.ts";
import { ContentError, ProblemList, sortProblems, type Problem } from "./problems.ts";
import { imageProblems } from "../images/imagePath.ts";

export interface CheckResult {
  /** Undefined when content/site.yaml itself is unusable: nothing else can be read then. */
  content?: Content;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
}

/**
 * What `npm run check` reports: everything the build validates (images included, which
 * the build only meets while rendering), plus warnings for people and topics a story
 * names without tagging them, and for names no registry file has. Reads content only;
 * builds nothing.
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
  more.items.push(...imageProblems(content.all, opts.root));
  new MentionFinder([content.people, content.topics]).report(content.all, more);
  reportNewNames([content.people, content.topics], more);
  return { content, problems: sortProblems([...content.problems, ...more.items]) };
}
