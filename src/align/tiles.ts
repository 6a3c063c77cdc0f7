import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';
import type { Seed } from './seeds.js';

interface Match {
  i: number;
  j: number;
  len: number;
}

/** Hash of the k term ids starting at `from` (FNV-style mixing with Math.imul, no strings). */
function gramHash(terms: Int32Array, from: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = 0; t < k; t++) h = Math.imul(h ^ terms[from + t], 0x01000193);
  return h >>> 0;
}

function sameGram(a: Int32Array, i: number, b: Int32Array, j: number, k: number): boolean {
  for (let t = 0; t < k; t++) if (a[i + t] !== b[j + t]) return false;
  return true;
}

/**
 * Every maximal common run of at least k canonical content tokens, found through a k-gram
 * index of a. Runs are left-maximal (the k-gram before them differs), so each diagonal run is
 * reported once. k-grams frequent in a (more than tileMaxOccurrences) are not indexed.
 */
function maximalMatches(a: Side, b: Side, k: number, maxOcc: number): Match[] {
  const index = gramIndex(a, k);
  const matches: Match[] = [];
  for (let j = 0; j + k <= b.terms.length; j++) {
    const list = index.get(gramHash(b.terms, j, k));
    if (!list || list.length > maxOcc) continue;
    for (const i of list) {
      if (!sameGram(a.terms, i, b.terms, j, k)) continue;
      if (i > 0 && j > 0 && a.terms[i - 1] === b.terms[j - 1]) continue;
      let len = k;
      while (i + len < a.terms.length && j + len < b.terms.length && a.terms[i + len] === b.terms[j + len]) len++;
      matches.push({ i, j, len });
    }
  }
  return matches;
}

/** k-gram indexes by side: the first text of a pair is prepared once for all its pairs (preparePair). */
const gramIndexes = new WeakMap<Side, { k: number; index: Map<number, number[]> }>();

/** Positions of each k-gram hash of a's terms, in order. */
function gramIndex(a: Side, k: number): ReadonlyMap<number, readonly number[]> {
  const hit = gramIndexes.get(a);
  if (hit && hit.k === k) return hit.index;
  const index = new Map<number, number[]>();
  for (let i = 0; i + k <= a.terms.length; i++) {
    const h = gramHash(a.terms, i, k);
    const list = index.get(h);
    if (list) list.push(i);
    else index.set(h, [i]);
  }
  gramIndexes.set(a, { k, index });
  return index;
}

/** Longest first; ties by position, in a way that mirrors when a and b are swapped. */
function byPriority(x: Match, y: Match): number {
  return y.len - x.len || x.i + x.j - (y.i + y.j) || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i;
}

/**
 * Greedy String Tiling (Wise 1993) over canonical content tokens: take the longest match, mark
 * its tokens in both texts, and let shorter matches keep only their unmarked stretches (if they
 * still reach k). Every token ends in at most one tile, so a phrase repeated in one text seeds
 * only one place in the other. Returns tiles as seeds, in priority order.
 */
export function tileSeeds(a: Side, b: Side, opts: AlignOptions): Seed[] {
  const k = Math.max(1, opts.tileMinLength);
  const queue = maximalMatches(a, b, k, opts.tileMaxOccurrences).sort(byPriority);
  const markedA = new Uint8Array(a.terms.length);
  const markedB = new Uint8Array(b.terms.length);
  const tiles: Seed[] = [];
  while (queue.length > 0) {
    const m = queue.shift() as Match;
    const free = unmarkedRuns(m, markedA, markedB, k);
    if (free.length === 1 && free[0].len === m.len) {
      markedA.fill(1, m.i, m.i + m.len);
      markedB.fill(1, m.j, m.j + m.len);
      tiles.push({ a0: m.i, a1: m.i + m.len, b0: m.j, b1: m.j + m.len });
      continue;
    }
    for (const r of free) insertSorted(queue, r);
  }
  return tiles;
}

function unmarkedRuns(m: Match, markedA: Uint8Array, markedB: Uint8Array, k: number): Match[] {
  const runs: Match[] = [];
  let start = -1;
  for (let t = 0; t <= m.len; t++) {
    const free = t < m.len && markedA[m.i + t] === 0 && markedB[m.j + t] === 0;
    if (free && start < 0) start = t;
    if (!free && start >= 0) {
      if (t - start >= k) runs.push({ i: m.i + start, j: m.j + start, len: t - start });
      start = -1;
    }
  }
  return runs;
}

function insertSorted(queue: Match[], m: Match): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPriority(queue[mid], m) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, m);
}
