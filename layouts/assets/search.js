// The search page: the form's fields (which the address mirrors) drive Pagefind's
// JavaScript API over the indexes the build wrote, one per year of the edition, listed in
// the form's `data-indexes` (newest first); each is searched and the results merged. Each
// article page carries `person` and `topic` filters, a `date` sort key and its display
// date as `date` meta.
import { mergeResults } from "./searchMerge.js";

const form = document.querySelector(".search-form");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const PAGE = 10;
/** Words in an excerpt (Pagefind's own `excerptLength`). */
const EXCERPT_WORDS = 30;
/** How Pagefind splits a page's text into the words its match locations count. */
const WORDS = /[^\S\uFEFF]+/g;

/**
 * The excerpt of a result as nodes: a window of the story's own text around its matches,
 * matches in <mark>. Pagefind's own excerpt is a window of the page's whole text, which
 * starts with the headline; printed under that headline it began mid-sentence ("to Kerry:
 * Moscow hopes…"). So the words of the headline, at the head of the text, are skipped: the
 * window is the densest run of matches after them, or the story's opening words when only
 * the headline matched. Built with text nodes: nothing of the page's text is parsed as HTML.
 */
export function storyExcerpt(item, length = EXCERPT_WORDS) {
  const words = (item.content ?? "").split(WORDS).filter(Boolean);
  const title = (item.meta?.title ?? "").split(WORDS).filter(Boolean);
  // Pagefind may end the heading's last word with a full stop of its own.
  const bare = (word) => word.replace(/[.,:;!?،؛؟]+$/u, "");
  const skip = title.length > 0 && title.every((w, i) => bare(words[i] ?? "") === bare(w)) ? title.length : 0;
  const scores = new Map();
  for (const { location, balanced_score: score } of item.weighted_locations ?? []) {
    if (location >= skip) scores.set(location, (scores.get(location) ?? 0) + (score ?? 1));
  }
  let start = skip;
  let best = -1;
  // A window opens at the start of the match's sentence when that is near, else a few words
  // before the match, so that the match reads in its sentence.
  const sentenceStart = (location) => {
    for (let i = location; i > Math.max(skip, location - 12); i--) if (/[.!?؟]["”’»)]*$/u.test(words[i - 1] ?? "")) return i;
    return location <= skip + 12 ? skip : location - 3;
  };
  for (const location of [...scores.keys()].sort((a, b) => a - b)) {
    const from = Math.max(skip, Math.min(sentenceStart(location), words.length - length));
    let sum = 0;
    for (const [at, score] of scores) if (at >= from && at < from + length) sum += score;
    if (sum > best) [best, start] = [sum, from];
  }
  const end = Math.min(words.length, start + length);
  const marked = new Set((item.locations ?? []).filter((l) => l >= start && l < end));
  const nodes = [];
  if (start > skip) nodes.push(document.createTextNode("… "));
  for (let i = start; i < end; i++) {
    const text = `${words[i]}${i + 1 < end ? " " : ""}`;
    if (marked.has(i)) {
      const mark = document.createElement("mark");
      mark.textContent = words[i];
      nodes.push(mark, document.createTextNode(text.slice(words[i].length)));
    } else nodes.push(document.createTextNode(text));
  }
  if (end < words.length) nodes.push(document.createTextNode(" …"));
  return nodes;
}

if (form && status && list && more) {
  const field = (name) => form.elements.namedItem(name);
  const words = form.dataset;
  const numbers = new Intl.NumberFormat(words.numberLocale);
  const indexes = (form.dataset.indexes ?? "").split(" ").filter(Boolean);
  let pagefinds;
  let results = [];
  let shown = 0;
  let latest = 0;
  let timer;

  // Each index's own pagefind.js, imported from its folder, is a module of its own: its own
  // Pagefind instance, which finds its index beside it.
  const load = () => {
    pagefinds ??= Promise.all(indexes.map(async (base) => {
      const pagefind = await import(`${base}pagefind.js`);
      await pagefind.options({ excerptLength: EXCERPT_WORDS });
      return pagefind;
    }));
    return pagefinds;
  };

  const fromAddress = () => {
    const params = new URLSearchParams(window.location.search);
    for (const name of ["q", "person", "topic", "sort"]) {
      const value = params.get(name);
      if (value !== null) field(name).value = value;
    }
  };

  const toAddress = () => {
    const params = new URLSearchParams();
    for (const name of ["q", "person", "topic", "sort"]) {
      const value = field(name).value.trim();
      if (value) params.set(name, value);
    }
    const query = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
  };

  const showMore = async (run) => {
    const page = results.slice(shown, shown + PAGE);
    const data = await Promise.all(page.map((r) => r.data()));
    if (run !== latest) return;
    for (const item of data) {
      const li = document.createElement("li");
      li.className = "teaser";
      const heading = document.createElement("h2");
      heading.className = "teaser-title";
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.meta.title ?? item.url;
      heading.append(link);
      li.append(heading);
      if (item.meta.date) {
        const meta = document.createElement("p");
        meta.className = "teaser-meta";
        meta.textContent = item.meta.date;
        li.append(meta);
      }
      const excerpt = document.createElement("p");
      excerpt.className = "teaser-summary";
      excerpt.append(...storyExcerpt(item));
      li.append(excerpt);
      list.append(li);
    }
    shown += page.length;
    more.hidden = shown >= results.length;
  };

  const search = async () => {
    const run = ++latest;
    toAddress();
    const term = field("q").value.trim();
    const filters = {};
    if (field("person").value) filters.person = field("person").value;
    if (field("topic").value) filters.topic = field("topic").value;
    if (!term && Object.keys(filters).length === 0) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      return;
    }
    status.textContent = words.searching;
    const options = { filters };
    const [key, direction] = field("sort").value.split(":");
    if (key && direction) options.sort = { [key]: direction };
    let found;
    try {
      found = await Promise.all((await load()).map((pagefind) => pagefind.search(term || null, options)));
    } catch {
      // No index: a preview (`npm start`) does not build one, or the site was copied without /pagefind/.
      if (run === latest) status.textContent = words.unavailable;
      return;
    }
    if (run !== latest) return;
    results = mergeResults(found.map((f) => f?.results ?? []), options.sort ? direction : undefined);
    shown = 0;
    list.textContent = "";
    await showMore(run);
    if (run !== latest) return;
    status.textContent = results.length === 0
      ? words.noResults
      : results.length === 1 ? words.resultsOne : words.resultsOther.replace("{n}", numbers.format(results.length));
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  form.addEventListener("change", () => search());
  field("q").addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  more.addEventListener("click", () => showMore(latest));

  fromAddress();
  search();
}
