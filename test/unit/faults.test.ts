import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { article, hashTree, makeFixtureSite, runBuildScript, type FixtureSite } from "../support/fixtureSite.ts";
import { until } from "../support/previewProcess.ts";

/**
 * The build survives what happens to builds: being killed at any moment (Ctrl-C, `kill -9`,
 * a power cut), being run twice at once. `BULLETIN_FAULT=kill:<moment>` makes the build kill
 * itself with SIGKILL at a named moment (src/publish/faults.ts): nothing of it runs after.
 * At every moment, `_site` must be a whole site (the previous one before the swap, the new
 * one after), and the next build must be correct: the same files as a build that was never
 * interrupted, its images whole.
 */
const IMAGE = fileURLToPath(new URL("../fixtures/images/small.png", import.meta.url));
const PICTURED = "content/articles/2016/07/2016-07-16-pictured.md";

function pictured(title: string): string {
  return article(`title: ${title}\ndate: 2016-07-16T10:00:00+03:00\nimage: { src: images/small.png, alt: A small picture }`, "A story with a picture.");
}

function siteWithCode(): FixtureSite {
  const site = makeFixtureSite({ [PICTURED]: pictured("A story with a picture") }, { code: true });
  mkdirSync(join(site.root, "content/articles/2016/07/images"), { recursive: true });
  copyFileSync(IMAGE, join(site.root, "content/articles/2016/07/images/small.png"));
  return site;
}

/** Every published file's hash, and the image files' sizes, of the site `_site` points at. */
function published(root: string): Map<string, string> {
  return hashTree(join(root, "_site"));
}

const MOMENTS = ["locked", "image-file-written", "first-page-written", "pages-written", "before-publish", "published"];

test("a build killed at any moment leaves a whole _site, and the next build is correct", async () => {
  const site = siteWithCode();
  try {
    const first = await runBuildScript(site.root);
    assert.equal(first.code, 0, first.output);
    const reference = published(site.root);
    // What an uninterrupted build of the changed content publishes.
    site.write(PICTURED, pictured("The story, retitled"));
    const clean = siteWithCode();
    clean.write(PICTURED, pictured("The story, retitled"));
    const cleanRun = await runBuildScript(clean.root);
    assert.equal(cleanRun.code, 0, cleanRun.output);
    const expected = published(clean.root);
    clean.remove();

    for (const moment of MOMENTS) {
      // A cold image cache each time, so that the kill can land while an image is being saved.
      rmSync(join(site.root, ".bulletin-cache"), { recursive: true, force: true });
      const killed = await runBuildScript(site.root, { BULLETIN_FAULT: `kill:${moment}` });
      assert.equal(killed.signal, "SIGKILL", `${moment}: the build was killed there\n${killed.output}`);
      assert.ok(lstatSync(join(site.root, "_site")).isSymbolicLink(), `${moment}: _site is still there`);
      const now = published(site.root);
      const whole = moment === "published" ? expected : reference;
      assert.deepEqual(now, whole, `${moment}: _site is the ${moment === "published" ? "new" : "previous"} site, whole`);

      const next = await runBuildScript(site.root);
      assert.equal(next.code, 0, `${moment}: the next build works\n${next.output}`);
      assert.deepEqual(published(site.root), expected, `${moment}: the next build publishes what an uninterrupted one does`);
      for (const name of readdirSync(join(site.root, "_site", "img"))) {
        assert.ok(readFileSync(join(site.root, "_site", "img", name)).length > 0, `${moment}: ${name} is whole`);
      }
      // Back to the first content for the next moment's kill to have something to change.
      site.write(PICTURED, pictured("A story with a picture"));
      assert.equal((await runBuildScript(site.root)).code, 0);
      site.write(PICTURED, pictured("The story, retitled"));
    }
    // The folders of every killed build are gone once later builds ran.
    const live = realpathSync(join(site.root, "_site"));
    await until(() => readdirSync(join(site.root, "_site.builds")).every((name) => join(site.root, "_site.builds", name) === live));
    assert.ok(!existsSync(join(site.root, "_site.lock")), "no lock is left behind");
  } finally {
    site.remove();
  }
});

test("a full disk while the pages are written fails the build as a full disk, in a sentence, leaving _site as it was and nothing behind; the next build works", async () => {
  const site = siteWithCode();
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    const before = published(site.root);
    site.write(PICTURED, pictured("The story, retitled"));
    // Failing before it reads the record: the thread reading ahead for it must not keep the process alive.
    const early = await Promise.race([
      runBuildScript(site.root, { BULLETIN_FAULT: "enospc:locked" }),
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error("the build failed early and did not exit within 60 s")), 60_000).unref()),
    ]);
    assert.equal(early.code, 1, early.output);
    assert.match(early.output, /Build failed: the disk is full/);
    assert.deepEqual(published(site.root), before);
    const settings = readFileSync(join(site.root, "content/site.yaml"), "utf8");
    // An incremental build first; then, with site.yaml changed, a full one.
    for (const kind of ["incremental", "full"]) {
      if (kind === "full") writeFileSync(join(site.root, "content/site.yaml"), `${settings}\n# changed: the next build is a full one\n`);
      const failed = await runBuildScript(site.root, { BULLETIN_FAULT: "enospc:first-page-written" });
      assert.equal(failed.code, 1, `${kind}: ${failed.output}`);
      assert.match(failed.output, /Build failed: the disk is full \(while writing the site\): free some space and build again/, kind);
      assert.doesNotMatch(failed.output, /^\s+at /m, `${kind}: no stack trace`);
      assert.deepEqual(published(site.root), before, `${kind}: _site is the previous site, whole`);
      await until(() => readdirSync(join(site.root, "_site.builds")).length === 1);
      assert.ok(!existsSync(join(site.root, "_site.lock")), `${kind}: no lock is left behind`);
    }
    const next = await runBuildScript(site.root);
    assert.equal(next.code, 0, next.output);
    assert.match(readFileSync(join(site.root, "_site/2016/07/16/pictured/index.html"), "utf8"), /The story, retitled/);
  } finally {
    site.remove();
  }
});

test("a second build while one is running is refused with a clear message, and leaves the site alone", async () => {
  const site = siteWithCode();
  try {
    assert.equal((await runBuildScript(site.root)).code, 0);
    const before = published(site.root);
    // A live process holds the lock: this test's own child, which sleeps.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(site.root, "_site.lock"), JSON.stringify({ pid: holder.pid, host: (await import("node:os")).hostname(), since: "2026-12-03T08:00:00.000Z" }));
      const second = await runBuildScript(site.root);
      assert.equal(second.code, 1, second.output);
      assert.match(second.output, new RegExp(`another build \\(process ${holder.pid}, started 2026-12-03T08:00:00.000Z\\) is writing this site; wait for it to finish`));
      assert.doesNotMatch(second.output, /^\s+at /m, "no stack trace");
      assert.deepEqual(published(site.root), before);
    } finally {
      holder.kill();
    }
  } finally {
    site.remove();
  }
});

test("a lock left by a build that was killed is recognised as stale and taken over", async () => {
  const site = siteWithCode();
  try {
    const dead = spawn(process.execPath, ["-e", "0"], { stdio: "ignore" });
    await new Promise((done) => dead.on("exit", done));
    writeFileSync(join(site.root, "_site.lock"), JSON.stringify({ pid: dead.pid, host: (await import("node:os")).hostname(), since: "2026-12-03T08:00:00.000Z" }));
    const run = await runBuildScript(site.root);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, new RegExp(`A build that was stopped \\(process ${dead.pid}\\) left its lock; taking over\\.`));
    assert.ok(!existsSync(join(site.root, "_site.lock")));
  } finally {
    site.remove();
  }
});
