// The search page's behaviour on top of Pagefind's UI: a sort control (Pagefind sorts by
// the `date` key each article carries) and links that open with a query or a filter:
// /search/?q=kerry, /search/?person=John%20Kerry, /search/?topic=Syria.
(function () {
  "use strict";
  var root = document.getElementById("search");
  var tools = document.querySelector(".search-tools");
  var sort = document.getElementById("search-sort");
  if (!root || !tools || !sort || typeof window.PagefindUI !== "function") return;

  var params = new URLSearchParams(window.location.search);
  var filters = {};
  ["person", "topic"].forEach(function (name) {
    var values = params.getAll(name);
    if (values.length) filters[name] = values;
  });
  if (params.get("sort")) sort.value = params.get("sort");
  var ui;

  function sortOption() {
    var parts = sort.value.split(":");
    if (parts.length !== 2) return null;
    var option = {};
    option[parts[0]] = parts[1];
    return option;
  }

  function mount(term) {
    if (ui) ui.destroy();
    root.textContent = "";
    ui = new window.PagefindUI({
      element: root,
      showSubResults: false,
      showImages: false,
      resetStyles: false,
      sort: sortOption(),
      translations: { placeholder: root.getAttribute("data-placeholder") || "" },
    });
    // Pagefind labels its input only with a title; the placeholder's words become its name.
    var input = root.querySelector("input");
    if (input) input.setAttribute("aria-label", root.getAttribute("data-placeholder") || "");
    if (Object.keys(filters).length) ui.triggerFilters(filters);
    if (term) ui.triggerSearch(term);
  }

  sort.addEventListener("change", function () {
    var input = root.querySelector("input[type=text], input[type=search]");
    var url = new URL(window.location.href);
    if (sort.value) url.searchParams.set("sort", sort.value);
    else url.searchParams.delete("sort");
    window.history.replaceState(null, "", url);
    mount(input ? input.value : "");
  });

  tools.hidden = false;
  mount(params.get("q") || "");
})();
