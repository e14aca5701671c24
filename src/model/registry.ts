import { distance } from "fastest-levenshtein";
import { nameKey, slugOrFallback } from "../text/slug.ts";
import type { Tag, TagKind } from "./types.ts";
import { translatedField } from "./schema.ts";
import { lookalikeKey } from "./names.ts";

/** Another entry already answering to `name`, given in this entry's `field`. */
export interface RegistryClash {
  name: string;
  field: (string | number)[];
  other: Tag;
  /** Set when the other entry's name only looks the same (TR39 skeletons equal): that name. */
  lookalike?: string;
}

/**
 * Names to people and topics. A name, an alias or a slug resolves to one entry whatever
 * its case, accents, spacing or Unicode form; names nobody registered get an entry of
 * their own, one per key, so that every spelling variant shares one page.
 */
export class Registry {
  readonly kind: TagKind;
  private readonly byKey = new Map<string, Tag>();
  private readonly bySlug = new Map<string, Tag>();
  /** Registered names and aliases, for typo suggestions: key → the spelling to suggest. */
  private readonly known = new Map<string, string>();
  /** Names exactly as written → entry: the same few hundred names recur in every article. */
  private readonly byWritten = new Map<string, Tag>();
  /** Name as written → suggestion (or none), worked out once per distinct unknown name. */
  private readonly suggestions = new Map<string, string | undefined>();
  /** Registered names and aliases by what they look like (see names.ts): key → entry and spelling. */
  private readonly byLook = new Map<string, { tag: Tag; name: string }>();
  /** Name as written → the registered name it only looks like (or none). */
  private readonly lookalikes = new Map<string, string | undefined>();
  /** Entries made for names nobody registered → where each was first written. */
  private readonly firstUses = new Map<Tag, FirstUse>();
  /** Entries made for names nobody registered, by the name as written (which decides all of the entry): made again, they are the same objects (`forgetUnregistered`). */
  private readonly made = new Map<string, Tag>();

  constructor(kind: TagKind) {
    this.kind = kind;
  }

  /**
   * Adds a registry entry. Returns the clashes found: another entry already answering to
   * one of its names or holding its slug, with the field of this entry that clashed.
   */
  register(tag: Tag): RegistryClash[] {
    const clashes: RegistryClash[] = [];
    const names: { name: string; field: (string | number)[] }[] = [
      { name: tag.name, field: ["name"] },
      ...tag.aliases.map((name, i) => ({ name, field: ["aliases", i] })),
      ...Object.entries(tag.translations).flatMap(([lang, t]) => (t.name ? [{ name: t.name, field: [translatedField("name", lang)] }] : [])),
      { name: tag.slug, field: ["slug"] },
    ];
    for (const { name, field } of names) {
      const owner = this.byKey.get(nameKey(name));
      if (owner && owner !== tag && !clashes.some((c) => c.other === owner)) clashes.push({ name, field, other: owner });
    }
    const slugOwner = this.bySlug.get(tag.slug);
    if (slugOwner && !clashes.some((c) => c.other === slugOwner)) clashes.push({ name: tag.slug, field: ["slug"], other: slugOwner });
    // Names spelt with other letters but looking the same (a Cyrillic "а"): readers could not tell the two pages apart.
    const looks = names.filter(({ field }) => field[0] !== "slug").map((n) => ({ ...n, look: lookalikeKey(n.name) }));
    for (const { name, field, look } of looks) {
      const owner = this.byLook.get(look);
      if (owner && owner.tag !== tag && nameKey(owner.name) !== nameKey(name) && !clashes.some((c) => c.other === owner.tag)) {
        clashes.push({ name, field, other: owner.tag, lookalike: owner.name });
      }
    }
    // An entry that clashes is left out whole: half of it answering to some names would
    // only add confusing follow-on problems to the clash itself. One that only looks like
    // another is kept: its names are its own, and leaving it out (which of the two is the
    // right one?) would turn every story naming it into a follow-on problem.
    if (clashes.some((c) => c.lookalike === undefined)) return clashes;
    this.bySlug.set(tag.slug, tag);
    for (const { name, field } of names) {
      const key = nameKey(name);
      if (!key) continue;
      this.byKey.set(key, tag);
      if (field[0] !== "slug") this.known.set(key, name);
    }
    for (const { name, look } of looks) if (look && !this.byLook.has(look)) this.byLook.set(look, { tag, name });
    return clashes;
  }

  /** The entry a name refers to, creating one for a name nobody registered. */
  resolve(name: string): { tag: Tag; created: boolean } {
    const seen = this.byWritten.get(name);
    if (seen) return { tag: seen, created: false };
    const key = nameKey(name);
    const slug = slugOrFallback(name);
    let tag = (key && this.byKey.get(key)) || this.bySlug.get(slug);
    const created = !tag;
    if (!tag) {
      tag = this.made.get(name);
      if (!tag) {
        tag = { kind: this.kind, slug, name: name.replace(/\s+/g, " ").trim(), aliases: [], sameAs: [], bio: "", translations: {}, digest: `name ${name}` };
        this.made.set(name, tag);
      }
      this.byKey.set(key || slug, tag);
      this.bySlug.set(slug, tag);
    }
    this.byWritten.set(name, tag);
    return { tag, created };
  }

  /**
   * A registered name or alias that `name` is probably a misspelling of: one edit away
   * (two for long names), a swap of neighbouring letters counting as one. Short names and
   * names in scripts written without vowels are left alone: "Iran" and "Iraq", محمد and
   * محمود are different, and one letter is all that tells them apart.
   */
  suggest(name: string): string | undefined {
    if (this.suggestions.has(name)) return this.suggestions.get(name);
    const key = nameKey(name);
    const allowed = allowedEdits(key);
    let best: { d: number; name: string } | undefined;
    if (allowed > 0) {
      for (const [known, spelling] of this.known) {
        if (Math.abs(known.length - key.length) > allowed || digitsOf(known) !== digitsOf(key)) continue;
        const d = edits(known, key);
        if (d > 0 && d <= allowed && (!best || d < best.d)) best = { d, name: spelling };
      }
    }
    this.suggestions.set(name, best?.name);
    return best?.name;
  }

  /**
   * The registered name or alias that `name` is spelt differently from but looks the same
   * as (another script's lookalike letters: "Vlаdimir Putin" with a Cyrillic "а"), if any.
   */
  lookalike(name: string): string | undefined {
    if (this.lookalikes.has(name)) return this.lookalikes.get(name);
    const owner = this.byLook.get(lookalikeKey(name));
    const found = owner && nameKey(owner.name) !== nameKey(name) ? owner.name : undefined;
    this.lookalikes.set(name, found);
    return found;
  }

  /**
   * Forgets the entries made for names nobody registered, as if no article had been read yet;
   * the registered ones stay. For a process that builds again and again with the same registry
   * (src/publish/contentCache.ts): reading the articles' names again, in path order, makes each
   * entry again as its first use now spells it, the very object of the last build when that
   * spelling is the same, so that articles naming it can be kept as they were.
   */
  forgetUnregistered(): void {
    const made = new Set(this.made.values());
    for (const map of [this.byKey, this.bySlug, this.byWritten]) for (const [key, tag] of map) if (made.has(tag)) map.delete(key);
    this.firstUses.clear();
  }

  /** Records where a name nobody registered was first written; the first record of an entry stands. */
  noteFirstUse(tag: Tag, use: FirstUse): void {
    if (!tag.source && !this.firstUses.has(tag)) this.firstUses.set(tag, use);
  }

  /** The entries made for names nobody registered, each with where it was first written, in the order they were met. */
  unregistered(): { tag: Tag; use: FirstUse }[] {
    return [...this.firstUses].map(([tag, use]) => ({ tag, use }));
  }

  /** Every registered name, alias and translated name with its entry (for finding mentions). */
  names(): { name: string; tag: Tag }[] {
    return this.registered.flatMap((tag) =>
      [tag.name, ...tag.aliases, ...Object.values(tag.translations).flatMap((t) => (t.name ? [t.name] : []))].map((name) => ({ name, tag })));
  }

  get registered(): Tag[] {
    return [...new Set(this.bySlug.values())].filter((t) => t.source);
  }
}

/** Where a name was first written: the file, the field, and its line (worked out when asked: it costs a parse). */
export interface FirstUse {
  file: string;
  field: string;
  line: () => number | undefined;
}

/**
 * Pairs of names (indexes into `names`, the earlier first) that the typo rules of `suggest`
 * take for slips of each other: for names nobody registered, which make a page apiece
 * ("Bashar al-Assad" and "Bashar al-Asad"). A pair must be a slip away for both names'
 * lengths and scripts, with the same numbers.
 *
 * Not every name against every other: each name is filed under the strings left when up to
 * its allowed number of letters are deleted (the symmetric-delete idea of SymSpell). Two
 * names one or two edits apart (a swap of neighbours included) share such a string, so only
 * names sharing one are compared: linear in the names, where all pairs of 10,000 took seconds.
 */
export function likelySlips(names: readonly string[]): [number, number][] {
  const keys = names.map((n) => nameKey(n));
  const filed = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  keys.forEach((key, j) => {
    const allowed = allowedEdits(key);
    if (allowed === 0) return;
    const variants = deletions(key, allowed);
    const candidates = new Set<number>();
    for (const v of variants) for (const i of filed.get(v) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const other = keys[i]!;
      if (other === key || digitsOf(other) !== digitsOf(key)) continue;
      const d = edits(other, key);
      if (d > 0 && d <= Math.min(allowed, allowedEdits(other))) pairs.push([i, j]);
    }
    for (const v of variants) {
      const list = filed.get(v);
      if (list) list.push(j);
      else filed.set(v, [j]);
    }
  });
  return pairs;
}

/** `key` and every string left by deleting up to `k` of its characters. */
function deletions(key: string, k: number): Set<string> {
  const found = new Set([key]);
  let frontier = [key];
  for (let round = 0; round < k; round++) {
    const next: string[] = [];
    for (const s of frontier) {
      for (let i = 0; i < s.length; i++) {
        const v = s.slice(0, i) + s.slice(i + 1);
        if (!found.has(v)) {
          found.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return found;
}

const LATIN_KEY = /^[\p{Script=Latin}\p{N}-]*$/u;

/** How many slips a name (as a key) may hold and still be taken for a typo: none under five letters (eight in scripts written without vowels), two from sixteen. */
export function allowedEdits(key: string): number {
  const letters = [...key.replace(/-/g, "")].length;
  const minimum = LATIN_KEY.test(key) ? 5 : 8;
  if (letters < minimum) return 0;
  return letters >= 16 ? 2 : 1;
}

/** "Resolution 2254" and "Resolution 2253" differ by one letter, but are not a typo of each other. */
function digitsOf(key: string): string {
  return key.replace(/\D+/g, " ");
}

/** Levenshtein distance, except that swapping two neighbouring letters is one edit. */
export function edits(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && isOneSwap(a, b) ? 1 : d;
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
