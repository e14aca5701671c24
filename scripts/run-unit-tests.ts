/**
 * Runs every `test/unit/**\/*.test.ts` with Node's test runner. Node 20 does not expand
 * globs given to `--test`, and a bare `node --test` finds no `.ts` file, so the list is
 * made here; an empty list is an error, never a silent pass.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const dir = join("test", "unit");
const files = (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
  .filter((f) => f.endsWith(".test.ts") || f.endsWith(".test.tsx"))
  .map((f) => join(dir, f))
  .sort();
if (files.length === 0) {
  console.error(`No unit tests found under ${dir}/`);
  process.exit(1);
}
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...selected], { stdio: "inherit" });
process.exit(result.status ?? 1);
