import type { DateTime } from "luxon";
import type { ArticleImage, Lang } from "./schema.ts";

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

/** An article after validation and enhancement: everything a layout prints is here. */
export interface Article {
  /** Path relative to the project root. */
  source: string;
  /** Changes whenever the file's text does (src/site/reads.ts). */
  digest: string;
  slug: string;
  title: string;
  /** Publication time, in the bulletin's time zone. */
  date: DateTime;
  updated?: DateTime;
  dateline?: string;
  /** The writer's summary; without one, teasers show the first paragraph (`Site.summary`). */
  summary?: string;
  people: Tag[];
  topics: Tag[];
  author?: string;
  image?: ArticleImage;
  corrections: Correction[];
  draft: boolean;
  /** Dated after the build started: only built when previews include the future. */
  scheduled: boolean;
  lang: Lang;
  translation?: string;
  body: string;
  bodyLine: number;
  /** Site-relative URL, ending in `/`. */
  url: string;
}
