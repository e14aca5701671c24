/**
 * The preview's build process, started by src/preview/runPreview.ts in the bulletin's
 * folder: reads the content, writes the whole site into `.preview/`, then keeps content and
 * build in memory and updates pages as article files are saved. It lives as long as the
 * code it loaded: a change to site.yaml, people, topics, layouts or src starts a new one.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildOptionsFromEnv } from "../publish/runBuild.ts";
import { ImageCache } from "../images/imageCache.ts";
import { cacheDir } from "../site/prepareSite.ts";
import { LiveContent } from "./LiveContent.ts";
import { PreviewSite } from "./PreviewSite.ts";
import type { FromWorker, ToWorker } from "./messages.ts";

const PROJECT_DIR = fileURLToPath(new URL("../../", import.meta.url));
const root = process.cwd();
const output = process.argv[2] ?? join(root, ".preview");

// The server process going away (stopped, or killed) ends this one too.
process.on("disconnect", () => process.exit(0));
const send = (message: FromWorker) => process.send?.(message);
// Saves made while content loads are kept, not lost.
const early: ToWorker[] = [];
let handle = (message: ToWorker) => void early.push(message);
process.on("message", (message: ToWorker) => handle(message));

const content = new LiveContent({ root, ...buildOptionsFromEnv() });
const site = new PreviewSite(content, {
  output,
  assets: join(PROJECT_DIR, "layouts", "assets"),
  images: new ImageCache(join(cacheDir(root), "img")),
  log: (line) => console.log(line),
  written: (paths, phase) => send({ type: "written", phase, paths }),
  problems: (lines) => send({ type: "problems", lines }),
});
handle = (message) => {
  if (message.type === "articles") site.changed(message.paths);
  else site.assetChanged(message.path);
};
const started = site.start();
for (const message of early.splice(0)) handle(message);
await started;
