import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_YAML_CHARS, MAX_YAML_MARKS, scalarValue, splitFrontmatter, splitYaml } from "../../src/model/yamlFile.ts";

/** Parses `raw` and returns the file, failing the test with the errors if it did not parse. */
function parsed(raw: string) {
  const result = splitFrontmatter(raw);
  if (!result.ok) assert.fail(`expected frontmatter to parse, got ${JSON.stringify(result.errors)}`);
  return result.file;
}

function errors(raw: string) {
  const result = splitFrontmatter(raw);
  if (result.ok) assert.fail(`expected frontmatter to be rejected, got ${JSON.stringify(result.file.data)}`);
  return result.errors;
}

test("frontmatter fields and body are split at the closing ---", () => {
  const file = parsed("---\ntitle: Talks in Moscow\ndateline: Moscow\n---\nFirst paragraph.\n\nSecond.\n");
  assert.deepEqual(file.data, { title: "Talks in Moscow", dateline: "Moscow" });
  assert.equal(file.body, "First paragraph.\n\nSecond.\n");
  assert.equal(file.bodyLine, 5);
});

test("a byte order mark and CRLF line ends change neither fields, body nor line numbers", () => {
  const unix = "---\ntitle: Talks\ndate: 2016-07-15T14:20:00+03:00\npeople: [Putin]\n---\nBody line.\n";
  const windows = "\uFEFF" + unix.replace(/\n/g, "\r\n");
  const a = parsed(unix);
  const b = parsed(windows);
  assert.deepEqual(b.data, a.data);
  assert.equal(b.body, a.body);
  assert.equal(b.bodyLine, a.bodyLine);
  assert.equal(b.lineOf(["people"]), 4);
  assert.equal(b.lineOf(["date"]), 3);
  assert.equal(b.data.title, "Talks", "the BOM must not end up in the first key");
});

test("old Mac CR line ends are read as line ends too", () => {
  const file = parsed("---\rtitle: Talks\rdateline: Moscow\r---\rBody.");
  assert.deepEqual(file.data, { title: "Talks", dateline: "Moscow" });
  assert.equal(file.lineOf(["dateline"]), 3);
});

test("a frontmatter block may close with ... as YAML documents do", () => {
  const file = parsed("---\ntitle: Talks\n...\nBody.");
  assert.deepEqual(file.data, { title: "Talks" });
  assert.equal(file.body, "Body.");
});

test("an empty frontmatter block gives no fields and the body after it", () => {
  const file = parsed("---\n---\nBody.");
  assert.deepEqual(file.data, {});
  assert.equal(file.bodyLine, 3);
});

test("--- inside the body is body text, not another block", () => {
  const file = parsed("---\ntitle: T\n---\nAbove.\n\n---\n\nBelow.");
  assert.equal(file.body, "Above.\n\n---\n\nBelow.");
});

const rejected: { name: string; raw: string; line: number; message: RegExp }[] = [
  { name: "a file without frontmatter", raw: "Just a body.\n", line: 1, message: /must start with a YAML frontmatter block/ },
  { name: "a frontmatter block never closed", raw: "---\ntitle: T\ndate: 2016-07-15\nBody.\n", line: 1, message: /never closed/ },
  { name: "an unclosed flow list", raw: "---\ntitle: T\ndate: 2016-07-15\npeople: [Putin, Kerry\n---\nBody.", line: 4, message: /^invalid YAML: / },
  { name: "a key given twice", raw: "---\ntitle: T\ndateline: Moscow\ntitle: U\n---\n", line: 4, message: /^invalid YAML: .*unique/i },
  { name: "a bad indentation after BOM and CRLF", raw: "\uFEFF---\r\ntitle: T\r\n  bad: : x\r\n---\r\n", line: 2, message: /^invalid YAML: / },
  { name: "a list instead of fields", raw: "---\n- title\n- date\n---\n", line: 2, message: /expected `key: value` fields/ },
];

for (const c of rejected) {
  test(`${c.name} is reported on file line ${c.line}`, () => {
    const [first] = errors(c.raw);
    assert.ok(first);
    assert.equal(first.line, c.line);
    assert.match(first.message, c.message);
  });
}

test("a YAML error message never cites a line counted from inside the frontmatter", () => {
  // The file line is given once, by the caller's `file:LINE:`; a second, different number
  // ("at line 3, column 9") inside the message sends writers to the wrong line.
  for (const raw of ["---\ntitle: T\ndate: 2016-07-15\npeople: [Putin, Kerry\n---\n", "---\ntitle: T\ntitle: U\n---\n"]) {
    for (const e of errors(raw)) {
      assert.doesNotMatch(e.message, /\bline \d+/, e.message);
      assert.doesNotMatch(e.message, /\n/, "messages are one line");
    }
  }
});

test("lineOf points at the field, or at the nearest enclosing field when the value is missing", () => {
  const file = parsed("---\ntitle: T\nimage:\n  src: a.jpg\ncorrections:\n  - date: 2016-07-16\n    text: Fixed\n---\n");
  assert.equal(file.lineOf(["image", "src"]), 4);
  assert.equal(file.lineOf(["image", "alt"]), 4, "a missing key inside image: is reported where image's fields start");
  assert.equal(file.lineOf(["corrections", 0, "text"]), 7);
  assert.equal(file.lineOf(["nothing"]), 1);
});

test("a whole YAML file (site.yaml) counts lines from its first line", () => {
  const result = splitYaml("# settings\nname: Bulletin\ntimeZone: Asia/Damascus\n");
  assert.ok(result.ok);
  assert.equal(result.file.lineOf(["timeZone"]), 3);
  const broken = splitYaml("name: Bulletin\nname: Again\n");
  assert.ok(!broken.ok);
  assert.equal(broken.errors[0]?.line, 2);
});

test("a list indented with tabs is one error, on its first line, saying to indent with spaces", () => {
  const all = errors("---\ntitle: T\npeople:\n\t- Putin\n\t- Kerry\n\t- Lavrov\n---\nBody.\n");
  assert.equal(all.length, 1, JSON.stringify(all));
  assert.equal(all[0]!.line, 4);
  assert.match(all[0]!.message, /indent with spaces/);
  assert.match(all[0]!.message, /and 2 lines after it/);
});

test("a plain number or true/false keeps the text it was typed as, beside its value", () => {
  const file = parsed("---\ntitle: 007\nhex: 0x1F\nexp: 1e3\nflag: true\nquoted: \"007\"\n---\n");
  const shown = Object.fromEntries(Object.entries(file.data).map(([k, v]) => [k, String(v)]));
  assert.deepEqual(shown, { title: "007", hex: "0x1F", exp: "1e3", flag: "true", quoted: "007" });
  assert.deepEqual(Object.values(file.data).map((v) => scalarValue(v)), [7, 31, 1000, true, "007"]);
});

test("a number keeps its text also when the slower parser reads the block, and as a key", () => {
  // js-yaml refuses a raw control character; `yaml` reads the block then (check reports the character).
  const file = parsed("---\ntitle: 007\n1e3: x\nnote: a\u0007b\n---\n");
  assert.equal(String(file.data.title), "007");
  assert.equal(scalarValue(file.data.title), 7);
  assert.deepEqual(Object.keys(file.data), ["title", "1e3", "note"]);
  assert.deepEqual(Object.keys(parsed("---\n007: x\n---\n").data), ["007"]);
});

test("a frontmatter block larger than any real story's is refused on its first line before it is parsed", () => {
  const huge = `---\ntitle: T\nsummary: "${"word ".repeat(MAX_YAML_CHARS / 4)}"\n---\nBody.\n`;
  const [tooBig, ...rest] = errors(huge);
  assert.deepEqual(rest, []);
  assert.equal(tooBig!.line, 1);
  assert.match(tooBig!.message, /^the frontmatter is \d+ KB, more than the 64 KB its fields may take/);
});

test("thousands of fields are refused before they are parsed, with the limit named", () => {
  // Parsed, `yaml` took 2 s for 16,000 fields and a duplicate (its duplicate-key check grows
  // with their square); 6,000 fit in the size limit.
  const fields = Array.from({ length: 6000 }, (_, i) => `k${i}: v`);
  const texts = [`---\n${fields.join("\n")}\nk0: again\n---\n`, `---\nx: {${fields.join(", ")}}\n---\n`];
  for (const text of texts) {
    assert.ok(text.length < MAX_YAML_CHARS);
    const [first, ...rest] = errors(text);
    assert.deepEqual(rest, []);
    assert.equal(first!.line, 1);
    assert.match(first!.message, new RegExp(`more than the limit of ${MAX_YAML_MARKS} \\(a story has a few dozen\\)`));
  }
  const [deep] = errors(`---\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\n`);
  assert.match(deep!.message, /nests lists or fields too deeply/, "lists nested 20,000 deep are refused unparsed");
  const [big] = errors(`---\n${Array.from({ length: 40_000 }, (_, i) => `k${i}: v`).join("\n")}\n---\n`);
  assert.match(big!.message, /KB, more than the 64 KB/, "over both limits, the size is named");
});

test("site.yaml is held to the same limits", () => {
  const result = splitYaml(Array.from({ length: 3000 }, (_, i) => `k${i}: v`).join("\n"));
  assert.ok(!result.ok);
  assert.match(result.errors[0]!.message, /^the file has 3000 fields/);
});

test("lists or fields nested far deeper than any story's are one error, never a crash or a wait", () => {
  const deep = [
    `x: ${"[".repeat(50)}${"]".repeat(50)}`, // refused before parsing
    `x: ${"{a: ".repeat(600)}1${"}".repeat(600)}`, // took \`yaml\` seconds, or all memory, after a duplicate key
    `x:\n${"- ".repeat(5000)}a`, // js-yaml refuses it; \`yaml\` ran out of stack
  ];
  for (const fields of deep) {
    for (const text of [`---\n${fields}\n---\n`, `---\ntitle: a\ntitle: b\n${fields}\n---\n`]) {
      const all = errors(text);
      const depth = all.filter((e) => /nests lists or fields too deeply to be read/.test(e.message));
      assert.equal(depth.length, 1, JSON.stringify(all).slice(0, 400));
      assert.ok(all.every((e) => !/call stack/i.test(e.message)));
    }
  }
});
