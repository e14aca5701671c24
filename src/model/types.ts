import type { DateTime } from "luxon";
import type { ArticleImage, Lang } from "./schema.ts";

export type TagKind = "person" | "topic";

/** A person or topic: from the registry, or named in an article and known only by that name. */
export interface Tag {
  kind: TagKind;
  slug: string;
  name: string;
  nameAr?: string;
  /** People: their office. */
  role?: string;
  roleAr?: string;
  /** One line, shown under the name. */
  description?: string;
  descriptionAr?: string;
  aliases: string[];
  /** Authority links (Wikidata, Wikipedia) for structured data. */
  sameAs: string[];
  /** Markdown bio or description from the registry file's body. */
  bio: string;
  /** The registry file, or undefined for a name only seen in articles. */
  source?: string;
}

export interface Correction {
  date: DateTime;
  text: string;
}

/** An article after validation and enhancement: everything a layout prints is here. */
export interface Article {
  /** Path relative to the project root. */
  source: string;
  slug: string;
  title: string;
  /** Publication time, in the bulletin's time zone. */
  date: DateTime;
  updated?: DateTime;
  dateline?: string;
  /** The writer's summary; see `renderArticle` for the fallback. */
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
