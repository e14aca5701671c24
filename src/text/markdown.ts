import markdownIt, { type MarkdownIt, type Token } from "markdown-it";

/**
 * The one markdown-it setup of the bulletin. Raw HTML stays text unless the site config
 * allows it; no typographic replacements, so the agency's text is printed as written.
 */
export function createMarkdown(opts: { allowHtml: boolean }): MarkdownIt {
  return markdownIt({ html: opts.allowHtml, linkify: false, typographer: false });
}

export interface RenderedBody {
  html: string;
  /** The first paragraph as plain text: the default summary. */
  firstParagraph: string;
}

/**
 * Renders a body once. `lead` (the dateline, already escaped HTML) is put at the start of
 * the first paragraph, where wire copy prints it.
 */
export function renderBody(md: MarkdownIt, body: string, lead?: string): RenderedBody {
  const tokens = md.parse(body, {});
  const first = tokens.findIndex((t: Token) => t.type === "paragraph_open" && t.level === 0);
  const inline = first === -1 ? undefined : tokens[first + 1];
  const firstParagraph = inline ? plainText(inline.children ?? []) : "";
  if (lead && inline?.children) {
    const token = new (inline.constructor as new (type: string, tag: string, nesting: number) => Token)("html_inline", "", 0);
    token.content = `${lead} `;
    inline.children.unshift(token);
  }
  return { html: md.renderer.render(tokens, md.options, {}), firstParagraph };
}

/** Markdown as plain text, one string per paragraph or heading: for structured data, which wants text. */
export function markdownText(md: MarkdownIt, source: string): string[] {
  return md
    .parse(source, {})
    .filter((t: Token) => t.type === "inline")
    .map((t: Token) => plainText(t.children ?? []))
    .filter(Boolean);
}

function plainText(children: Token[]): string {
  return children
    .map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : t.type === "softbreak" || t.type === "hardbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
