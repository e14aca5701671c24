/**
 * The `npm run build` side of the warm build process (src/publish/warmServer.ts): sends the
 * build to the process answering on the bulletin's socket and prints what it says. Plain
 * JavaScript, imported by scripts/launch.mjs before it imports the build's code, so that a
 * build handed over costs only Node's start.
 */
import { existsSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";

/** As src/publish/warmServer.ts's SOCKET, relative to the bulletin's folder. */
const SOCKET = join(".bulletin-cache", "warm", "build.sock");
const ENV = ["BULLETIN_NOW", "BULLETIN_PREVIEW", "DEBUG"];

/**
 * Hands the build with `args` to the warm build process of the bulletin in the current folder.
 * Resolves to its exit code, or to undefined when there is none to hand it to, it refused,
 * or it stopped before the build was done: the caller then builds by itself.
 */
export async function handOver(args) {
  if (process.env.BULLETIN_WARM === "0" || !existsSync(SOCKET)) return undefined;
  const env = Object.fromEntries(ENV.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
  return new Promise((resolve) => {
    const socket = connect(SOCKET);
    let buffer = "";
    let connected = false;
    let refused = false;
    let exit;
    socket.setEncoding("utf8");
    socket.once("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify({ build: { root: process.cwd(), node: process.version, args, env } })}\n`);
    });
    socket.on("data", (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf("\n")) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          continue;
        }
        if (typeof message.out === "string") console.log(message.out);
        else if (typeof message.err === "string") console.error(message.err);
        else if (typeof message.exit === "number") exit = message.exit;
        else if (typeof message.refused === "string") {
          refused = true;
          console.error(`(The warm build process did not take this build: ${message.refused}. Building here.)`);
        }
      }
    });
    // No process behind a socket left by a killed one: build here, saying nothing.
    socket.on("error", () => {});
    socket.on("close", () => {
      if (exit === undefined && connected && !refused) console.error("(The warm build process stopped during the build. Building here.)");
      resolve(exit);
    });
  });
}
