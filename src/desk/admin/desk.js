/**
 * The bulletin's additions to Decap CMS, in the browser (served at /admin/desk.js, after
 * vendor/decap-cms.js). Plain JavaScript on Decap's globals (CMS, h, createClass): no build
 * step. Everything specific to the bulletin comes from /admin/config.json, which
 * src/desk/deskConfig.ts generates from the content schema and the registry.
 *
 * - A file format that writes the frontmatter the content contract knows, in the schema's
 *   order, without empty keys, dates as ISO 8601 with the bulletin's offset.
 * - A date widget that shows and takes wall-clock time in the bulletin's time zone.
 * - A names widget that picks people and topics from the registry and marks a new name.
 * - Text widgets that turn right to left when the story is in Arabic.
 * - A preview pane with the site's stylesheet and the article page's markup.
 */
import { load, dump, CORE_SCHEMA } from "./vendor/js-yaml.mjs";
import { bulletinFormat } from "./deskFormat.js";

const { CMS, h, createClass } = window;
const desk = await (await fetch("config.json", { cache: "no-store" })).json();
const ZONE = desk.timeZone;

// Decap's "Publish" writes the file (a commit, in production); whether readers see the story
// is the Draft box. The buttons say "Save" so that nobody takes one for the other.
const english = CMS.getLocale?.("en");
if (english?.editor?.editorToolbar) {
  CMS.registerLocale("en", {
    ...english,
    // "＋ story" needs a font with the full-width plus; words need none.
    collection: { ...english.collection, collectionTop: { ...english.collection.collectionTop, newButton: "New %{collectionLabel}" } },
    editor: {
      ...english.editor,
      editorToolbar: {
        ...english.editor.editorToolbar,
        publish: "Save", publishNow: "Save now", publishing: "Saving…", published: "Saved",
        publishAndCreateNew: "Save and start another", publishAndDuplicate: "Save and duplicate (to translate it)",
      },
    },
  });
}

const format = bulletinFormat({ load, dump, CORE_SCHEMA }, desk);
CMS.registerCustomFormat("bulletin-frontmatter", "md", format);
// People and topics: the same frontmatter, in the registry schema's order, with no dates.
CMS.registerCustomFormat("bulletin-registry", "md", bulletinFormat({ load, dump, CORE_SCHEMA }, {
  ...desk, fieldOrder: desk.registryFieldOrder, dateFields: [], singleItemLists: [],
}));
const { formToFileDate, nowFormValue, offsetLabel, parseFormValue, instantOf } = format.dates;

// ---------------------------------------------------------------------------------------
// The story's language: the edition widget announces it; text widgets follow it.

const language = {
  value: "en",
  listeners: new Set(),
  set(lang) {
    if (lang === this.value) return;
    this.value = lang;
    for (const listener of this.listeners) listener(lang);
  },
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  },
};
const directionOf = (lang) => (lang === "ar" ? "rtl" : "ltr");

const LangControl = createClass({
  componentDidMount() {
    language.set(this.props.value || this.props.field.get("default"));
  },
  componentDidUpdate() {
    language.set(this.props.value || this.props.field.get("default"));
  },
  render() {
    const { field, value, forID, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const options = field.get("options").toJS();
    return h("select", {
      id: forID, className: classNameWrapper, value: value || field.get("default"),
      onChange: (e) => onChange(e.target.value), onFocus: setActiveStyle, onBlur: setInactiveStyle,
    }, options.map((o) => h("option", { key: o.value, value: o.value }, o.label)));
  },
});
CMS.registerWidget("bulletin-lang", LangControl, createClass({ render() { return h("span", {}, this.props.value); } }));

/**
 * Decap's own widget (string, text, markdown) inside an element that carries the story's
 * direction and language; the fields themselves get `dir` too, so that an Arabic headline
 * is typed right to left from its first letter.
 */
function directional(baseName) {
  const base = CMS.getWidget(baseName);
  const Control = createClass({
    getInitialState() {
      return { lang: language.value };
    },
    componentDidMount() {
      this.unsubscribe = language.subscribe((lang) => this.setState({ lang }));
      this.markFields();
    },
    componentDidUpdate() {
      this.markFields();
    },
    componentWillUnmount() {
      this.unsubscribe();
    },
    markFields() {
      if (!this.box) return;
      for (const el of this.box.querySelectorAll("input, textarea, [contenteditable=true]")) {
        el.setAttribute("dir", directionOf(this.state.lang));
        el.setAttribute("lang", this.state.lang);
        // The rich-text editor is a div that Decap's label does not name.
        if (el.getAttribute("contenteditable") && !el.getAttribute("aria-label")) el.setAttribute("aria-label", this.props.field.get("label"));
      }
    },
    render() {
      const lang = this.state.lang;
      return h("div", { ref: (el) => (this.box = el), className: "desk-direction", dir: directionOf(lang), lang },
        h(base.control, this.props));
    },
  });
  CMS.registerWidget({
    name: `bulletin-${baseName}`, controlComponent: Control, previewComponent: base.preview,
    globalStyles: base.globalStyles, schema: base.schema, allowMapValue: base.allowMapValue,
  });
}
for (const name of ["string", "text", "markdown"]) directional(name);

// ---------------------------------------------------------------------------------------
// Date and time in the bulletin's zone.

const DateTimeControl = createClass({
  componentDidMount() {
    const { value, field, onChange } = this.props;
    if (!value && field.get("default_now")) onChange(nowFormValue(field.get("time_zone") || ZONE));
  },
  render() {
    const { value, field, forID, onChange, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const zone = field.get("time_zone") || ZONE;
    const shown = parseFormValue(value) ? String(value).slice(0, -1) : "";
    return h("div", { className: "desk-datetime" },
      h("input", {
        type: "datetime-local", id: forID, className: classNameWrapper, value: shown, step: shown.length > 16 ? 1 : 60,
        "aria-describedby": `${forID}-zone`,
        onChange: (e) => onChange(e.target.value ? `${e.target.value}Z` : ""), onFocus: setActiveStyle, onBlur: setInactiveStyle,
      }),
      h("p", { id: `${forID}-zone`, className: "desk-zone" }, `${zone} time (${offsetLabel(value, zone)}), whatever this computer's clock says.`));
  },
});
const DateTimePreview = createClass({ render() { return h("span", {}, this.props.value ? formToFileDate(this.props.value) : ""); } });
// It takes the name of Decap's own date widget: Decap reads the story's date (for the file's
// path and the list's summary) only from a field of that widget named `date`.
CMS.registerWidget("datetime", DateTimeControl, DateTimePreview);

// ---------------------------------------------------------------------------------------
// People and topics from the registry.

/** As src/text/slug.ts compares names: case, accents, harakat, spacing and punctuation aside. */
function nameKey(name) {
  return String(name).normalize("NFKD").replace(/[\p{M}\u0640]/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = kept;
    }
  }
  return row[b.length];
}

function registryIndex(entries) {
  const byKey = new Map();
  for (const entry of entries) {
    for (const name of [entry.name, ...entry.aliases, ...entry.translated]) byKey.set(nameKey(name), entry);
  }
  return {
    find: (name) => byKey.get(nameKey(name)),
    /** A registered spelling one or two letters away: the build stops on such a near miss. */
    near(name) {
      const key = nameKey(name);
      if (key.replace(/-/g, "").length < 5) return undefined;
      let best;
      for (const [known, entry] of byKey) {
        const d = distance(known, key);
        if (d > 0 && d <= (key.length >= 16 ? 2 : 1) && (!best || d < best.d)) best = { d, entry };
      }
      return best?.entry;
    },
  };
}

const asList = (value) => (value && typeof value.toJS === "function" ? value.toJS() : Array.isArray(value) ? value : value ? [value] : []);

const NamesControl = createClass({
  getInitialState() {
    return { text: "", note: "" };
  },
  index() {
    if (!this.registry) this.registry = registryIndex(this.props.field.get("registry").toJS());
    return this.registry;
  },
  add() {
    const typed = this.state.text.replace(/\s+/g, " ").trim();
    if (!typed) return;
    const names = asList(this.props.value);
    const entry = this.index().find(typed);
    const near = entry ? undefined : this.index().near(typed);
    const name = entry ? entry.name : typed;
    if (!names.some((n) => nameKey(n) === nameKey(name))) this.props.onChange([...names, name]);
    const kind = this.props.field.get("kind") === "person" ? "people" : "topics";
    this.setState({
      text: "",
      note: entry ? `Added ${name}.`
        : near ? `"${typed}" is not in the registry, but ${near.name} is: if you meant ${near.name}, remove "${typed}" and pick ${near.name} — the build stops on a near miss.`
        : `"${typed}" is not in the registry: it is added as a new name (npm run check warns) until someone registers it under ${kind === "people" ? "People" : "Topics"} in the desk (content/${kind}/).`,
    });
  },
  remove(i) {
    const names = asList(this.props.value);
    this.props.onChange(names.filter((_, j) => j !== i));
    this.setState({ note: `Removed ${names[i]}.` });
  },
  render() {
    const { field, forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const names = asList(this.props.value);
    const index = this.index();
    const listId = `${forID}-registry`;
    return h("div", { className: "desk-names" },
      names.length
        ? h("ul", { className: "desk-chosen", "aria-label": `${field.get("label")} in this story` },
          names.map((name, i) => {
            const known = !!index.find(name);
            return h("li", { key: name, className: known ? "desk-chip" : "desk-chip desk-chip-new" },
              h("span", {}, name),
              known ? null : h("span", { className: "desk-flag" }, " (new name, not in the registry)"),
              h("button", { type: "button", className: "desk-remove", "aria-label": `Remove ${name}`, onClick: () => this.remove(i) }, "×"));
          }))
        : null,
      h("div", { className: "desk-name-entry" },
        h("input", {
          id: forID, className: classNameWrapper, list: listId, value: this.state.text, autoComplete: "off", dir: "auto",
          "aria-describedby": `${forID}-note`,
          onChange: (e) => this.setState({ text: e.target.value }),
          onKeyDown: (e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              this.add();
            }
          },
          onFocus: setActiveStyle, onBlur: setInactiveStyle,
        }),
        h("button", { type: "button", className: "desk-add", onClick: () => this.add() }, `Add to ${field.get("label").toLowerCase()}`)),
      h("datalist", { id: listId },
        field.get("registry").toJS().flatMap((entry) => [
          h("option", { key: entry.name, value: entry.name }, entry.aliases.join(", ")),
          ...entry.translated.map((name) => h("option", { key: `${entry.name}-${name}`, value: name }, entry.name)),
        ])),
      h("p", { id: `${forID}-note`, className: "desk-note", role: "status" }, this.state.note));
  },
});
const NamesPreview = createClass({ render() { return h("span", {}, asList(this.props.value).join(", ")); } });
CMS.registerWidget("bulletin-names", NamesControl, NamesPreview);

// ---------------------------------------------------------------------------------------
// The preview: the site's stylesheet and the article page's markup (layouts/ArticleLayout.tsx).

CMS.registerPreviewStyle("/assets/site.css");

function formatWall(value, lang) {
  const w = parseFormValue(value);
  if (!w) return value || "";
  const s = desk.previewStrings[lang];
  return new Intl.DateTimeFormat(s.locale, {
    timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
    ...(s.numberingSystem ? { numberingSystem: s.numberingSystem } : {}),
  }).format(new Date(instantOf(w, ZONE)));
}

const timeStamp = (value, lang) => h("time", { dateTime: formToFileDate(value) }, formatWall(value, lang));

const ArticlePreview = createClass({
  componentDidMount() {
    this.markDocument();
  },
  componentDidUpdate() {
    this.markDocument();
  },
  /** The preview's frame is a page of its own: its <html> takes the story's language and direction, as the site's pages do. */
  markDocument() {
    const root = this.box?.ownerDocument?.documentElement;
    const lang = this.props.entry.getIn(["data", "lang"]) === "ar" ? "ar" : "en";
    if (!root || root.getAttribute("lang") === lang) return;
    root.setAttribute("lang", lang);
    root.setAttribute("dir", directionOf(lang));
  },
  render() {
    const data = this.props.entry.get("data").toJS();
    const lang = data.lang === "ar" ? "ar" : "en";
    const s = desk.previewStrings[lang];
    const people = asList(data.people);
    const topics = asList(data.topics);
    const corrections = asList(data.corrections);
    const tagGroup = (label, names) => names.length
      ? h("div", { className: "tag-group" }, h("h3", { className: "tag-group-title" }, label),
        h("ul", { className: "tag-list" }, names.map((n) => h("li", { key: n }, h("a", { href: "#", rel: "tag" }, n)))))
      : null;
    const picture = asList(data.image)[0];
    const image = picture && picture.src ? this.props.getAsset(picture.src) : undefined;
    return h("main", { id: "content", ref: (el) => (this.box = el), lang, dir: directionOf(lang) }, h("div", { className: "article-page" },
      h("article", { className: "article" },
        h("header", { className: "article-header" },
          topics.length ? h("p", { className: "kicker" }, h("a", { href: "#" }, topics[0])) : null,
          data.draft ? h("p", { className: "badge" }, s.draft) : null,
          h("h1", { className: "headline" }, data.title || ""),
          data.summary ? h("p", { className: "standfirst" }, data.summary) : null,
          h("div", { className: "article-meta" },
            data.author ? h("p", { className: "byline" }, `${s.by} `, h("span", { className: "author" }, data.author)) : null,
            data.date ? h("p", { className: "published" }, `${s.published} `, timeStamp(data.date, lang)) : null,
            data.updated ? h("p", { className: "updated" }, `${s.updated} `, timeStamp(data.updated, lang)) : null)),
        image ? h("figure", { className: "article-figure" },
          h("img", { src: image.toString(), alt: picture.alt || "" }),
          picture.caption || picture.credit ? h("figcaption", {}, picture.caption || "", picture.credit ? h("span", { className: "credit" }, picture.credit) : null) : null) : null,
        // The site puts the dateline at the start of the first paragraph; here it is a line of its own above the body.
        h("div", { className: "article-body" },
          data.dateline ? h("p", { className: "desk-preview-dateline" }, h("span", { className: "dateline" }, s.dateline.replace("{place}", data.dateline))) : null,
          this.props.widgetFor("body")),
        corrections.length ? h("aside", { className: "corrections", "aria-labelledby": "corrections-title" },
          h("h2", { id: "corrections-title" }, s.corrections),
          h("ul", {}, corrections.map((c, i) => h("li", { key: i }, timeStamp(c.date, lang), `: ${c.text || ""}`)))) : null,
        h("footer", { className: "article-footer" }, tagGroup(s.people, people), tagGroup(s.topics, topics)))));
  },
});
CMS.registerPreviewTemplate("articles", ArticlePreview);

// Parts of Decap's editor that no label names: the preview frame, and the switch between rich
// text and Markdown (axe: frame-title, button-name, aria-required-attr).
new MutationObserver(() => {
  const frame = document.getElementById("preview-pane");
  if (frame && !frame.title) frame.title = "Preview of the story as readers will see it";
  for (const toggle of document.querySelectorAll('.desk-direction button[role="switch"]:not([id])')) {
    const markdown = String(!toggle.closest(".desk-direction").querySelector("[data-slate-editor]"));
    if (!toggle.hasAttribute("aria-label")) toggle.setAttribute("aria-label", "Edit as Markdown");
    if (toggle.getAttribute("aria-checked") !== markdown) toggle.setAttribute("aria-checked", markdown);
  }
}).observe(document.body, { childList: true, subtree: true });

CMS.init({ config: desk.cms });
