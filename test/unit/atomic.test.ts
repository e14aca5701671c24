import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashTree, runBuildScript, PROJECT_ROOT as PROJECT } from "../support/fixtureSite.ts";
import { copyDesk, buildDesk } from "../fixtures/writers/deskSite.ts";
import { until } from "../support/previewProcess.ts";

/**
 * A build that fails after it has started writing (here: a layout that throws) must leave
 * the published _site/ byte for byte as it was, and nothing beside it. Content errors stop
 * the build before anything is written; test/unit/build-errors.test.ts covers those.
 */
const CODE = ["src", "layouts", "scripts", ".eleventy.js", "package.json", "tsconfig.json"];

test("a layout error half way through the pages leaves the previous _site/ byte for byte, with no half-built site left", async () => {
  const site = copyDesk();
  try {
    const first = await buildDesk(site.root);
    assert.ok(first.result.ok, first.log.join("\n"));
    const before = hashTree(first.output);
    assert.ok(before.size > 20, "a real site was published first");

    // The same bulletin as its own checkout, with the day archive's layout throwing while it renders.
    for (const name of CODE) cpSync(join(PROJECT, name), join(site.root, name), { recursive: true });
    symlinkSync(join(PROJECT, "node_modules"), join(site.root, "node_modules"));
    const layout = join(site.root, "layouts", "ArchiveLayouts.tsx");
    writeFileSync(layout, readFileSync(layout, "utf8").replace("const title = edition.strings.dayTitle(", 'if (Math.random() < 2) throw new Error("the broken layout exploded");\n  const title = edition.strings.dayTitle('));

    const run = await runBuildScript(site.root);
    assert.equal(run.code, 1, run.output);
    assert.match(run.output, /the broken layout exploded/);
    assert.match(run.output, /_site\/ was left as it was/);
    assert.doesNotMatch(run.output, /^\s+at /m, "no stack trace");

    assert.deepEqual(hashTree(first.output), before);
    const published = realpathSync(first.output);
    assert.deepEqual(readdirSync(site.root).filter((f) => f.startsWith("_site")).sort(), ["_site", "_site.builds", "_site.changes.json"], "no _site.tmp-* or _site.old-* is left");
    await until(() => readdirSync(join(site.root, "_site.builds")).every((name) => join(site.root, "_site.builds", name) === published));
  } finally {
    site.remove();
  }
});
