import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

/** A project of two modules, with the real launcher, tsconfig and node_modules. */
function project(): { root: string; run(...args: string[]): { code: number | null; out: string }; bundle(): string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "bulletin-launch-"));
  mkdirSync(join(root, "scripts"));
  mkdirSync(join(root, "src"));
  cpSync(join(PROJECT, "scripts", "launch.mjs"), join(root, "scripts", "launch.mjs"));
  cpSync(join(PROJECT, "tsconfig.json"), join(root, "tsconfig.json"));
  symlinkSync(join(PROJECT, "node_modules"), join(root, "node_modules"));
  writeFileSync(join(root, "src", "words.ts"), 'export const word: string = "first";\nexport const here = import.meta.url;\n');
  writeFileSync(join(root, "scripts", "say.ts"), 'import { word, here } from "../src/words.ts";\nconsole.log(word, here, process.argv.slice(2).join(","));\n');
  return {
    root,
    run: (...args) => {
      const r = spawnSync(process.execPath, ["scripts/launch.mjs", "scripts/say.ts", ...args], { cwd: root, encoding: "utf8" });
      return { code: r.status, out: r.stdout + r.stderr };
    },
    bundle: () => join(root, ".bulletin-cache", "code", readdirSync(join(root, ".bulletin-cache", "code"))[0]!),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

test("a command runs from a compiled copy of its code, with its arguments and each module's own import.meta.url", () => {
  const p = project();
  try {
    const first = p.run("a", "b");
    assert.equal(first.code, 0, first.out);
    assert.equal(first.out, `first ${pathToFileURL(join(p.root, "src", "words.ts")).href} a,b\n`);
    const copy = readFileSync(p.bundle(), "utf8");
    assert.match(copy, /^\/\/ bulletin-code [0-9a-f]{64} [0-9a-f]{64}\n\/\/ inputs: scripts\/say\.ts src\/words\.ts\n/);
    assert.equal(p.run().out, `first ${pathToFileURL(join(p.root, "src", "words.ts")).href} \n`, "the copy is used again");
    assert.equal(readFileSync(p.bundle(), "utf8"), copy);
  } finally {
    p.remove();
  }
});

test("a changed source, or a damaged compiled copy, is compiled again: the command never runs stale code", () => {
  const p = project();
  try {
    assert.equal(p.run().code, 0);
    writeFileSync(join(p.root, "src", "words.ts"), 'export const word: string = "second";\nexport const here = "";\n');
    assert.match(p.run().out, /^second /, "a module the command imports changed");
    // A copy changed after it was written (a disk error, a hand edit) fails its digest and is made again.
    writeFileSync(p.bundle(), readFileSync(p.bundle(), "utf8").replace('"second"', '"tampered"'));
    assert.match(p.run().out, /^second /);
    assert.doesNotMatch(readFileSync(p.bundle(), "utf8"), /tampered/);
    // Half a copy (a start killed while writing it by hand-copying, say) is no copy.
    writeFileSync(p.bundle(), readFileSync(p.bundle(), "utf8").slice(0, 200));
    assert.match(p.run().out, /^second /);
    // What a start killed while writing its copy left (under its own process id) goes with the next compile; a live start's stays.
    const copy = p.bundle();
    const dead = `${copy}.tmp-999999999`;
    const live = `${copy}.tmp-${process.pid}`;
    writeFileSync(dead, "half a cop");
    writeFileSync(live, "being written");
    writeFileSync(join(p.root, "src", "words.ts"), 'export const word: string = "third";\nexport const here = "";\n');
    assert.match(p.run().out, /^third /);
    const left = readdirSync(join(p.root, ".bulletin-cache", "code"));
    assert.ok(!left.includes("scripts-say.ts.mjs.tmp-999999999"), `the dead start's copy is gone: ${left.join(", ")}`);
    assert.ok(left.includes(`scripts-say.ts.mjs.tmp-${process.pid}`), "a running start's copy is left alone");
    rmSync(live);
  } finally {
    p.remove();
  }
});

test("a change to the launcher's own options compiles the copy again", () => {
  const p = project();
  try {
    assert.equal(p.run().code, 0);
    const before = readFileSync(p.bundle(), "utf8");
    const launcher = join(p.root, "scripts", "launch.mjs");
    writeFileSync(launcher, `${readFileSync(launcher, "utf8")}\n// an option changed\n`);
    assert.equal(p.run().code, 0);
    assert.notEqual(readFileSync(p.bundle(), "utf8").split("\n")[0], before.split("\n")[0], "the copy's digest names the launcher");
  } finally {
    p.remove();
  }
});

test("plain-JavaScript packages every build loads go into the copy; packages with native code or files of their own stay outside", () => {
  const p = project();
  try {
    writeFileSync(join(p.root, "scripts", "say.ts"),
      'import { DateTime } from "luxon";\nimport * as inliner from "@css-inline/css-inline";\n' +
      'console.log(DateTime.fromISO("2016-07-15T14:20:00+03:00", { setZone: true }).toFormat("yyyy/MM/dd"), typeof inliner.inline);\n');
    const run = p.run();
    assert.equal(run.code, 0, run.out);
    assert.equal(run.out, "2016/07/15 function\n");
    const copy = readFileSync(p.bundle(), "utf8");
    assert.doesNotMatch(copy, /from "luxon"/, "luxon is bundled");
    assert.match(copy, /from "@css-inline\/css-inline"/, "the native inliner is imported from node_modules");
    assert.doesNotMatch(copy.split("\n")[1]!, /node_modules/, "the copy's inputs are our files; the lock file names the packages");
  } finally {
    p.remove();
  }
});
