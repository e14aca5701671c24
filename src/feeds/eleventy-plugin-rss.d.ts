// The plugin ships JavaScript without types; this is the part the feeds use.
declare module "@11ty/eleventy-plugin-rss" {
  /** Rewrites every URL in `html` (href, src, srcset…) against `base`, which must be absolute. */
  export function convertHtmlToAbsoluteUrls(html: string, base: string): Promise<string>;
}
