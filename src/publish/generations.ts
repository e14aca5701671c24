import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { processAlive } from "./lock.ts";

/**
 * How a whole new site replaces the old one with some complete site always in place.
 *
 * The output (`_site`) is a symbolic link to one complete build in `_site.builds/`. A build
 * writes a new folder there and, once every step has succeeded, points the link at it:
 * replacing a link is one rename(2), which the kernel does atomically, so a reader (a web
 * server, a deploy) finds the old site or the new one, never none and never half of one.
 * (Swapping two real folders takes two renames, and a build killed between them left no
 * `_site` at all.) The previous build's folder is deleted afterwards in the background;
 * folders of builds killed half way are deleted by the next build.
 */

/** Where the builds of `output` live: `_site.builds/` beside `_site`. */
export function buildsDir(output: string): string {
  return `${resolve(output)}.builds`;
}

/** A new, empty folder for a build of `output`, named after this process (so a dead one can be told). */
export function newGeneration(output: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const dir = join(buildsDir(output), `${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The build folder `output` points at now, if it is one of ours. */
export function currentGeneration(output: string): string | undefined {
  const link = resolve(output);
  try {
    if (!lstatSync(link).isSymbolicLink()) return undefined;
    const target = resolve(dirname(link), readlinkSync(link));
    return dirname(target) === buildsDir(output) ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Points `output` at `generation` in one atomic step; the folder it pointed at before is
 * deleted in the background. An `output` that is a real folder (a site from before builds
 * were kept this way, or made by hand) is first moved into `_site.builds/`: only then, once,
 * is there a moment without a site.
 */
export function publishGeneration(output: string, generation: string): void {
  const link = resolve(output);
  const previous = currentGeneration(output);
  let stat: ReturnType<typeof lstatSync> | undefined;
  try {
    stat = lstatSync(link);
  } catch {
    stat = undefined;
  }
  let legacy: string | undefined;
  if (stat && !stat.isSymbolicLink()) {
    legacy = join(buildsDir(output), `legacy-${process.pid}-${Date.now()}`);
    renameSync(link, legacy);
  }
  const temporary = `${link}.link-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(relative(dirname(link), generation), temporary);
  renameSync(temporary, link);
  for (const old of [previous, legacy]) if (old && old !== generation) discardInBackground(old);
}

/**
 * Deletes what killed builds of `output` left behind: build folders that `output` does not
 * point at and whose build is no longer running, and the staging folders of older versions
 * (`_site.tmp-PID`, `_site.old-…`). Called with the output's lock held, so no running
 * build's folder is among them.
 */
export function sweepGenerations(output: string): string[] {
  const link = resolve(output);
  const current = currentGeneration(output);
  const doomed: string[] = [];
  const builds = buildsDir(output);
  if (existsSync(builds)) {
    for (const name of readdirSync(builds)) {
      const dir = join(builds, name);
      if (dir === current) continue;
      if (name.includes(".deleting-")) {
        if (abandoned(dir)) doomed.push(dir);
        continue;
      }
      const pid = Number(/^\d{8}-\d{6}-(\d+)-/.exec(name)?.[1]);
      if (!pid || !processAlive(pid) || pid === process.pid) doomed.push(dir);
    }
  }
  const parent = dirname(link);
  const base = basename(link);
  for (const name of readdirSync(parent)) {
    if (name.startsWith(`${base}.`) && name.includes(".deleting-")) {
      if (abandoned(join(parent, name))) doomed.push(join(parent, name));
      continue;
    }
    const left = new RegExp(`^${escapeRegExp(base)}\\.(?:tmp|old)-(\\d+)`).exec(name);
    if (left && !processAlive(Number(left[1]))) doomed.push(join(parent, name));
    if (name.startsWith(`${base}.link-`) && !processAlive(Number(name.slice(base.length + 6)))) rmSync(join(parent, name), { force: true });
  }
  for (const dir of doomed) discardInBackground(dir);
  return doomed;
}

/**
 * Deletes a folder in a detached process, after moving it out of the way: removing tens of
 * thousands of files took longer than writing them (10 s at 10,000 articles on our CI disk),
 * and nothing needs to wait for it. The one place this is done (builds, the preview, the bench).
 */
export function discardInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  const aside = `${dir}.deleting-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  try {
    renameSync(dir, aside);
  } catch {
    return;
  }
  const script = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, aside], { detached: true, stdio: "ignore" }).unref();
}

/** A folder being deleted in the background for ten minutes and more: its deleter is gone. */
function abandoned(dir: string): boolean {
  try {
    return Date.now() - lstatSync(dir).mtimeMs > 10 * 60_000;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
