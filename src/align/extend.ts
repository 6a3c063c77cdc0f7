import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';
import { cosine, rangeVector, type Seed } from './seeds.js';

/** A candidate passage: the bounding box of a cluster of seeds, with the seeds that built it. */
export interface Cluster extends Seed {
  seeds: Seed[];
}

export function boundingBox(seeds: Seed[]): Seed {
  let a0 = Infinity;
  let a1 = -Infinity;
  let b0 = Infinity;
  let b1 = -Infinity;
  for (const s of seeds) {
    a0 = Math.min(a0, s.a0);
    a1 = Math.max(a1, s.a1);
    b0 = Math.min(b0, s.b0);
    b1 = Math.max(b1, s.b1);
  }
  return { a0, a1, b0, b1 };
}

/** Splits seeds into groups whose ranges on one side are separated by more than `gap`. */
function splitBySide(seeds: Seed[], side: 'a' | 'b', gap: number): Seed[][] {
  const start = side === 'a' ? (s: Seed) => s.a0 : (s: Seed) => s.b0;
  const end = side === 'a' ? (s: Seed) => s.a1 : (s: Seed) => s.b1;
  const sorted = [...seeds].sort((x, y) => start(x) - start(y) || end(x) - end(y));
  const groups: Seed[][] = [];
  let current: Seed[] = [];
  let reach = -Infinity;
  for (const s of sorted) {
    if (current.length > 0 && start(s) - reach > gap) {
      groups.push(current);
      current = [];
    }
    current.push(s);
    reach = current.length === 1 ? end(s) : Math.max(reach, end(s));
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Offset of a seed's centre in b relative to its centre in a (its diagonal). */
const shiftOf = (s: Seed): number => (s.b0 + s.b1 - s.a0 - s.a1) / 2;

/**
 * Splits seeds whose diagonals (shifts) differ by more than `gap` after sorting by shift. Two
 * adjacent blocks swapped between the texts are close in both texts, but lie on diagonals far
 * apart; gradual drift (words or sentences cut one at a time) stays in one group.
 */
function splitByShift(seeds: Seed[], gap: number): Seed[][] {
  const sorted = [...seeds].sort((x, y) => shiftOf(x) - shiftOf(y) || x.a0 - y.a0 || x.b0 - y.b0);
  const groups: Seed[][] = [];
  let current: Seed[] = [];
  for (const s of sorted) {
    if (current.length > 0 && shiftOf(s) - shiftOf(current[current.length - 1]) > gap) {
      groups.push(current);
      current = [];
    }
    current.push(s);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Recursive clustering (Sanchez-Perez et al. 2014): split by proximity in a, then each part by
 * proximity in b, then (our addition) by diagonal, and again, until no part splits. Seeds close
 * in one text but far apart in the other end in different clusters, which is what makes
 * reordered passages come out separately.
 */
export function clusterSeeds(seeds: Seed[], gap: number): Seed[][] {
  const byA = splitBySide(seeds, 'a', gap);
  if (byA.length > 1) return byA.flatMap((g) => clusterSeeds(g, gap));
  const byB = splitBySide(seeds, 'b', gap);
  if (byB.length > 1) return byB.flatMap((g) => clusterSeeds(g, gap));
  const byShift = splitByShift(seeds, gap);
  if (byShift.length > 1) return byShift.flatMap((g) => clusterSeeds(g, gap));
  return [seeds];
}

/**
 * Extension: clusters of seeds become passages when the tf-isf cosine between their two
 * fragments passes validation; a cluster that fails is re-clustered with half the gap (it may
 * hold two passages joined by chance), down to `minGap`, below which it is dropped.
 */
export function extendSeeds(seeds: Seed[], a: Side, b: Side, isf: Float64Array, opts: AlignOptions): Cluster[] {
  if (seeds.length === 0) return [];
  const out: Cluster[] = [];
  const validate = (group: Seed[], gap: number): void => {
    const box = boundingBox(group);
    const sim = cosine(rangeVector(a, box.a0, box.a1, isf), rangeVector(b, box.b0, box.b1, isf));
    if (sim >= opts.validationCosine) {
      out.push({ ...box, seeds: group });
      return;
    }
    const smaller = Math.floor(gap / 2);
    if (smaller < opts.minGap || group.length < 2) return;
    for (const g of clusterSeeds(group, smaller)) validate(g, smaller);
  };
  for (const g of clusterSeeds(seeds, opts.maxGap)) validate(g, opts.maxGap);
  return out;
}
