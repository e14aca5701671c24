/** Escaping per output context. Layouts escape by default (JSX); these serve the rest. */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** For HTML text and attribute values, and for XML (the same five characters). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

export const escapeXml = escapeHtml;

/**
 * JSON to put inside `<script type="application/ld+json">`: still valid JSON, and no
 * `</script>`, `<!--` or line separator can end or confuse the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
