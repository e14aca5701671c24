/**
 * Where each of a build's entries (article files, pages) stood in the last build's record of
 * them, found by key while walking both lists in order. A build lists its files and pages in
 * the same order as the last build did, give or take the few that came or went, so nearly
 * every key is the one at the cursor, told by comparing two strings side by side. Looking
 * each up in a table of the last build's keys instead hashed every key and fetched from far
 * apart in memory: at 100,000 articles, the 100,000 files and the 134,000 pages took about
 * 0.1 s and 0.3 s that way, in every build.
 *
 * What it finds is what a table would: the answer never depends on the order, only the time.
 * Out of step (a key neither at the cursor nor a few places on, on either side), it builds the
 * table once and looks up the rest. A key the walk took for new that stood elsewhere (an entry
 * that moved) is found once the walk is done.
 */
export class RecordedOrder {
  private next = 0;
  private readonly taken: Uint8Array;
  private index?: Map<string, number>;
  private left?: Map<string, number>;

  constructor(private readonly keys: readonly string[]) {
    this.taken = new Uint8Array(keys.length);
  }

  /** Where each of `now` stood in the recorded list (its index there), or -1 for one that is new. Asked once. */
  placesOf(now: readonly string[]): number[] {
    const places = now.map((key, i) => this.find(key, (d) => now[i + d]));
    places.forEach((at, i) => {
      if (at === -1) places[i] = this.late(now[i]!);
    });
    return places;
  }

  /**
   * Where `key` stood, or -1 if nowhere that the walk saw: new, or moved (see `late`). `ahead(d)`
   * is the key `d` places after this one in the new list (undefined past its end).
   */
  private find(key: string, ahead: (d: number) => string | undefined): number {
    const { keys, taken } = this;
    const at = this.next;
    // At the cursor, or a few places on: the entries between were taken out.
    for (let d = 0; d <= LOOK_AHEAD && at + d < keys.length; d++) {
      if (keys[at + d] === key && !taken[at + d]) return this.take(at + d);
    }
    if (at >= keys.length) return this.lookUp(key, false);
    // The entry at the cursor comes a few places on in the new list: this one was put in before it.
    for (let d = 1; d <= LOOK_AHEAD; d++) {
      const next = ahead(d);
      if (next === undefined) break;
      if (next === keys[at]) return -1;
    }
    return this.lookUp(key, true);
  }

  /** For a key `find` gave -1, once every key has been found: where it stood if it moved, else -1. */
  private late(key: string): number {
    if (!this.left) {
      this.left = new Map();
      for (let i = 0; i < this.keys.length; i++) if (!this.taken[i]) this.left.set(this.keys[i]!, i);
    }
    const i = this.left.get(key);
    if (i === undefined || this.taken[i]) return -1;
    this.taken[i] = 1;
    return i;
  }

  /** The positions nothing was found at: the entries that are gone. */
  untaken(): number[] {
    const gone: number[] = [];
    for (let i = 0; i < this.keys.length; i++) if (!this.taken[i]) gone.push(i);
    return gone;
  }

  /** Past the end of the last build's list, a new key is new unless the list is out of step: then it is looked up. */
  private lookUp(key: string, outOfStep: boolean): number {
    if (!outOfStep && !this.index) return -1;
    this.index ??= new Map(this.keys.map((k, i) => [k, i]));
    const i = this.index.get(key);
    return i === undefined || this.taken[i] ? -1 : this.take(i);
  }

  private take(i: number): number {
    this.taken[i] = 1;
    this.next = i + 1;
    return i;
  }
}

/** How far on either list a key is looked for before the lists count as out of step. */
const LOOK_AHEAD = 8;
