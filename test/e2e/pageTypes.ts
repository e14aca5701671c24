/**
 * One URL of each page type of the sample bulletin (content/), in both editions, for the
 * specs that visit every page type: accessibility, screenshots, HTML budgets, layout. The
 * not-found pages are visited at a missing URL, as readers meet them (status 404).
 */
export const ARTICLE = "/2016/07/15/putin-to-kerry-moscow-hopes-for-progress-on-syria/";
export const OTHER_ARTICLE = "/2016/07/15/kremlin-putin-kerry-talks-did-not-touch-on-military-cooperation/";
const ARABIC_SLUG = "بوتين-لكيري-موسكو-تأمل-بتحقيق-تقدم-في-المحادثات-حول-سوريا";
export const ARABIC_ARTICLE = `/ar/2016/07/15/${encodeURIComponent(ARABIC_SLUG)}/`;

export const PAGE_TYPES: { name: string; url: string }[] = [
  { name: "home", url: "/" },
  { name: "article", url: ARTICLE },
  { name: "person", url: "/people/vladimir-putin/" },
  { name: "people", url: "/people/" },
  { name: "topic", url: "/topics/syria/" },
  { name: "topics", url: "/topics/" },
  { name: "day", url: "/2016/07/15/" },
  { name: "month", url: "/2016/07/" },
  { name: "year", url: "/2016/" },
  { name: "corrections", url: "/corrections/" },
  { name: "search", url: "/search/" },
  { name: "not-found", url: "/no-such-page/" },
  { name: "ar-home", url: "/ar/" },
  { name: "ar-article", url: ARABIC_ARTICLE },
  { name: "ar-person", url: "/ar/people/vladimir-putin/" },
  { name: "ar-topic", url: "/ar/topics/syria/" },
  { name: "ar-search", url: "/ar/search/" },
  { name: "ar-people", url: "/ar/people/" },
  { name: "ar-topics", url: "/ar/topics/" },
  { name: "ar-day", url: "/ar/2016/07/15/" },
  { name: "ar-month", url: "/ar/2016/07/" },
  { name: "ar-year", url: "/ar/2016/" },
  { name: "ar-corrections", url: "/ar/corrections/" },
  { name: "ar-not-found", url: "/ar/no-such-page/" },
];

/** The status a page type answers with at its URL in PAGE_TYPES. */
export function statusOf(name: string): number {
  return name.endsWith("not-found") ? 404 : 200;
}
