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

const { CMS, h, createClass } = window;
const desk = await (await fetch("config.json", { cache: "no-store" })).json();
const ZONE = desk.timeZone;

// Decap's "Publish" writes the file (a commit, in production); whether readers see the story
// is the Draft box. The buttons say "Save" so that nobody takes one for the other.
const english = CMS.getLocale?.("en");
if (english?.editor?.editorToolbar) {
  CMS.registerLocale("en", {
    ...english,
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

// ---------------------------------------------------------------------------------------
// Dates. The form holds the bulletin's wall-clock time ("2016-07-16T00:30" in Damascus, what
// the writer sees and types) with a Z after it: Decap reads the story's `date` to fill
// {{year}}, {{month}} and {{day}} in the file's path, in UTC, so the Z makes them the
// bulletin's day whatever the zone of the writer's computer. The Z never reaches a file:
// files hold ISO 8601 with the zone's real offset at that moment ("2016-07-16T00:30:00+03:00").

const zoneFormats = new Map();
function zoneFormat(zone) {
  if (!zoneFormats.has(zone)) {
    zoneFormats.set(zone, new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    }));
  }
  return zoneFormats.get(zone);
}

/** The wall clock in `zone` at the instant `ms`. */
function wallAt(ms, zone) {
  const parts = Object.fromEntries(zoneFormat(zone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute, second: +parts.second };
}

/** Minutes east of UTC in `zone` at the instant `ms`. */
function offsetAt(ms, zone) {
  const w = wallAt(ms, zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The instant at which `zone`'s clocks show `wall` (a time skipped by a clock change moves forward, as luxon does). */
function instantOf(wall, zone) {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = offsetAt(asUtc, zone);
  const guess = asUtc - first * 60000;
  const second = offsetAt(guess, zone);
  return second === first ? guess : asUtc - second * 60000;
}

const pad = (n, width = 2) => String(n).padStart(width, "0");
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function wallText(w) {
  const time = `${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ""}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${time}`;
}

/** A date as files have it (ISO 8601, with or without an offset) → its parts. */
function parseFileDate(text) {
  const m = DATE_TEXT.exec(String(text).trim());
  if (!m) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), offset: m[7] };
}

const FORM_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;
const formValue = (wall) => `${wallText(wall)}Z`;

/** The form's value → the bulletin's wall clock, or undefined. */
function parseFormValue(value) {
  const m = FORM_VALUE.exec(String(value ?? ""));
  if (!m) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) };
}

/** A file's date → the form's value (the bulletin's wall clock); text that is no date is kept as it is. */
function fileDateToForm(value, zone = ZONE) {
  if (value === undefined || value === null || value === "") return value;
  const w = parseFileDate(value);
  if (!w) return value;
  if (!w.offset) return formValue(w); // no offset: the bulletin's own time, as the schema reads it
  let minutes = 0;
  if (w.offset.toUpperCase() !== "Z") {
    const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})?$/.exec(w.offset);
    minutes = (sign === "-" ? -1 : 1) * (+hh * 60 + +(mm ?? 0));
  }
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - minutes * 60000;
  return formValue(wallAt(ms, zone));
}

/** The form's value → ISO 8601 with the zone's offset at that moment. */
function formToFileDate(value, zone = ZONE) {
  const w = parseFormValue(value);
  if (!w) return value;
  const ms = instantOf(w, zone);
  const shown = wallAt(ms, zone);
  const offset = offsetAt(ms, zone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wallText({ ...shown, second: 0 })}:${pad(shown.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function nowFormValue(zone = ZONE) {
  return formValue({ ...wallAt(Date.now(), zone), second: 0 });
}

/** "UTC+03:00" for the form's value (now, without one). */
function offsetLabel(value, zone = ZONE) {
  const w = parseFormValue(value);
  const offset = offsetAt(w ? instantOf(w, zone) : Date.now(), zone);
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? "−" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------
// The file format: the frontmatter the content contract knows, and nothing else.

const OPEN = /^---[ \t]*(?:\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;
const DATE_PATHS = desk.dateFields.map((f) => f.split("."));

/** Applies `convert` to every date field of frontmatter data (corrections.date in each correction). */
function mapDates(data, convert) {
  const out = { ...data };
  for (const [key, sub] of DATE_PATHS) {
    if (!(key in out)) continue;
    if (sub === undefined) out[key] = convert(out[key]);
    else if (Array.isArray(out[key])) out[key] = out[key].map((item) => (item && typeof item === "object" ? { ...item, [sub]: convert(item[sub]) } : item));
  }
  return out;
}

function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

/** Drops what a writer left blank: empty text, empty lists, an image without a picture. */
function withoutBlanks(value) {
  if (Array.isArray(value)) return value.map(withoutBlanks).filter((v) => !isEmpty(v));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = withoutBlanks(v);
      if (!isEmpty(kept)) out[k] = kept;
    }
    return out;
  }
  return typeof value === "string" ? value.trim() : value;
}

const FLOW_FIELDS = new Set(["people", "topics"]);

CMS.registerCustomFormat("bulletin-frontmatter", "md", {
  fromFile(content) {
    const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    const open = OPEN.exec(text);
    if (!open) return { body: text };
    const rest = text.slice(open[0].length);
    const close = CLOSE.exec(rest);
    if (!close) return { body: text };
    const data = load(rest.slice(0, close.index), { schema: CORE_SCHEMA }) ?? {};
    const body = rest.slice(close.index + close[0].length).replace(/^\n+/, "");
    const fields = mapDates(data, (v) => fileDateToForm(v));
    for (const key of desk.singleItemLists) {
      if (fields[key] && typeof fields[key] === "object" && !Array.isArray(fields[key])) fields[key] = [fields[key]];
    }
    return { ...fields, body };
  },
  toFile(data) {
    const { body = "", ...fields } = data;
    for (const key of desk.singleItemLists) if (Array.isArray(fields[key])) fields[key] = fields[key][0];
    const meta = withoutBlanks(mapDates(fields, (v) => formToFileDate(v)));
    const keys = [...desk.fieldOrder.filter((k) => k in meta), ...Object.keys(meta).filter((k) => !desk.fieldOrder.includes(k))];
    const yaml = keys
      .map((k) => dump({ [k]: meta[k] }, { schema: CORE_SCHEMA, lineWidth: -1, flowLevel: FLOW_FIELDS.has(k) ? 1 : -1 }))
      .join("");
    const text = String(body).replace(/\r\n?/g, "\n").replace(/^\n+/, "").replace(/\s*$/, "");
    return `---\n${yaml}---\n\n${text ? `${text}\n` : ""}`;
  },
});

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
    for (const name of [entry.name, ...entry.aliases, ...(entry.nameAr ? [entry.nameAr] : [])]) byKey.set(nameKey(name), entry);
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
        : `"${typed}" is not in the registry: it is added as a new name (npm run check warns) until someone adds it to content/${kind}/.`,
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
          ...(entry.nameAr ? [h("option", { key: `${entry.name}-ar`, value: entry.nameAr }, entry.name)] : []),
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
    return h("div", { className: "article-page", lang, dir: directionOf(lang) },
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
        data.dateline ? h("p", { className: "desk-preview-dateline" }, h("span", { className: "dateline" }, s.dateline.replace("{place}", data.dateline))) : null,
        h("div", { className: "article-body" }, this.props.widgetFor("body")),
        corrections.length ? h("aside", { className: "corrections", "aria-labelledby": "corrections-title" },
          h("h2", { id: "corrections-title" }, s.corrections),
          h("ul", {}, corrections.map((c, i) => h("li", { key: i }, timeStamp(c.date, lang), `: ${c.text || ""}`)))) : null,
        h("footer", { className: "article-footer" }, tagGroup(s.people, people), tagGroup(s.topics, topics))));
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
