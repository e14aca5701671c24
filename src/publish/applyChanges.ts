import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { faultPoint } from "./faults.ts";
import { discardInBackground } from "./generations.ts";
import { saveJson } from "./buildState.ts";

/**
 * How an incremental build changes the published site in place. A whole new folder per build
 * (src/publish/generations.ts) would mean linking or copying every unchanged file into it:
 * 14 s for 130,000 files on this disk, against a few seconds for the whole build. So the
 * build writes what changed into a staging folder beside the site (where a full disk or an
 * error stops it with the site untouched), then writes down what it is about to do (a
 * journal, renamed into place whole) and does it: each file renamed over its old self (one
 * atomic rename a file), whole folders (a search index) swapped, files that no longer exist
 * deleted, last. A build killed while doing so leaves every file whole: the old one or the
 * new one; the next build finds the journal and finishes the job before anything else.
 */
export interface ChangeSet {
  /** The folder holding the new files, below it as below the site. */
  staging: string;
  /** Files (below the site) to take from the staging folder: new ones first, then changed ones. */
  files: string[];
  /** Folders (below the site) to take whole from the staging folder, replacing the site's. */
  folders: string[];
  /** Files and folders (below the site) to delete. */
  removed: string[];
  /** Files to put in place once the site is changed (the build's record, the change list): written beside, renamed over. */
  commit: { next: string; path: string }[];
}

/** Where a generation's journal is kept: beside its folder, outside the published tree. */
export function journalPath(generation: string): string {
  return `${generation}.journal.json`;
}

/** Writes the journal of `changes` for the site in `generation`, then carries it out. */
export function applyChanges(generation: string, changes: ChangeSet): void {
  saveJson(journalPath(generation), changes);
  faultPoint("journal-written");
  carryOut(generation, changes);
}

/**
 * Finishes what a killed build had started on `generation`, if it had (its journal is
 * there); true when it did. Every step can be done twice: a file already moved is not in
 * the staging folder any more, a file already deleted is not there to delete.
 */
export function finishInterrupted(generation: string): boolean {
  const path = journalPath(generation);
  if (!existsSync(path)) return false;
  let changes: ChangeSet;
  try {
    changes = JSON.parse(readFileSync(path, "utf8")) as ChangeSet;
  } catch {
    // Written whole or not at all (saveJson): unreadable means nothing was begun.
    rmSync(path, { force: true });
    return false;
  }
  carryOut(generation, changes);
  return true;
}

function carryOut(generation: string, changes: ChangeSet): void {
  let moved = 0;
  for (const file of changes.files) {
    const from = join(changes.staging, file);
    if (!existsSync(from)) continue;
    const to = join(generation, file);
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
    if (++moved === 1) faultPoint("first-file-moved");
  }
  for (const folder of changes.folders) {
    const from = join(changes.staging, folder);
    const to = join(generation, folder);
    const aside = `${to}.replaced`;
    if (existsSync(from)) {
      if (existsSync(to) && !existsSync(aside)) renameSync(to, aside);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
    rmSync(aside, { recursive: true, force: true });
  }
  for (const path of changes.removed) {
    const target = join(generation, path);
    rmSync(target, { recursive: true, force: true });
    removeEmptyParents(generation, dirname(target));
  }
  faultPoint("site-changed");
  for (const { next, path } of changes.commit) if (existsSync(next)) renameSync(next, path);
  rmSync(journalPath(generation), { force: true });
  discardInBackground(changes.staging);
}

/** Deletes `dir` and its parents while they are empty, up to (not including) `root`. */
function removeEmptyParents(root: string, dir: string): void {
  for (let d = dir; d !== root && d.startsWith(root + sep); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return; // not empty, or gone
    }
  }
}

/** Every file below `dir`, relative to it with `/` separators. */
export function filesBelow(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path).split(sep).join("/"));
    }
  };
  if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir);
  return found;
}
