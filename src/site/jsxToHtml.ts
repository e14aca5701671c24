import { escapeEntities } from "jsx-async-runtime";

/**
 * Renders a jsx-async-runtime element tree to HTML, with the output of the library's own
 * `jsxToString` (same escaping, attributes and void elements), but synchronously wherever
 * no component returns a Promise. The library awaits every node, which at 10,000
 * articles cost more than the rest of rendering together (a Promise per element, and the
 * garbage they leave); async components (images) still work, and only their subtree waits.
 */
export function jsxToHtml(node: unknown): string | Promise<string> {
  if (node === null) return "";
  switch (typeof node) {
    case "string":
      return escapeEntities(node);
    case "number":
    case "bigint":
      return String(node);
    case "object":
      break;
    default:
      return "";
  }
  const element = node as Partial<JsxNode>;
  if ("html" in element) return String(element.html);
  if (element.type === "textNode") return escapeEntities(String(element.text));
  if (typeof element.tag === "function") {
    const result: unknown = element.tag(element.props ?? {});
    return isPromise(result) ? result.then(jsxToHtml) : jsxToHtml(result);
  }
  if (typeof element.tag !== "string") return "";

  const tag = element.tag;
  const props = element.props ?? {};
  const children = childrenOf(props.children);
  const inner = joinChildren(children);
  if (tag === "") return inner;
  const attributes = attributesToString(props);
  const open = attributes ? `<${tag} ${attributes}>` : `<${tag}>`;
  if (children.length === 0 && VOID_TAGS.has(tag)) return open;
  return typeof inner === "string" ? `${open}${inner}</${tag}>` : inner.then((html) => `${open}${html}</${tag}>`);
}

interface JsxNode {
  type: string;
  tag: string | ((props: Record<string, unknown>) => unknown);
  props: Record<string, unknown>;
  text: unknown;
  html: unknown;
}

const VOID_TAGS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function childrenOf(children: unknown): unknown[] {
  if (!children) return [];
  return Array.isArray(children) ? children : [children];
}

function joinChildren(children: unknown[]): string | Promise<string> {
  let html = "";
  let pending: (string | Promise<string>)[] | undefined;
  for (const child of children) {
    const part = jsxToHtml(child);
    if (pending) pending.push(part);
    else if (typeof part === "string") html += part;
    else pending = [html, part];
  }
  return pending ? Promise.all(pending).then((parts) => parts.join("")) : html;
}

function attributesToString(props: Record<string, unknown>): string {
  let out = "";
  for (const key in props) {
    if (key === "children" || !Object.prototype.hasOwnProperty.call(props, key)) continue;
    const attribute = attributeToString(key, props[key]);
    if (attribute) out = out ? `${out} ${attribute}` : attribute;
  }
  return out;
}

function attributeToString(key: string, value: unknown): string {
  if (value === true) return key;
  if (value === false || value === null || value === undefined) return "";
  if (typeof value === "object") {
    if (key === "style") {
      const styles = Object.entries(value).map(([k, v]) => `${k}: ${String(v)}`);
      return `style="${escapeEntities(styles.join("; "))}"`;
    }
    if (key === "class") {
      const classes = Array.isArray(value)
        ? value.filter(Boolean)
        : Object.entries(value).filter(([, v]) => v).map(([k]) => k);
      return classes.length > 0 ? `class="${escapeEntities(classes.join(" "))}"` : "";
    }
    return `${key}="${escapeEntities(JSON.stringify(value))}"`;
  }
  return `${key}="${escapeEntities(String(value))}"`;
}
