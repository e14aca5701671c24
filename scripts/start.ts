/**
 * `npm start`: the writers' preview at http://localhost:8080/, from `.preview/` (so _site/
 * keeps the last published build), with live reload. A saved article shows within a second
 * however large the archive; listings catch up just after (src/preview/runPreview.ts).
 * Drafts and scheduled articles are included, marked as such; BULLETIN_PREVIEW=0 shows
 * exactly what `npm run build` publishes.
 *
 *   npm start -- --port 8081          another port (0: any free one)
 *   npm start -- --root path/to/site  a bulletin in another folder (its content/)
 */
import { parseArgs } from "node:util";
import { runPreview } from "../src/preview/runPreview.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    root: { type: "string", default: process.cwd() },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: not a port number`);
  process.exit(2);
}
process.env.BULLETIN_PREVIEW ??= "1";
const preview = await runPreview({ root: values.root, port });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void preview.stop().then(() => process.exit(0)));
}
