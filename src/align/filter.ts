import { boundingBox, type Cluster } from './extend.js';
import type { AlignOptions } from './options.js';
import type { Seed } from './seeds.js';

/** Content positions covered by the union of the seeds' ranges on one side. */
function coverage(seeds: Seed[], side: 'a' | 'b'): number {
  const ranges = seeds
    .map((s) => (side === 'a' ? [s.a0, s.a1] : [s.b0, s.b1]))
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reach = -Infinity;
  for (const [from, to] of ranges) {
    const start = Math.max(from, reach);
    if (to > start) total += to - start;
    reach = Math.max(reach, to);
  }
  return total;
}

interface Scored extends Cluster {
  coveredA: number;
  coveredB: number;
}

function scored(seeds: Seed[]): Scored {
  return { ...boundingBox(seeds), seeds, coveredA: coverage(seeds, 'a'), coveredB: coverage(seeds, 'b') };
}

/** Strongest first (most reused tokens on both sides); ties broken the same way when a and b swap. */
function byStrength(x: Scored, y: Scored): number {
  return (
    y.coveredA + y.coveredB - (x.coveredA + x.coveredB) ||
    x.a0 + x.b0 - (y.a0 + y.b0) ||
    Math.abs(x.a0 - x.b0) - Math.abs(y.a0 - y.b0) ||
    x.a0 - y.a0
  );
}

const overlaps = (from: number, to: number, kFrom: number, kTo: number): boolean => from < kTo && kFrom < to;

/**
 * Resolves overlapping passages: the strongest is kept; a weaker one loses the seeds that touch
 * a kept passage (in either text) and is split around it, and what remains competes again.
 * Passages with fewer than `minSeedCoverage` seed-covered content tokens on either side are
 * dropped. Kept passages never overlap each other or the `blockers` (passages of an earlier
 * round), in a or in b. Output sorted by a0.
 */
export function filterPassages(clusters: Cluster[], opts: AlignOptions, blockers: Seed[] = []): Cluster[] {
  const queue = clusters.map((c) => scored(c.seeds)).sort(byStrength);
  const kept: Scored[] = [];
  const taken: Seed[] = [...blockers];
  while (queue.length > 0) {
    const c = queue.shift() as Scored;
    if (Math.min(c.coveredA, c.coveredB) < opts.minSeedCoverage) continue;
    const blocker = taken.find((k) => overlaps(c.a0, c.a1, k.a0, k.a1) || overlaps(c.b0, c.b1, k.b0, k.b1));
    if (!blocker) {
      kept.push(c);
      taken.push(c);
      continue;
    }
    for (const part of splitAround(c.seeds, blocker)) {
      queue.push(scored(part));
    }
    queue.sort(byStrength);
  }
  return kept.sort((x, y) => x.a0 - y.a0 || x.b0 - y.b0);
}

/** Seeds not touching the blocker, grouped by which side of it they lie on (in a, then in b). */
function splitAround(seeds: Seed[], k: Seed): Seed[][] {
  const free = seeds.filter((s) => !overlaps(s.a0, s.a1, k.a0, k.a1) && !overlaps(s.b0, s.b1, k.b0, k.b1));
  const groups = new Map<string, Seed[]>();
  for (const s of free) {
    const key = `${s.a1 <= k.a0 ? 0 : 1}${s.b1 <= k.b0 ? 0 : 1}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.keys()].sort().map((key) => groups.get(key) as Seed[]);
}

/**
 * Widens each kept cluster by `margin` content tokens at both ends in both texts, stopping at
 * the text's ends and at other passages (kept now or `blockers` from earlier rounds), so the
 * diff can pick up matching words beside a short seed ("a political technique to undermine").
 */
export function widen(kept: Cluster[], blockers: Seed[], lengthA: number, lengthB: number, margin: number): Cluster[] {
  const all: Seed[] = [...kept, ...blockers];
  return kept.map((c) => {
    let loA = Math.max(0, c.a0 - margin);
    let hiA = Math.min(lengthA, c.a1 + margin);
    let loB = Math.max(0, c.b0 - margin);
    let hiB = Math.min(lengthB, c.b1 + margin);
    for (const k of all) {
      if (k === c) continue;
      if (k.a1 <= c.a0) loA = Math.max(loA, k.a1);
      if (k.a0 >= c.a1) hiA = Math.min(hiA, k.a0);
      if (k.b1 <= c.b0) loB = Math.max(loB, k.b1);
      if (k.b0 >= c.b1) hiB = Math.min(hiB, k.b0);
    }
    return { ...c, a0: loA, a1: hiA, b0: loB, b1: hiB };
  });
}
