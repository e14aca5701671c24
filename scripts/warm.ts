/**
 * `npm run warm`: keeps a build process running for this bulletin; while it runs, `npm run
 * build` hands its builds to it (src/publish/warmServer.ts) and skips Node's start, the
 * import of the code and the reading of the last build's record. The builds are the same
 * builds, with the same output. Stops after three hours without a build, on Ctrl-C, or when
 * the code changes (the next build then runs by itself, as without it).
 *
 *   npm run warm -- --idle-minutes 30    stop sooner when unused
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { limitHeapGrowth } from "../src/publish/heap.ts";
import { codeDigest } from "../src/publish/buildState.ts";
import { AlreadyWarm, startWarmServer } from "../src/publish/warmServer.ts";
import { buildAndReport } from "./buildReport.ts";

const SCRIPTS = fileURLToPath(new URL(".", import.meta.url));

/** The build's code (`codeDigest`) and the commands' own (scripts/), which the process runs too. */
function code(): string {
  const hash = createHash("sha256").update(codeDigest());
  for (const name of readdirSync(SCRIPTS).sort()) if (/\.(ts|mjs)$/.test(name)) hash.update(`${name}\0`).update(readFileSync(join(SCRIPTS, name))).update("\0");
  return hash.digest("hex");
}

const { values } = parseArgs({ options: { "idle-minutes": { type: "string", default: "180" } } });
const minutes = Number(values["idle-minutes"]);
if (!(minutes > 0)) {
  console.error(`--idle-minutes ${values["idle-minutes"]}: not a number of minutes`);
  process.exit(2);
}
limitHeapGrowth();
const root = realpathSync(process.cwd());
try {
  const server = await startWarmServer({
    root,
    code,
    idleMs: minutes * 60_000,
    log: (line) => console.log(line),
    build: (request) => buildAndReport({ root, ...request }),
  });
  console.log(`Warm build process for ${root}: npm run build hands its builds to it. Stops after ${minutes} min without a build, or on Ctrl-C.`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.stop(`stopped (${signal})`));
  console.log(`Warm build process stopped: ${await server.stopped}.`);
  process.exit(0);
} catch (error) {
  if (!(error instanceof AlreadyWarm)) throw error;
  console.error(`${error.message}.`);
  process.exitCode = 1;
}
