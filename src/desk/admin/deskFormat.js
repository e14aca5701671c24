/**
 * The bulletin's file format and dates for the web desk, without Decap: desk.js registers
 * it with Decap, test/unit/deskConfig.test.ts runs it in Node. Plain JavaScript, loaded by the
 * browser as it is.
 */

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
export function fileDateToForm(value, zone) {
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
export function formToFileDate(value, zone) {
  const w = parseFormValue(value);
  if (!w) return value;
  const ms = instantOf(w, zone);
  const shown = wallAt(ms, zone);
  const offset = offsetAt(ms, zone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wallText({ ...shown, second: 0 })}:${pad(shown.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function nowFormValue(zone) {
  return formValue({ ...wallAt(Date.now(), zone), second: 0 });
}

/** "UTC+03:00" for the form's value (now, without one). */
function offsetLabel(value, zone) {
  const w = parseFormValue(value);
  const offset = offsetAt(w ? instantOf(w, zone) : Date.now(), zone);
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? "−" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------
// The file format: the frontmatter the content contract knows, and nothing else.

const OPEN = /^---[ \t]*(?:\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Applies `convert` to every date field of frontmatter data (corrections.date in each correction). */
function mapDates(data, datePaths, convert) {
  const out = { ...data };
  for (const [key, sub] of datePaths) {
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

const FLOW_FIELDS = new Set(["people", "topics", "aliases", "sameAs"]);

/**
 * The bulletin's frontmatter format for Decap (`fromFile`, `toFile`), for the zone and fields
 * of `desk` (/admin/config.json), with a YAML library given (js-yaml in the browser and in
 * tests, read with YAML 1.2's core schema as src/model/yamlFile.ts reads it: dates stay text).
 */
export function bulletinFormat({ load, dump, CORE_SCHEMA }, desk) {
  const zone = desk.timeZone;
  const datePaths = desk.dateFields.map((f) => f.split("."));
  return {
    fromFile(content) {
      const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
      const open = OPEN.exec(text);
      if (!open) return { body: text };
      const rest = text.slice(open[0].length);
      const close = CLOSE.exec(rest);
      if (!close) return { body: text };
      const data = load(rest.slice(0, close.index), { schema: CORE_SCHEMA }) ?? {};
      const body = rest.slice(close.index + close[0].length).replace(/^\n+/, "");
      const fields = mapDates(data, datePaths, (v) => fileDateToForm(v, zone));
      for (const key of desk.singleItemLists) {
        if (fields[key] && typeof fields[key] === "object" && !Array.isArray(fields[key])) fields[key] = [fields[key]];
      }
      for (const key of desk.flagFields ?? []) if (typeof fields[key] === "boolean") fields[key] = String(fields[key]);
      return { ...fields, body };
    },
    toFile(data) {
      const { body = "", ...fields } = data;
      for (const key of desk.singleItemLists) if (Array.isArray(fields[key])) fields[key] = fields[key][0];
      const meta = withoutBlanks(mapDates(fields, datePaths, (v) => formToFileDate(v, zone)));
      for (const key of desk.flagFields ?? []) if (meta[key] === "true" || meta[key] === "false") meta[key] = meta[key] === "true";
      const keys = [...desk.fieldOrder.filter((k) => k in meta), ...Object.keys(meta).filter((k) => !desk.fieldOrder.includes(k))];
      const yaml = keys
        .map((k) => dump({ [k]: meta[k] }, { schema: CORE_SCHEMA, lineWidth: -1, flowLevel: FLOW_FIELDS.has(k) ? 1 : -1 }))
        .join("");
      const text = String(body).replace(/\r\n?/g, "\n").replace(/^\n+/, "").replace(/\s*$/, "");
      return `---\n${yaml}---\n\n${text ? `${text}\n` : ""}`;
    },
    dates: {
      formToFileDate: (v) => formToFileDate(v, zone),
      fileDateToForm: (v) => fileDateToForm(v, zone),
      nowFormValue: () => nowFormValue(zone),
      offsetLabel: (v) => offsetLabel(v, zone),
      instantOf: (w) => instantOf(w, zone),
      parseFormValue,
    },
  };
}
