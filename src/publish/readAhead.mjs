// Plain JavaScript, not TypeScript, so that a worker thread can start from this very file: the
// build's code runs from one bundle (scripts/launch.mjs), and a worker starts from a file.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { markdownFiles, statFiles } from "../model/markdownFiles.mjs";

/**
 * @typedef {import("../model/markdownFiles.mjs").ListedFiles} ListedFiles
 * @typedef {{ bytes: Buffer, sha256: string }} HashedFile A file's bytes and the SHA-256 of them (hex).
 */

/**
 * What an everyday build reads before it can start, read on a thread of its own while the
 * build's thread parses: the parts of the last build's record (their bytes and digests; the
 * build checks the digests against the parts' names, and parses them) and the article files
 * with their stats. At 100,000 articles, reading and hashing the record's 200 MB of parts
 * took 0.3 s of the thread that parses them, and stat-ing 100,000 files 0.8 s, waiting on
 * the file system, while the other core had little to do. The thread lists the folders,
 * reads the parts the record names once the build has read its main file and said which
 * (`parts`), then stats the files.
 *
 * Whatever the thread fails to do, the caller does itself: a part it could not give is
 * undefined (read it here), a listing it could not make is undefined (list here). It never
 * decides anything: the record's checks are the caller's, on the digests the thread computed.
 *
 * @param {string} dir the articles' folder
 */
export function readAhead(dir) {
  /** @type {Map<string, (file: HashedFile | undefined) => void>} */
  const waiting = new Map();
  /** @type {Map<string, HashedFile | undefined>} */
  const arrived = new Map();
  /** @type {(listed: ListedFiles | undefined) => void} */
  let listed = () => {};
  const listing = new Promise((resolve) => (listed = resolve));
  let asked = false;
  /** The record has been read: parts that arrive now are not wanted. */
  let taken = false;
  let over = false;
  const end = () => {
    over = true;
    listed(undefined);
    for (const give of waiting.values()) give(undefined);
    waiting.clear();
  };
  /** Says that no part will be asked for, so that the thread goes on to the files' stats. */
  const noParts = () => {
    if (!asked && !over) worker?.postMessage({ folder: "", digests: [] });
    asked = true;
  };
  /** @type {Worker | undefined} */
  let worker;
  try {
    worker = new Worker(new URL(import.meta.url), { workerData: { bulletinReadAhead: dir } });
    worker.on("message", (message) => {
      if (message.listed) return listed(message.listed);
      if (taken) return;
      const file = message.bytes ? { bytes: Buffer.from(message.bytes, message.offset, message.length), sha256: message.sha256 } : undefined;
      const give = waiting.get(message.part);
      waiting.delete(message.part);
      if (give) give(file);
      else arrived.set(message.part, file);
    });
    worker.once("error", end);
    worker.once("exit", end);
  } catch {
    end();
  }
  return {
    /**
     * The article files with their stats, or undefined if the thread could not list them.
     * Asking for them says that no part will be asked for (`noParts`): the thread waits for
     * that word before it stats the files.
     *
     * @returns {Promise<ListedFiles | undefined>}
     */
    listing() {
      noParts();
      // Asked for once the record is read: a part not taken by then (the record was found
      // damaged, say, and the build is a full one) is let go, not held through the build.
      taken = true;
      arrived.clear();
      return listing;
    },
    /**
     * Asks for the record's parts in `folder` named by `digests` (at most once; later calls
     * give what the first asked for), and gives a function that gives each part's bytes
     * once they are read, or undefined if the thread could not read it.
     *
     * @param {string} folder
     * @param {readonly string[]} digests
     * @returns {(digest: string) => Promise<HashedFile | undefined>}
     */
    parts(folder, digests) {
      if (!asked && !over) worker?.postMessage({ folder, digests });
      asked = true;
      return (digest) => {
        if (arrived.has(digest)) {
          const file = arrived.get(digest);
          arrived.delete(digest);
          return Promise.resolve(file);
        }
        if (over) return Promise.resolve(undefined);
        return new Promise((resolve) => waiting.set(digest, resolve));
      };
    },
    noParts,
    /**
     * Stops the thread if it is still at work: a build that failed before it asked for the
     * files would otherwise keep the process alive while the thread waits to be told.
     */
    close() {
      if (!over) void worker?.terminate();
      end();
    },
  };
}

if (!isMainThread && typeof workerData?.bulletinReadAhead === "string") {
  const dir = workerData.bulletinReadAhead;
  const paths = markdownFiles(dir);
  parentPort?.once("message", ({ folder, digests }) => {
    for (const digest of digests) {
      let bytes;
      try {
        bytes = readFileSync(join(folder, `${digest}.json`));
      } catch {
        parentPort?.postMessage({ part: digest });
        continue;
      }
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      // A Buffer read whole may share a pool with others: only its own bytes are sent, moved, not copied.
      const own = bytes.byteOffset === 0 && bytes.length === bytes.buffer.byteLength ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
      parentPort?.postMessage({ part: digest, bytes: own, offset: 0, length: bytes.length, sha256 }, [own]);
    }
    const files = { dir, paths, stats: statFiles(paths) };
    parentPort?.postMessage({ listed: files }, [files.stats.buffer]);
  });
}
