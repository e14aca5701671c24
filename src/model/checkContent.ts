import { loadContent, type Content, type LoadOptions } from "./loadContent.ts";
import { MentionFinder } from "./mentions.ts";
import { ContentError, ProblemList, sortProblems, type Problem } from "./problems.ts";

export interface CheckResult {
  /** Undefined when content/site.yaml itself is unusable: nothing else can be read then. */
  content?: Content;
  /** Every problem, sorted by file and line. */
  problems: Problem[];
}

/**
 * What `npm run check` reports: everything the build validates, plus warnings for people
 * and topics a story names without tagging them. Reads content only; builds nothing.
 */
export function checkContent(opts: LoadOptions): CheckResult {
  let content: Content;
  try {
    content = loadContent(opts);
  } catch (error) {
    if (error instanceof ContentError) return { problems: error.problems };
    throw error;
  }
  const mentions = new ProblemList();
  new MentionFinder([content.people, content.topics]).report(content.all, mentions);
  return { content, problems: sortProblems([...content.problems, ...mentions.items]) };
}
