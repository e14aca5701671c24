import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, resolve, dirname } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { copyDesk, buildDesk } from "../fixtures/writers/deskSite.ts";

/**
 * A build that fails after Eleventy has started writing (here: a template that throws)
 * must leave the published _site/ byte for byte as it was, and nothing beside it.
 * Content errors stop the build before Eleventy starts; test/unit/build-errors.test.ts
 * covers those.
 */
const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CODE = ["src", "layouts", "scripts", ".eleventy.js", "package.json", "tsconfig.json"];

function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else hashes.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return hashes;
}

function npmRunBuild(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), "scripts/build.ts"], {
      cwd,
      env: { ...process.env, DEBUG: "", BULLETIN_PREVIEW: "", BULLETIN_NOW: "2020-01-01T00:00:00+03:00" },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output }));
  });
}

test("a template error after Eleventy started leaves the previous _site/ byte for byte, with no staging folder left", async () => {
  const site = copyDesk();
  try {
    const first = await buildDesk(site.root);
    assert.ok(first.result.ok, first.log.join("\n"));
    const before = hashTree(first.output);
    assert.ok(before.size > 20, "a real site was published first");

    // The same bulletin as its own checkout, with one page template that throws while rendering.
    for (const name of CODE) cpSync(join(PROJECT, name), join(site.root, name), { recursive: true });
    symlinkSync(join(PROJECT, "node_modules"), join(site.root, "node_modules"));
    site.write("src/pages/broken.11ty.tsx", 'export function render(): string {\n  throw new Error("the broken template exploded");\n}\n');

    const run = await npmRunBuild(site.root);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /the broken template exploded/);
    assert.match(run.output, /_site\/ was left as it was/);
    assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");

    assert.deepEqual(hashTree(first.output), before);
    assert.deepEqual(readdirSync(site.root).filter((f) => f.startsWith("_site")), ["_site"], "no _site.tmp-* or _site.old-* is left");
  } finally {
    site.remove();
  }
});
