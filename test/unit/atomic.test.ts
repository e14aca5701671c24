import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { hashTree, runBuildScript, PROJECT_ROOT as PROJECT } from "../support/fixtureSite.ts";
import { copyDesk, buildDesk } from "../fixtures/writers/deskSite.ts";

/**
 * A build that fails after Eleventy has started writing (here: a template that throws)
 * must leave the published _site/ byte for byte as it was, and nothing beside it.
 * Content errors stop the build before Eleventy starts; test/unit/build-errors.test.ts
 * covers those.
 */
const CODE = ["src", "layouts", "scripts", ".eleventy.js", "package.json", "tsconfig.json"];

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

    const run = await runBuildScript(site.root);
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
