// @ts-check
/**
 * Live reload for a page served by `npm start` (added by src/preview/previewServer.ts, never
 * published). The page reloads when the preview rewrites or removes its own file, or builds
 * the whole site again; a changed stylesheet is swapped in without a reload. The page asks
 * for the writes after the one it was served at, so none is missed while it loads or
 * reconnects; after a restart of `npm start` it reloads once.
 */
(() => {
  const script = /** @type {HTMLScriptElement} */ (document.currentScript);
  /** @type {Set<string>} */
  const pages = new Set(JSON.parse(script.dataset.pages ?? "[]"));
  let since = script.dataset.since ?? "";
  let done = false;

  const connect = () => {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(`${scheme}//${location.host}/.preview-live?since=${encodeURIComponent(since)}`);
    socket.addEventListener("message", (event) => {
      /** @type {{ id: string, phase: string, paths: string[] } | { reload: true }} */
      const message = JSON.parse(event.data);
      if ("reload" in message) return reload();
      since = message.id;
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

  connect();
})();
