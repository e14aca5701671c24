import { createHash } from "node:crypto";
import { copyFile, mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** Enough writes in flight to keep the disk busy, few enough that pages do not pile up in memory. */
const MAX_WRITES_IN_FLIGHT = 64;

/**
 * The preview's output folder, remembering a hash of every page it wrote: a page rendered
 * again is written only when its text changed, so that a pass over the whole site after an
 * edit touches only the pages the edit changed, and can tell which pages no longer exist.
 */
export class SiteOutput {
  private readonly hashes = new Map<string, string>();
  private readonly writing = new Set<Promise<unknown>>();
  private readonly made = new Set<string>();
  private readonly copied = new Set<string>();
  private failed: { error: unknown } | undefined;

  constructor(readonly dir: string) {}

  /**
   * Writes `text` at `path` (below the folder) unless the file already holds it; true when
   * it is written. Writes run on libuv's threads while the next page renders; `settle`
   * waits for them.
   */
  async put(path: string, text: string): Promise<boolean> {
    const hash = createHash("sha1").update(text).digest("base64");
    if (this.hashes.get(path) === hash) return false;
    this.hashes.set(path, hash);
    this.track(this.write(path, text).catch((error: unknown) => {
      this.hashes.delete(path);
      this.failed ??= { error };
    }));
    if (this.writing.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(this.writing);
    this.throwIfFailed();
    return true;
  }

  /** Copies a file (an image rendition) to `path` unless it was copied before. */
  async copy(path: string, from: string): Promise<void> {
    if (this.copied.has(path)) return;
    this.copied.add(path);
    const file = join(this.dir, path);
    await mkdir(dirname(file), { recursive: true });
    await copyFile(from, file);
  }

  /** Deletes a page written before (and its folder, when that leaves it empty); false when there was none. */
  async remove(path: string): Promise<boolean> {
    if (!this.hashes.delete(path)) return false;
    const file = join(this.dir, path);
    this.made.delete(dirname(file));
    await this.track(rm(file, { force: true }).then(() => rmdir(dirname(file)).catch(() => undefined)));
    return true;
  }

  /** Every page written and not removed. */
  paths(): string[] {
    return [...this.hashes.keys()];
  }

  /**
   * Waits for writes in flight. Called before a newer build writes: a page from an older
   * build still being written could otherwise land after the newer one.
   */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.writing]);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    const failed = this.failed;
    this.failed = undefined;
    if (failed) throw failed.error;
  }

  private async write(path: string, text: string): Promise<void> {
    const file = join(this.dir, path);
    const folder = dirname(file);
    if (!this.made.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.made.add(folder);
    }
    await writeFile(file, text);
  }

  private track(work: Promise<unknown>): Promise<unknown> {
    const tracked = work.finally(() => this.writing.delete(tracked));
    this.writing.add(tracked);
    return tracked;
  }

}
