// Plain JavaScript, not TypeScript, so that the worker thread of src/publish/readAhead.mjs can
// import it: the build's code runs from one bundle (scripts/launch.mjs), a worker from files.
import { existsSync, readdirSync, statSync } from "node:fs";
import { sep } from "node:path";

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
  return { dir, paths, stats: statFiles(paths) };
}

/**
 * The stats of `paths`, four numbers a file (`ListedFiles.stats`); -1s for a file gone or unreadable.
 *
 * @param {readonly string[]} paths
 * @returns {Float64Array}
 */
export function statFiles(paths) {
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
  return stats;
}
