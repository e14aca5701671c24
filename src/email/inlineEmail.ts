import { createRequire } from "node:module";
import type Juice from "juice";

/** Required when the first email is inlined: importing juice took 0.2–0.3 s of every build's start, and most incremental builds make no email. */
let juice: typeof Juice | undefined;

/**
 * An email's HTML with its stylesheet written into each element's `style` (Gmail, Outlook and
 * most webmail drop a `<style>` or a linked stylesheet, or keep only part of it). Juice does
 * it: the inliner mail tools themselves use, with a real CSS parser and selector engine, where
 * inlining by hand misses cascades and specificity. Media queries stay in one `<style>` for
 * the clients that read them (small screens); nothing is fetched, and no attribute HTML
 * obsoleted (`width` on tables, `bgcolor`) is added, so the page stays valid HTML.
 */
export function inlineEmail(html: string): string {
  juice ??= createRequire(import.meta.url)("juice") as typeof Juice;
  return juice(html, {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveImportant: true,
    applyAttributesTableElements: false,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    insertPreservedExtraCss: true,
  });
}
