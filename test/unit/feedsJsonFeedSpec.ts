/**
 * The rules of JSON Feed 1.1 (https://jsonfeed.org/version/1.1) that a document can be
 * checked against, as a list of broken rules. The spec's own words are quoted where it helps.
 */
export function checkJsonFeed(doc: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const isUrl = (v: unknown) => typeof v === "string" && /^https?:\/\/[^\s]+$/.test(v);
  // RFC 3339 with a time zone, as the spec requires for date_published and date_modified.
  const isRfc3339 = (v: unknown) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v);
  const optional = (obj: Record<string, unknown>, key: string, ok: (v: unknown) => boolean, where: string) => {
    if (key in obj && !ok(obj[key])) problems.push(`${where}.${key} is malformed: ${JSON.stringify(obj[key])}`);
  };
  const checkAuthors = (obj: Record<string, unknown>, where: string) => {
    if (!("authors" in obj)) return;
    const authors = obj.authors;
    if (!Array.isArray(authors)) return void problems.push(`${where}.authors must be an array`);
    authors.forEach((a, i) => {
      if (!isObject(a) || !["name", "url", "avatar"].some((k) => typeof a[k] === "string")) problems.push(`${where}.authors[${i}] needs a name, url or avatar`);
    });
  };
  if (!isObject(doc)) return ["the feed must be a JSON object"];
  if (doc.version !== "https://jsonfeed.org/version/1.1") problems.push(`version must be https://jsonfeed.org/version/1.1, not ${JSON.stringify(doc.version)}`);
  if (typeof doc.title !== "string" || !doc.title) problems.push("title is required");
  optional(doc, "home_page_url", isUrl, "feed");
  optional(doc, "feed_url", isUrl, "feed");
  optional(doc, "icon", isUrl, "feed");
  optional(doc, "language", (v) => typeof v === "string" && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(v), "feed");
  checkAuthors(doc, "feed");
  if (!Array.isArray(doc.items)) return [...problems, "items is required and must be an array"];
  const ids = new Set<string>();
  doc.items.forEach((item: unknown, i: number) => {
    const where = `items[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} must be an object`);
    // "id (required, string) is unique for that item for that feed over time."
    if (typeof item.id !== "string" || !item.id) problems.push(`${where}.id is required and must be a string`);
    else if (ids.has(item.id)) problems.push(`${where}.id ${item.id} is not unique`);
    else ids.add(item.id);
    // "content_html and content_text are each optional strings — but one or both must be present."
    if (typeof item.content_html !== "string" && typeof item.content_text !== "string") problems.push(`${where} needs content_html or content_text`);
    optional(item, "url", isUrl, where);
    optional(item, "image", isUrl, where);
    optional(item, "title", (v) => typeof v === "string", where);
    optional(item, "summary", (v) => typeof v === "string", where);
    optional(item, "date_published", isRfc3339, where);
    optional(item, "date_modified", isRfc3339, where);
    optional(item, "tags", (v) => Array.isArray(v) && v.every((t) => typeof t === "string"), where);
    checkAuthors(item, where);
  });
  return problems;
}
