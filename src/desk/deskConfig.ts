/**
 * The web desk's configuration (Decap CMS, served at /admin/), generated from the content
 * contract rather than written by hand: the article fields come from the zod schema
 * (src/model/schema.ts), the names writers pick from come from content/people and
 * content/topics, the time zone and languages from content/site.yaml. `npm run build`
 * writes it to /admin/config.json (src/pages/deskConfig.ts); `npm start`'s desk
 * server answers it from the content as it is at that moment (src/desk/deskServer.ts).
 *
 * The browser half (desk/desk.js) reads the same JSON: `cms` goes to `CMS.init`, the rest
 * drives the widgets and the file format that the bulletin adds to Decap.
 */
import { articleFrontmatterSchema, ARTICLE_FIELDS, registryFields, translatedField, type ArticleField, type Lang } from "../model/schema.ts";
import type { SiteConfig } from "../model/site.ts";
import type { Registry } from "../model/registry.ts";
import type { Tag } from "../model/types.ts";
import { LANGUAGES, type Language } from "../i18n/languages.ts";
import { editionConfigs } from "../collections/editions.ts";

/** One Decap field (https://decapcms.org/docs/widgets/); the bulletin's own widgets take the extra keys below. */
export interface DeskField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  fields?: DeskField[];
  options?: { label: string; value: string }[];
  [option: string]: unknown;
}

/** A registered person or topic as the names widget offers it. */
export interface RegistryName {
  name: string;
  aliases: string[];
  /** Its names in the other editions' languages (`nameAr`…), which find it too. */
  translated: string[];
}

/** Where the desk commits in production, and how writers sign in (docs/deploy.md). */
export interface DeskBackend {
  /** `owner/name` on GitHub. */
  repo: string;
  branch: string;
  /** An OAuth proxy's origin (Decap's `base_url`), when it is not Netlify's. */
  authUrl?: string;
  /** Its path (Decap's `auth_endpoint`), default `auth`. */
  authEndpoint?: string;
}

export interface DeskConfigOptions {
  site: SiteConfig;
  /** The languages articles may be in: the product's (src/i18n/languages.ts) unless a test adds one. */
  languages?: readonly Language[];
  people: Registry;
  topics: Registry;
  backend: DeskBackend;
  /** `npm start`: Decap talks to decap-server's file-system API at this URL instead of GitHub. */
  localBackendUrl?: string;
  /** Where "view live" points: the preview locally, `site.baseUrl` in production. */
  siteUrl?: string;
}

/** What desk/desk.js reads. */
export interface DeskConfig {
  /** The bulletin's time zone: the date widget shows and takes wall-clock time there. */
  timeZone: string;
  /** Frontmatter keys in the order the file format writes them: the schema's own order. */
  fieldOrder: readonly ArticleField[];
  /** The same for people and topics (content/people, content/topics). */
  registryFieldOrder: readonly string[];
  /** Fields holding dates (the format turns wall-clock time into ISO 8601 with offset and back). */
  dateFields: string[];
  /** Objects the form edits as a list of at most one (the format writes the object itself). */
  singleItemLists: string[];
  /** Text fields whose `true` and `false` the format writes as YAML booleans (`live:`). */
  flagFields: string[];
  /** The labels of the preview pane, per language, from src/i18n/strings.ts. */
  previewStrings: Record<Lang, PreviewStrings>;
  /** Decap's own configuration, given to CMS.init. */
  cms: Record<string, unknown>;
}

export interface PreviewStrings {
  published: string;
  updated: string;
  by: string;
  corrections: string;
  draft: string;
  people: string;
  topics: string;
  /** The dateline with `{place}` where the place goes. */
  dateline: string;
  locale: string;
  numberingSystem?: string;
}

const ARTICLES_FOLDER = "content/articles";
/** "العربية (Arabic)": a language in its own words, then in English for editors who do not read it. */
function languageLabel(language: Language): string {
  const english = new Intl.DisplayNames(["en"], { type: "language" }).of(language.lang) ?? language.lang;
  return language.strings.languageName === english ? english : `${language.strings.languageName} (${english})`;
}

/**
 * Every schema field's editor, keyed by the field: the type makes a field added to
 * ARTICLE_FIELDS a compile error here until the desk has a widget for it, and
 * `missingSchemaFields` checks the generated configuration against the zod schema itself.
 */
function articleFieldEditors(opts: DeskConfigOptions): Record<ArticleField, DeskField> {
  const { site, people, topics } = opts;
  const zone = site.timeZone;
  return {
    lang: {
      name: "lang", label: "Edition", widget: "bulletin-lang", required: true, default: site.lang,
      options: (opts.languages ?? LANGUAGES).map((l) => ({ label: languageLabel(l), value: l.lang })),
      hint: "An Arabic story is written right to left and goes to the Arabic edition (/ar/).",
    },
    title: { name: "title", label: "Headline", widget: "bulletin-string", required: true, hint: "Plain text. It also names the file and the web address." },
    date: {
      name: "date", label: "Publication time", widget: "datetime", required: true, time_zone: zone, default_now: true,
      hint: `Bulletin time (${zone}). A later time schedules the story.`,
    },
    dateline: { name: "dateline", label: "Dateline", widget: "bulletin-string", required: false, hint: "The place only, e.g. Damascus; the agency's name is added." },
    summary: { name: "summary", label: "Summary", widget: "bulletin-text", required: false, hint: "One or two sentences. Left blank, the first paragraph is used." },
    people: {
      name: "people", label: "People", widget: "bulletin-names", required: false, kind: "person", registry: registryNames(people),
      hint: "Pick from the bulletin's people. A name not on the list can still be added: it is marked, and npm run check warns about it.",
    },
    topics: {
      name: "topics", label: "Topics", widget: "bulletin-names", required: false, kind: "topic", registry: registryNames(topics),
      hint: "Pick from the bulletin's topics; the first is shown above the headline.",
    },
    author: { name: "author", label: "Byline", widget: "bulletin-string", required: false },
    // A list of at most one: Decap checks the required parts of an object even when the object
    // is optional, so a story without an image could not be saved. The format turns the list
    // into the contract's `image:` object and back (`singleItemLists`).
    image: {
      name: "image", label: "Image", label_singular: "image", widget: "list", required: false, max: 1, collapsed: false,
      summary: "{{fields.alt}}",
      hint: "Saved next to the story's file. The description is required: it is what blind readers hear.",
      fields: [
        { name: "src", label: "Picture", widget: "image", required: true, choose_url: false },
        { name: "alt", label: "Description for readers who cannot see it", widget: "bulletin-string", required: true },
        { name: "caption", label: "Caption", widget: "bulletin-string", required: false },
        { name: "credit", label: "Credit", widget: "bulletin-string", required: false },
      ],
    },
    corrections: {
      name: "corrections", label: "Corrections", label_singular: "correction", widget: "list", required: false,
      allow_add: true, collapsed: false, summary: "{{fields.text}}",
      hint: "A correction is added as an entry, never by rewriting the story silently.",
      fields: [
        { name: "date", label: "Corrected at", widget: "datetime", required: true, time_zone: zone, default_now: true, hint: `Bulletin time (${zone}).` },
        { name: "text", label: "What was wrong", widget: "bulletin-text", required: true },
      ],
    },
    updated: {
      name: "updated", label: "Updated", widget: "datetime", required: false, time_zone: zone,
      hint: `Optional: shown as "Updated …". Bulletin time (${zone}).`,
    },
    translation: {
      name: "translation", label: "Translation key", widget: "string", required: false,
      hint: "The same key on the English and the Arabic version links them, e.g. putin-kerry-2016-07-15.",
    },
    breaking: {
      name: "breaking", label: "Breaking news until", widget: "datetime", required: false, time_zone: zone,
      hint: `Optional: a banner on every page of the edition links to this story until then. Bulletin time (${zone}).`,
    },
    live: {
      name: "live", label: "Live coverage", widget: "bulletin-string", required: false,
      hint: "Optional: true while updates are being added, false once coverage closes, or the time it ends (2016-07-15T23:00:00+03:00). Each update is a ## heading with its time: ## 14:05 Headline.",
    },
    draft: { name: "draft", label: "Draft (not published)", widget: "boolean", required: false, default: true, hint: "Untick to publish." },
  };
}

/** The order of the editor form (the file keeps the schema's order, see `fieldOrder`). */
const FORM_ORDER: readonly ArticleField[] = ["lang", "title", "date", "dateline", "summary", "people", "topics", "author", "image"];
const FORM_TAIL: readonly ArticleField[] = ["corrections", "updated", "breaking", "live", "translation", "draft"];

/** The keys of the article schema: its zod shape, not a list kept beside it. */
export function schemaFields(site: Pick<SiteConfig, "timeZone" | "lang">, languages: readonly Language[] = LANGUAGES): string[] {
  return Object.keys(articleFrontmatterSchema(site.timeZone, site.lang, languages.map((l) => l.lang)).shape);
}

/** Schema fields the desk's article collection has no editor for (empty when the desk is complete). */
export function missingSchemaFields(config: DeskConfig, site: Pick<SiteConfig, "timeZone" | "lang">): string[] {
  const collection = articleCollection(config);
  const names = new Set(((collection?.fields ?? []) as DeskField[]).map((f) => f.name));
  return schemaFields(site).filter((f) => !names.has(f));
}

/** Fields in the desk that the schema does not know: they would end up as unknown keys in a file. */
export function unknownDeskFields(config: DeskConfig, site: Pick<SiteConfig, "timeZone" | "lang">): string[] {
  const known = new Set([...schemaFields(site), "body"]);
  const collection = articleCollection(config);
  return ((collection?.fields ?? []) as DeskField[]).map((f) => f.name).filter((n) => !known.has(n));
}

export function articleCollection(config: DeskConfig): Record<string, unknown> | undefined {
  return (config.cms.collections as Record<string, unknown>[]).find((c) => c.name === "articles");
}

export function deskConfig(opts: DeskConfigOptions): DeskConfig {
  const { site, backend } = opts;
  const editors = articleFieldEditors(opts);
  const formOrder = [...FORM_ORDER, ...FORM_TAIL];
  const leftOut = ARTICLE_FIELDS.filter((f) => !formOrder.includes(f));
  if (leftOut.length > 0) throw new Error(`the desk's form does not place ${leftOut.join(", ")}: add them to FORM_ORDER in src/desk/deskConfig.ts`);
  const body: DeskField = { name: "body", label: "Story", widget: "bulletin-markdown", required: true, hint: "Markdown: ## for a subhead. The dateline is added before the first paragraph." };
  const fields = [...FORM_ORDER.map((f) => editors[f]), body, ...FORM_TAIL.map((f) => editors[f])];
  const dateFields = ["date", "updated", "breaking", "corrections.date"];
  const unknown = schemaFields(site).filter((f) => !(f in editors));
  if (unknown.length > 0) throw new Error(`the desk has no editor for the schema fields ${unknown.join(", ")}: add them in src/desk/deskConfig.ts`);

  const cms: Record<string, unknown> = {
    load_config_file: false,
    backend: {
      name: "github",
      repo: backend.repo,
      branch: backend.branch,
      ...(backend.authUrl ? { base_url: backend.authUrl, auth_endpoint: backend.authEndpoint ?? "auth" } : {}),
      commit_messages: {
        create: "Desk: file “{{slug}}” ({{author-login}})",
        update: "Desk: edit “{{slug}}” ({{author-login}})",
        delete: "Desk: delete “{{slug}}” ({{author-login}})",
        uploadMedia: "Desk: add image {{path}} ({{author-login}})",
        deleteMedia: "Desk: delete image {{path}} ({{author-login}})",
      },
    },
    ...(opts.localBackendUrl ? { local_backend: { url: opts.localBackendUrl } } : {}),
    site_url: opts.siteUrl ?? site.baseUrl,
    display_url: opts.siteUrl ?? site.baseUrl,
    locale: "en",
    // The media library (images not tied to a story); `/articles/x.jpg` is content/articles/x.jpg,
    // as image.src reads it. A story's own images go next to its file (the collection's setting).
    media_folder: ARTICLES_FOLDER,
    public_folder: "/articles",
    slug: { encoding: "unicode", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      {
        name: "articles",
        label: "Stories",
        label_singular: "story",
        description: "Each story is a Markdown file in content/articles/YYYY/MM/, named after its date and headline.",
        folder: ARTICLES_FOLDER,
        create: true,
        delete: false,
        extension: "md",
        format: "bulletin-frontmatter",
        // {{year}}, {{month}}, {{day}}: the story's date as the form holds it, the bulletin's
        // wall clock (src/desk/admin/desk.js), so the folder and the file name are the story's
        // day in the bulletin's time zone, as `npm run new` names them.
        path: "{{year}}/{{month}}/{{year}}-{{month}}-{{day}}-{{slug}}",
        slug: "{{slug}}",
        identifier_field: "title",
        media_folder: "",
        public_folder: "",
        summary: "{{fields.title}} · {{year}}-{{month}}-{{day}} {{hour}}:{{minute}}{{fields.draft | ternary(' · draft', '')}}",
        sortable_fields: ["date", "title"],
        view_filters: [
          { label: "Drafts", field: "draft", pattern: true },
          { label: "Arabic edition", field: "lang", pattern: "ar" },
        ],
        editor: { preview: true },
        fields,
      },
      registryCollection("person", site, opts.languages ?? LANGUAGES),
      registryCollection("topic", site, opts.languages ?? LANGUAGES),
    ],
  };
  return {
    timeZone: site.timeZone,
    fieldOrder: ARTICLE_FIELDS,
    registryFieldOrder: registryFieldOrder(site, opts.languages ?? LANGUAGES),
    dateFields,
    singleItemLists: ["image"],
    flagFields: ["live"],
    previewStrings: Object.fromEntries(editionConfigs(site, opts.languages ?? LANGUAGES).map((edition) => [edition.lang, previewStrings(edition)])) as Record<Lang, PreviewStrings>,
    cms,
  };
}

type RegistryKind = "person" | "topic";

/** The keys a registry entry's file may have (people have a role), translations included: the schema's own list. */
export function registrySchemaFields(kind: RegistryKind, site: Pick<SiteConfig, "lang">, languages: readonly Language[] = LANGUAGES): string[] {
  return registryFields(kind, otherLanguages(site, languages).map((l) => l.lang));
}

/** The other editions' languages: the ones a registry entry gives translations in. */
function otherLanguages(site: Pick<SiteConfig, "lang">, languages: readonly Language[]): Language[] {
  return languages.filter((l) => l.lang !== site.lang);
}

/** The order a registry file's fields are written in: names first, then what describes the entry. */
function registryFieldOrder(site: Pick<SiteConfig, "lang">, languages: readonly Language[]): string[] {
  const others = otherLanguages(site, languages).map((l) => l.lang);
  return [
    "name", "slug", "aliases", ...others.map((l) => translatedField("name", l)),
    "description", ...others.map((l) => translatedField("description", l)),
    "sameAs", "role", ...others.map((l) => translatedField("role", l)),
  ];
}

/**
 * People and topics in the desk: an editor can register a name that writers then pick from
 * (content/people/<slug>.md, content/topics/<slug>.md, the same files as by hand).
 */
function registryCollection(kind: RegistryKind, site: Pick<SiteConfig, "lang">, languages: readonly Language[]): Record<string, unknown> {
  const editors: Record<string, DeskField> = {
    name: { name: "name", label: "Name", widget: "string", required: true, hint: "As pages show it." },
    role: { name: "role", label: "Role", widget: "string", required: false, hint: "Shown under the name, e.g. President of Russia." },
    aliases: { name: "aliases", label: "Other names", widget: "list", required: false, hint: "Other spellings and short forms writers use, separated by commas; each finds this entry." },
    description: { name: "description", label: "One line about them", widget: "string", required: false },
    sameAs: { name: "sameAs", label: "Authority links", widget: "list", required: false, hint: "Full web addresses, e.g. https://www.wikidata.org/wiki/Q7747, separated by commas." },
    slug: { name: "slug", label: "Web address name", widget: "string", required: false, hint: "Leave blank: the file's name is used." },
  };
  for (const language of otherLanguages(site, languages)) {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(language.lang) ?? language.lang;
    editors[translatedField("name", language.lang)] = { name: translatedField("name", language.lang), label: `Name in ${name}`, widget: "string", required: false };
    editors[translatedField("role", language.lang)] = { name: translatedField("role", language.lang), label: `Role in ${name}`, widget: "string", required: false };
    editors[translatedField("description", language.lang)] = { name: translatedField("description", language.lang), label: `One line in ${name}`, widget: "string", required: false };
  }
  const keys = registrySchemaFields(kind, site, languages);
  const missing = keys.filter((k) => !(k in editors));
  if (missing.length > 0) throw new Error(`the desk has no editor for the ${kind} fields ${missing.join(", ")}: add them in src/desk/deskConfig.ts`);
  const people = kind === "person";
  return {
    name: people ? "people" : "topics",
    label: people ? "People" : "Topics",
    label_singular: people ? "person" : "topic",
    description: people
      ? "The people writers pick from. A file in content/people/ each; its page is /people/<slug>/."
      : "The topics writers pick from. A file in content/topics/ each; its page is /topics/<slug>/.",
    folder: people ? "content/people" : "content/topics",
    create: true,
    delete: false,
    extension: "md",
    format: "bulletin-registry",
    slug: "{{slug}}",
    identifier_field: "name",
    summary: "{{fields.name}}",
    fields: [
      ...Object.values(editors).filter((f) => keys.includes(f.name)),
      { name: "body", label: people ? "Biography" : "About the topic", widget: "markdown", required: false, hint: "Markdown, shown on the English page." },
    ],
  };
}

function previewStrings(edition: ReturnType<typeof editionConfigs>[number]): PreviewStrings {
  const s = edition.strings;
  return {
    locale: edition.locale,
    numberingSystem: edition.numberingSystem,
    published: s.published, updated: s.updated, by: s.by, corrections: s.corrections, draft: s.draft,
    people: s.people, topics: s.topics, dateline: s.dateline("{place}", edition.agency),
  };
}

function registryNames(registry: Registry): RegistryName[] {
  return registry.registered
    .map((t: Tag) => ({ name: t.name, aliases: t.aliases, translated: Object.values(t.translations).flatMap((x) => (x.name ? [x.name] : [])) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The production backend from the environment: GitHub Actions sets GITHUB_REPOSITORY, so the
 * deploy workflow needs no setting; DESK_REPO, DESK_BRANCH, DESK_AUTH_URL and
 * DESK_AUTH_ENDPOINT override (docs/deploy.md).
 */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env): DeskBackend {
  return {
    repo: env.DESK_REPO || env.GITHUB_REPOSITORY || "OWNER/REPOSITORY",
    branch: env.DESK_BRANCH || "main",
    ...(env.DESK_AUTH_URL ? { authUrl: env.DESK_AUTH_URL.replace(/\/+$/, "") } : {}),
    ...(env.DESK_AUTH_ENDPOINT ? { authEndpoint: env.DESK_AUTH_ENDPOINT } : {}),
  };
}
