import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PACKAGE = fileURLToPath(new URL("../package.json", import.meta.url));

/**
 * Node's arguments for running `script` (with `args`) as `npm run build` runs scripts/build.ts:
 * the same flags and the same launcher (scripts/launch.mjs), read from package.json, so that
 * the tests and the bench run the build as writers do. `script` is a path from the project.
 */
export function buildCommandFor(script: string, args: string[] = []): string[] {
  const command = (JSON.parse(readFileSync(PACKAGE, "utf8")) as { scripts: Record<string, string> }).scripts.build!;
  const words = command.split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "scripts/build.ts") throw new Error(`package.json's build script is not "node … scripts/build.ts": ${command}`);
  return [...words.slice(1, -1), script, ...args];
}
