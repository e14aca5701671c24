import type { Registry } from "./registry.ts";
import type { Article, Tag } from "./types.ts";
import type { ProblemList } from "./problems.ts";
import { nameKey } from "../text/slug.ts";
import { articleBody } from "./body.ts";
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
    // The end of a name must not run into a letter; its start is checked in `untagged`
    // (a lookbehind in front of the names would slow every position of the scan).
    const names = trieSource([...spellings].map((s) => s.toLowerCase()));
    this.pattern = names ? new RegExp(`(?:${names})(?![\\p{L}\\p{N}\\p{M}])`, "giu") : undefined;
  }

  /** The first untagged mention of each entry, with the line it is on. */
  untagged(article: Article): { tag: Tag; text: string; line: number }[] {
    if (!this.pattern) return [];
    const tagged = new Set<Tag>([...article.people, ...article.topics]);
    const found: { tag: Tag; text: string; line: number }[] = [];
    const reported = new Set<Tag>();
    const body = articleBody(article);
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(body); m; m = this.pattern.exec(body)) {
      if (m[0] === "" || (m.index > 0 && WORD_CHAR.test(body[m.index - 1]!))) {
        this.pattern.lastIndex = m.index + 1;
        continue;
      }
      for (const tag of this.byKey.get(nameKey(m[0])) ?? []) {
        if (tagged.has(tag) || reported.has(tag)) continue;
        if (withinTaggedName(body, m.index, m[0], tagged)) continue;
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

/**
 * Whether the match is part of a longer name the story does tag: "Lavrov" (an alias of
 * Sergey Lavrov) inside "Walid Lavrov" in a story tagged Walid Lavrov is no mention of
 * Sergey Lavrov.
 */
function withinTaggedName(body: string, index: number, text: string, tagged: ReadonlySet<Tag>): boolean {
  const needle = text.toLowerCase();
  for (const tag of tagged) {
    for (const name of [tag.name, ...tag.aliases]) {
      const lower = name.toLowerCase();
      if (lower.length <= needle.length) continue;
      for (let k = lower.indexOf(needle); k !== -1; k = lower.indexOf(needle, k + 1)) {
        if (index - k >= 0 && body.slice(index - k, index - k + lower.length).toLowerCase() === lower) return true;
      }
    }
  }
  return false;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The names as one regular expression shaped like a trie: `s(?:yria|yrian\s+arab\s+republic)`
 * rather than a list of names, so that at each place in a body the engine follows one branch
 * instead of trying every name (three times faster on the 10,000-article benchmark). Spaces
 * in a name match any run of white space, line ends included. Optional groups are greedy,
 * so the longest name at a place wins.
 */
function trieSource(names: string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const name of names) {
    let node = root;
    for (const unit of name.trim().split(/(\s+)/).flatMap((part) => (/^\s+$/.test(part) ? [" "] : [...part]))) {
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next].map(([unit, child]) => (unit === " " ? "\\s+" : escapeRegExp(unit)) + source(child));
    if (branches.length === 0) return "";
    const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join("|")})`;
    return node.end ? `${group}?` : group;
  };
  return source(root);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
