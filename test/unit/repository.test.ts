import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { PROJECT_ROOT } from "../support/fixtureSite.ts";

const git = (...args: string[]) => spawnSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" });
const checkout = git("rev-parse", "--is-inside-work-tree").stdout.trim() === "true";

test("no file the repository tracks is also ignored, content/site.yaml among them", { skip: !checkout && "not a git checkout" }, () => {
  // A tracked file that a .gitignore (at the root or in any folder) matches keeps being
  // tracked, but a new copy of it, or the same path in a fresh bulletin, would be left out.
  const ignored = git("ls-files", "--cached", "--ignored", "--exclude-standard");
  assert.equal(ignored.status, 0, ignored.stderr);
  assert.deepEqual(ignored.stdout.split("\n").filter(Boolean), []);
  const settings = git("check-ignore", "--verbose", "--no-index", "content/site.yaml");
  assert.equal(settings.status, 1, `content/site.yaml is ignored by ${settings.stdout.trim()}`);
});
