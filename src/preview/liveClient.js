// @ts-check
/**
 * Live reload for a page served by `npm start` (added by src/preview/previewServer.ts, never
 * published). The page reloads when the preview rewrites or removes its own file, or builds
 * the whole site again; a changed stylesheet is swapped in without a reload. The page asks
 * for the writes after the one it was served at, so none is missed while it loads or
 * reconnects; after a restart of `npm start` it reloads once.
 *
 * While a saved file has errors the preview keeps the last good pages, and this script shows
 * the errors (`file:LINE: message`) over the page until they are fixed, when it goes away by
 * itself. They are text from the writer's files (a headline may hold `<script>`): only ever
 * set as text. The overlay lives in a shadow root, so the page's styles and its own never mix.
 */
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  /** @type {Set<string>} */
  const pages = new Set(JSON.parse(script.dataset.pages ?? "[]"));
  /** @type {{ title: string, note: string, more: string, dismiss: string }} */
  const labels = JSON.parse(script.dataset.labels ?? "{}");
  let since = script.dataset.since ?? "";
  let done = false;

  const connect = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}/.preview-live?since=${encodeURIComponent(since)}`);
    socket.addEventListener("message", (event) => {
      /** @type {{ id: string, phase: string, paths: string[] } | { id: string, problems: string[], total: number } | { reload: true }} */
      const message = JSON.parse(event.data);
      if ("reload" in message) return reload();
      since = message.id;
      if ("problems" in message) return showProblems(message.problems, message.total);
      const { phase, paths } = message;
      if (phase === "asset" && paths.every((p) => p.endsWith(".css"))) restyle(paths);
      else if (phase === "site" || phase === "asset" || paths.some((p) => pages.has(p))) reload();
    });
    // The preview stopped or restarted: try again until it answers.
    socket.addEventListener("close", () => {
      if (!done) setTimeout(connect, 1000);
    });
  };

  const reload = () => {
    done = true;
    location.reload();
  };

  /** @param {string[]} paths stylesheets below the site's root, as `assets/site.css` */
  const restyle = (paths) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(/** @type {HTMLLinkElement} */ (link).href);
      if (!paths.includes(url.pathname.slice(1))) continue;
      url.searchParams.set("preview", String(Date.now()));
      /** @type {HTMLLinkElement} */ (link).href = url.href;
    }
  };

  // ---------- the problems overlay ----------

  /** Problems the writer closed, remembered for the tab: the same ones do not come back on every reload. */
  const DISMISSED = "bulletin-preview-dismissed-problems";
  /** @type {HTMLElement | undefined} */
  let host;
  /** The problems on screen, as the key they are dismissed by. */
  let shown = "";

  /**
   * Shows `lines` (the first of `total` problems) over the page, or removes the overlay when
   * there are none.
   * @param {string[]} lines
   * @param {number} total
   */
  const showProblems = (lines, total) => {
    host?.remove();
    host = undefined;
    const key = JSON.stringify(lines);
    if (lines.length === 0) return forget();
    if (remembered() === key) return;
    shown = key;

    host = document.createElement("div");
    host.id = "bulletin-preview-problems";
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = OVERLAY_CSS;
    // role="alert": announced as it appears, without taking the writer's focus.
    const box = element("section", "box", { role: "alert", "aria-labelledby": "title" });
    const title = element("h2", "title", { id: "title" });
    title.textContent = labels.title ?? "";
    const note = element("p", "note");
    note.textContent = labels.note ?? "";
    const list = element("ul", "list");
    for (const line of lines) {
      const item = document.createElement("li");
      // `file:LINE: message` is the terminal's English, left to right even on an Arabic page.
      const code = element("code", "line", { dir: "ltr", lang: "en" });
      code.textContent = line;
      item.append(code);
      list.append(item);
    }
    const close = element("button", "close", { type: "button" });
    close.textContent = labels.dismiss ?? "×";
    close.addEventListener("click", dismiss);
    box.append(title, note, list);
    if (total > lines.length) {
      const more = element("p", "more");
      more.textContent = (labels.more ?? "{n}").replace("{n}", new Intl.NumberFormat(document.documentElement.lang || undefined).format(total - lines.length));
      box.append(more);
    }
    box.append(close);
    root.append(style, box);
    document.body.append(host);
  };

  const dismiss = () => {
    host?.remove();
    host = undefined;
    try {
      sessionStorage.setItem(DISMISSED, shown);
    } catch {
      // Storage refused (private mode): closed for this page only.
    }
  };

  /** Fixed: the same problems made again later are news again. */
  const forget = () => {
    try {
      sessionStorage.removeItem(DISMISSED);
    } catch {
      // nothing remembered
    }
  };

  const remembered = () => {
    try {
      return sessionStorage.getItem(DISMISSED);
    } catch {
      return null;
    }
  };

  // Escape closes the overlay from anywhere on the page.
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && host) dismiss();
  });

  /**
   * @param {string} tag
   * @param {string} className
   * @param {Record<string, string>} [attributes]
   */
  const element = (tag, className, attributes = {}) => {
    const node = document.createElement(tag);
    node.className = className;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  };

  // Logical properties only: the overlay mirrors on right-to-left pages.
  const OVERLAY_CSS = `
    :host { all: initial; }
    .box {
      position: fixed; inset-inline: 0; inset-block-end: 0; z-index: 2147483647;
      max-block-size: 50vh; overflow: auto; box-sizing: border-box;
      padding-block: 0.75rem 1rem; padding-inline: 1rem;
      border-block-start: 4px solid #b3261e;
      background: #fff8f7; color: #1d1b1b;
      font: 1rem/1.4 system-ui, sans-serif;
      box-shadow: 0 -2px 12px rgb(0 0 0 / 0.25);
    }
    .title { font-size: 1.1rem; margin-block: 0 0.25rem; margin-inline-end: 6rem; }
    .note, .more { margin-block: 0 0.5rem; }
    .list { margin-block: 0 0.5rem; padding-inline-start: 1.25rem; }
    .line { font: 0.9rem/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
    .close {
      position: absolute; inset-block-start: 0.75rem; inset-inline-end: 1rem;
      font: inherit; padding-block: 0.25rem; padding-inline: 0.75rem; cursor: pointer;
      color: inherit; background: transparent; border: 1px solid currentColor; border-radius: 4px;
    }
    .close:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .box { background: #2b1a19; color: #f6e9e8; border-block-start-color: #f2b8b5; }
    }
  `;

  connect();
})();
