// Plain JavaScript, not TypeScript, so that a worker thread can start from this very file: the
// build's code runs from one bundle (scripts/launch.mjs), and a worker starts from a file.
import { existsSync, readdirSync, statSync } from "node:fs";
import { sep } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

/**
 * Markdown files below `dir`, sorted so that runs are deterministic. Names starting with a
 * dot (editor backups, hidden folders) are skipped. A walk of our own: Node 20's recursive
 * `readdirSync` is five times slower on a 10,000-article tree.
 *
 * @param {string} dir
 * @returns {string[]}
 */
export function markdownFiles(dir) {
  if (!existsSync(dir)) return [];
  /** @type {string[]} */
  const found = [];
  /** @param {string} folder */
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = folder + sep + entry.name; // not path.join: its normalising showed at 10,000 files
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".md")) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * @typedef {object} ListedFiles
 * @property {string} dir The folder listed, as given.
 * @property {string[]} paths The Markdown files below the folder, as `markdownFiles` gives them.
 * @property {Float64Array} stats Four numbers a file, at 4 × its index: size, mtime and ctime (ms), inode; all -1 for a file gone since it was listed.
 */

/**
 * The Markdown files below `dir`, each with its stat.
 *
 * @param {string} dir
 * @returns {ListedFiles}
 */
export function listFiles(dir) {
  const paths = markdownFiles(dir);
  const stats = new Float64Array(paths.length * 4).fill(-1);
  for (let i = 0; i < paths.length; i++) {
    let s;
    try {
      s = statSync(paths[i]);
    } catch {
      continue; // gone since the folder was listed, or unreadable: the reader reports it
    }
    stats[i * 4] = s.size;
    stats[i * 4 + 1] = s.mtimeMs;
    stats[i * 4 + 2] = s.ctimeMs;
    stats[i * 4 + 3] = s.ino;
  }
  return { dir, paths, stats };
}

/**
 * `listFiles(dir)` on a thread of its own, for a build that has other work until it needs the
 * list: at 100,000 articles, listing and stat-ing the files took 0.9–1.0 s, waiting on the
 * file system, while reading the last build's record took 1.6–1.9 s of the other core.
 * Resolves to undefined if the thread fails (the caller lists the files itself).
 *
 * @param {string} dir
 * @returns {Promise<ListedFiles | undefined>}
 */
export function listFilesInBackground(dir) {
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker(new URL(import.meta.url), { workerData: { bulletinListFiles: dir } });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (listed) => resolve(listed));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
}

if (!isMainThread && typeof workerData?.bulletinListFiles === "string") {
  const listed = listFiles(workerData.bulletinListFiles);
  parentPort?.postMessage(listed, [listed.stats.buffer]);
}
