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
      await pagefind.options({ excerptLength: 30 });
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
      // Pagefind's excerpt is our own article text, escaped by Pagefind, with <mark> around the matches.
      excerpt.innerHTML = item.excerpt;
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
