/**
 * `npm start`: the writers' preview at http://127.0.0.1:8080/, from `.preview/` (so _site/
 * keeps the last published build), with live reload. A saved article shows within a second
 * however large the archive; listings catch up just after (src/preview/runPreview.ts).
 * Drafts and scheduled articles are included, marked as such; BULLETIN_PREVIEW=0 shows
 * exactly what `npm run build` publishes. For this machine only unless --host says
 * otherwise (docs/security.md).
 *
 *   npm start -- --port 8081          another port (0: any free one; a taken one: the next)
 *   npm start -- --root path/to/site  a bulletin in another folder (its content/)
 *   npm start -- --host 0.0.0.0       open to other machines too: they can read the drafts
 *   npm start -- --desk-port 8091     the web desk's port (default: the preview's + 1)
 *
 * The web desk (Decap CMS with its local file-system backend) is served beside the preview,
 * on 127.0.0.1 only: src/desk/deskServer.ts.
 */
import { parseArgs } from "node:util";
import { runPreview } from "../src/preview/runPreview.ts";
import { ListenError } from "../src/serve/siteServer.ts";
import { startDeskServer } from "../src/desk/deskServer.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    root: { type: "string", default: process.cwd() },
    host: { type: "string", default: "127.0.0.1" },
    "desk-port": { type: "string" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port ${values.port}: not a port number`);
  process.exit(2);
}
if (values.host.trim() === "") {
  console.error("--host: give an address or name to listen on, such as 127.0.0.1 or 0.0.0.0");
  process.exit(2);
}
process.env.BULLETIN_PREVIEW ??= "1";
let preview: Awaited<ReturnType<typeof runPreview>>;
try {
  preview = await runPreview({ root: values.root, port, host: values.host });
} catch (error) {
  if (!(error instanceof ListenError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const desk = await startDeskServer({ root: values.root, port: values["desk-port"] ? Number(values["desk-port"]) : port === 0 ? 0 : port + 1, previewUrl: preview.url });
console.log(`Desk at ${desk.url} (stories are saved into content/articles/; docs/writing.md).`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void Promise.all([preview.stop(), desk.close()]).then(() => process.exit(0)));
}
