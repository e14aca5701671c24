import { distance } from "fastest-levenshtein";
import { nameKey, slugOrFallback } from "../text/slug.ts";
import type { Tag, TagKind } from "./types.ts";

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

  constructor(kind: TagKind) {
    this.kind = kind;
  }

  /**
   * Adds a registry entry. Returns the clashes found (another entry already answering to
   * one of its names, or holding its slug) as the clashing entry's source and the name.
   */
  register(tag: Tag): { name: string; other: Tag }[] {
    const clashes: { name: string; other: Tag }[] = [];
    const slugOwner = this.bySlug.get(tag.slug);
    if (slugOwner) clashes.push({ name: tag.slug, other: slugOwner });
    else this.bySlug.set(tag.slug, tag);
    for (const name of [tag.slug, tag.name, ...tag.aliases, ...(tag.nameAr ? [tag.nameAr] : [])]) {
      const key = nameKey(name);
      if (!key) continue;
      const owner = this.byKey.get(key);
      if (owner && owner !== tag) {
        if (!clashes.some((c) => c.other === owner)) clashes.push({ name, other: owner });
        continue;
      }
      this.byKey.set(key, tag);
      if (name !== tag.slug) this.known.set(key, name);
    }
    return clashes;
  }

  /** The entry a name refers to, creating one for a name nobody registered. */
  resolve(name: string): { tag: Tag; created: boolean } {
    const key = nameKey(name);
    const found = (key && this.byKey.get(key)) || this.bySlug.get(slugOrFallback(name));
    if (found) return { tag: found, created: false };
    const tag: Tag = { kind: this.kind, slug: slugOrFallback(name), name: name.replace(/\s+/g, " ").trim(), aliases: [], sameAs: [], bio: "" };
    this.byKey.set(key || tag.slug, tag);
    this.bySlug.set(tag.slug, tag);
    return { tag, created: true };
  }

  /** A registered name or alias that `name` is probably a misspelling of. */
  suggest(name: string): string | undefined {
    const key = nameKey(name);
    if (key.length < 4) return undefined;
    const allowed = key.length >= 10 ? 2 : 1;
    let best: { d: number; name: string } | undefined;
    for (const [known, spelling] of this.known) {
      if (Math.abs(known.length - key.length) > allowed) continue;
      const d = distance(known, key);
      if (d > 0 && d <= allowed && (!best || d < best.d)) best = { d, name: spelling };
    }
    return best?.name;
  }

  get registered(): Tag[] {
    return [...new Set(this.bySlug.values())].filter((t) => t.source);
  }
}
