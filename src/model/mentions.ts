import type { Registry } from "./registry.ts";
import type { Article, Tag } from "./types.ts";
import type { ProblemList } from "./problems.ts";
import { nameKey } from "../text/slug.ts";
import { tagSection } from "../urls.ts";

/**
 * Finds registry people and topics that an article's body names but its frontmatter does
 * not tag. One regular expression holds every registered name and alias, so each body is
 * scanned once whatever the size of the registry.
 */
export class MentionFinder {
  private readonly pattern: RegExp | undefined;
  /** Name key → the entries answering to it (a person and a topic may share a name). */
  private readonly byKey = new Map<string, Tag[]>();

  constructor(registries: readonly Registry[]) {
    const spellings = new Set<string>();
    for (const registry of registries) {
      for (const { name, tag } of registry.names()) {
        const key = nameKey(name);
        if (!key) continue;
        const tags = this.byKey.get(key) ?? [];
        if (!tags.includes(tag)) tags.push(tag);
        this.byKey.set(key, tags);
        spellings.add(name.trim());
      }
    }
    // Longest first, so that "Vladimir Putin" wins over "Putin" at the same place.
    const alternatives = [...spellings]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .map((s) => s.split(/\s+/).map(escapeRegExp).join("\\s+"));
    // The end of a name must not run into a letter; its start is checked in `untagged`
    // (a lookbehind in front of the alternatives would slow every position of the scan).
    this.pattern = alternatives.length ? new RegExp(`(?:${alternatives.join("|")})(?![\\p{L}\\p{N}\\p{M}])`, "giu") : undefined;
  }

  /** The first untagged mention of each entry, with the line it is on. */
  untagged(article: Article): { tag: Tag; text: string; line: number }[] {
    if (!this.pattern) return [];
    const tagged = new Set<Tag>([...article.people, ...article.topics]);
    const found: { tag: Tag; text: string; line: number }[] = [];
    const reported = new Set<Tag>();
    const body = article.body;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(body); m; m = this.pattern.exec(body)) {
      if (m.index > 0 && WORD_CHAR.test(body[m.index - 1]!)) {
        this.pattern.lastIndex = m.index + 1;
        continue;
      }
      for (const tag of this.byKey.get(nameKey(m[0])) ?? []) {
        if (tagged.has(tag) || reported.has(tag)) continue;
        reported.add(tag);
        found.push({ tag, text: m[0].replace(/\s+/g, " "), line: article.bodyLine + countNewlines(body, m.index) });
      }
    }
    return found;
  }

  /** Warns about every untagged mention in `articles`. */
  report(articles: readonly Article[], problems: ProblemList): void {
    for (const article of articles) {
      for (const { tag, text, line } of this.untagged(article)) {
        const field = tagSection(tag.kind);
        const named = nameKey(text) === nameKey(tag.name) ? `"${text}"` : `"${text}" (${tag.name})`;
        problems.warn(article.source, line, `the story mentions ${named}, which ${field}: does not list — add "${tag.name}" to ${field}: if the story is about ${tag.kind === "person" ? "them" : "it"}`);
      }
    }
  }
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
