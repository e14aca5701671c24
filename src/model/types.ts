import type { DateTime } from "luxon";
import type { ArticleFrontmatter } from "./schema.ts";
import type { LiveCoverage } from "./live.ts";

export type TagKind = "person" | "topic";

/** A person or topic: from the registry, or named in an article and known only by that name. */
export interface Tag {
  kind: TagKind;
  slug: string;
  /** In the default edition's language (content/site.yaml `lang`). */
  name: string;
  /** People: their office. */
  role?: string;
  /** One line, shown under the name. */
  description?: string;
  /** The name, role and description in other languages, by language (`nameAr` in the file: `translations.ar.name`). */
  translations: Record<string, TagTranslation>;
  aliases: string[];
  /** Authority links (Wikidata, Wikipedia) for structured data. */
  sameAs: string[];
  /** Markdown bio or description from the registry file's body. */
  bio: string;
  /** The registry file, or undefined for a name only seen in articles. */
  source?: string;
  /** Changes whenever the registry file does (src/site/reads.ts); the name itself for a name only seen in articles. */
  digest: string;
}

export interface TagTranslation {
  name?: string;
  role?: string;
  description?: string;
}

export interface Correction {
  date: DateTime;
  text: string;
}

/**
 * An article after validation and enhancement: its frontmatter as the schema gives it
 * (src/model/schema.ts: a field added there is here too), with names resolved to people and
 * topics, and what the build works out (slug, URL, whether it is still scheduled).
 */
export interface Article extends Omit<ArticleFrontmatter, "people" | "topics" | "live"> {
  /** Path relative to the project root. */
  source: string;
  /** Changes whenever the file's text does (src/site/reads.ts). */
  digest: string;
  slug: string;
  people: Tag[];
  topics: Tag[];
  /** Dated after the build started: only built when previews include the future. */
  scheduled: boolean;
  /** The Markdown body: read it through `articleBody` (src/model/body.ts), which reads it from the file for an article made from the record. */
  body: string;
  bodyLine: number;
  /** Site-relative URL, ending in `/`. */
  url: string;
  /** A live story (frontmatter `live:`): its updates, read from the body, and whether it is open at the build's clock. */
  live?: LiveCoverage;
  /** When it last changed for a reader: kept here by `lastModified` (src/seo/lastModified.ts) the first time it is asked. */
  modified?: DateTime;
}
