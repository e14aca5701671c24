import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Article } from "../model/types.ts";
import type { Problem } from "../model/problems.ts";
import { splitFrontmatter } from "../model/yamlFile.ts";
import { ContentFolder, NO_FILE } from "../model/contentFile.ts";

// Where an article's image file is, and whether it is there: light enough for content
// validation to use without loading the image encoder.

/**
 * The file an article's `image.src` names: relative to the article's own file, or, when
 * it starts with `/`, relative to `content/`. Web addresses are not fetched: builds stay
 * offline and reproducible.
 */
export function resolveImagePath(src: string, articleSource: string, contentDir = "content"): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) throw new Error("must be a file in content/, not a web address");
  const path = src.startsWith("/") ? join(contentDir, src) : join(dirname(articleSource), src);
  const rel = relative(resolve(contentDir), resolve(path));
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error("must be a file inside content/");
  return path;
}

/**
 * The `content/` folder an article file lives in, from its path as the build reports it
 * (relative to the working directory, which need not be the site's root).
 */
export function contentDirOf(articleSource: string): string {
  const posix = articleSource.split(sep).join("/");
  const at = posix.indexOf("content/articles/");
  return at === -1 ? "content" : posix.slice(0, at + "content".length);
}

/**
 * What is wrong with an article's `image.src`, if anything: checked while content is read,
 * so that a writer sees `file:LINE: message` with every other problem, before any page renders.
 */
export function imageFileProblem(src: string, articleSource: string, contentDir = contentDirOf(articleSource)): string | undefined {
  let file: string;
  try {
    file = resolveImagePath(src, articleSource, contentDir);
  } catch (error) {
    return `image.src "${src}" ${error instanceof Error ? error.message : String(error)}`;
  }
  const problem = new ContentFolder(contentDir).problemOf(file);
  if (!problem) return undefined;
  return `image.src "${src}" ${problem === NO_FILE ? `${problem} (looked for ${file})` : problem}`;
}

/**
 * The image problems of the articles about to be built, each on the line of its `image.src`
 * (paths in messages relative to the site's root, as `npm run check` words them). Run
 * before rendering, so a missing image stops the build like any other content error.
 */
export function imageProblems(articles: readonly Article[], root: string): Problem[] {
  const contentDir = join(root, "content");
  const folder = new ContentFolder(contentDir);
  const found: { article: Article; message: string }[] = [];
  const toDecode: { article: Article; file: string }[] = [];
  for (const article of articles) {
    if (!article.image) continue;
    const source = resolve(root, article.source); // sources are relative to the site root (Problem.file)
    try {
      const file = resolveImagePath(article.image.src, source, contentDir);
      // A link out of content/ passes resolveImagePath, which looks at the path only.
      const problem = folder.problemOf(file);
      if (!problem) toDecode.push({ article, file });
      else found.push({ article, message: problem === NO_FILE ? `${problem} (looked for ${relative(root, file).split(sep).join("/")})` : problem });
    } catch (error) {
      found.push({ article, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (toDecode.length > 0) {
    const why = undecodable(toDecode.map((d) => d.file));
    toDecode.forEach(({ article }, i) => {
      if (why[i]) found.push({ article, message: why[i]! });
    });
  }
  return found.map(({ article, message }) => {
    const parsed = splitFrontmatter(readFileSync(resolve(root, article.source), "utf8"));
    const line = parsed.ok ? parsed.file.lineOf(["image", "src"]) : undefined;
    return { file: article.source, line, message: `image.src "${article.image!.src}" ${message}`, severity: "error" as const };
  });
}

/**
 * Why each file cannot be resized, or undefined where it can: its header is read by sharp
 * (the library eleventy-img resizes with) as rendering will read it, so a text file called
 * `photo.png`, or a format sharp cannot read, stops the build here with `file:LINE` rather
 * than during rendering with Eleventy's stack trace. The header only: fast enough for
 * thousands of images, and nothing is read for articles without one.
 *
 * sharp only answers asynchronously, and the build validates synchronously before it renders
 * (src/build/currentBuild.ts), so sharp runs in a worker thread while this thread waits on
 * an Atomics flag, the way synckit makes async calls synchronous. Answers are kept per file,
 * size and modification time for the preview, which checks again on every save.
 */
export function undecodable(files: readonly string[]): (string | undefined)[] {
  const keys = files.map(fileKey);
  const missing = [...new Set(files.filter((_, i) => !decoded.has(keys[i]!)))];
  if (missing.length > 0) {
    const answers = askWorker(missing);
    missing.forEach((file, i) => decoded.set(fileKey(file), answers[i]));
  }
  return keys.map((key) => decoded.get(key));
}

const decoded = new Map<string, string | undefined>();

function fileKey(file: string): string {
  try {
    const stats = statSync(file);
    return `${resolve(file)}\0${stats.size}\0${stats.mtimeMs}`;
  } catch {
    return resolve(file);
  }
}

let worker: Worker | undefined;

// Plain CommonJS, evaluated in the worker: it needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
let sharp;
parentPort.on("message", async ({ files, flag, reply }) => {
  let answers;
  try {
    sharp ??= require(workerData.sharp);
    answers = await Promise.all(files.map((file) => sharp(file).metadata().then(
      (m) => ({ format: m.format, width: m.width, height: m.height }),
      (error) => ({ error: String(error && error.message || error) }),
    )));
  } catch (error) {
    answers = files.map(() => ({ error: "the image library could not be loaded: " + String(error && error.message || error) }));
  }
  reply.postMessage(answers);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

interface Answer {
  format?: string;
  width?: number;
  height?: number;
  error?: string;
}

/** Far longer than reading thousands of headers takes; only a worker that died leaves it to run out. */
const WORKER_PATIENCE_MS = 120_000;

function askWorker(files: readonly string[]): (string | undefined)[] {
  worker ??= new Worker(WORKER_SOURCE, { eval: true, workerData: { sharp: createRequire(import.meta.url).resolve("sharp") } });
  worker.unref(); // an idle worker must not keep a finished build's process alive
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    worker.postMessage({ files, flag, reply: port2 }, [port2]);
    if (Atomics.wait(flag, 0, 0, WORKER_PATIENCE_MS) === "timed-out") throw new Error("the image check did not answer");
    const answers = receiveMessageOnPort(port1)?.message as Answer[] | undefined;
    if (!answers) throw new Error("the image check gave no answer");
    return answers.map(describe);
  } finally {
    port1.close();
  }
}

function describe(answer: Answer): string | undefined {
  if (answer.error && /pixel limit/i.test(answer.error)) {
    return "has more pixels than can be resized (268 megapixels at most): save a smaller copy (1,200 pixels wide is all a page shows)";
  }
  if (answer.error) return `is not an image that can be read (${answer.error.replace(/\.$/, "")}): save it as JPEG, PNG, WebP or AVIF`;
  if (!answer.format || !answer.width || !answer.height) return "is not an image that can be read: save it as JPEG, PNG, WebP or AVIF";
  return undefined;
}
