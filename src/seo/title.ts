/**
 * Search results show about 60-70 characters of a `<title>` and cut the rest, often mid-word;
 * headlines on this wire run to 100. So the bulletin's name follows a page's own title only
 * while the whole still fits, then the agency's shorter name, then nothing: the page's own
 * title (the headline) is never cut.
 */
export const TITLE_MAX = 70;

/** The `<title>` of a page titled `title` in an edition named `name`, published by `agency`. */
export function documentTitle(title: string, name: string, agency: string): string {
  if (title === name) return title;
  for (const suffix of [name, agency]) {
    const full = `${title} | ${suffix}`;
    if (length(full) <= TITLE_MAX) return full;
  }
  return title;
}

/** In characters as a reader counts them (code points), not UTF-16 units. */
function length(text: string): number {
  return [...text].length;
}
