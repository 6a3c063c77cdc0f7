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

/** Gap between two half-open ranges (0 when they touch or overlap). */
const rangeGap = (x0: number, x1: number, y0: number, y1: number): number => Math.max(0, Math.max(x0, y0) - Math.min(x1, y1));

/** Offset of a seed's centre in b relative to its centre in a (its diagonal). */
const shiftOf = (s: Seed): number => (s.b0 + s.b1 - s.a0 - s.a1) / 2;

/**
 * Whether two seeds belong to one passage: within `gap` content tokens of each other in a and
 * in b, and on diagonals (shifts) less than `gap` apart, so that two adjacent blocks swapped
 * between the texts (close in both texts but on distant diagonals) stay apart.
 */
const linked = (s: Seed, t: Seed, gap: number): boolean =>
  rangeGap(s.a0, s.a1, t.a0, t.a1) <= gap &&
  rangeGap(s.b0, s.b1, t.b0, t.b1) <= gap &&
  Math.abs(shiftOf(s) - shiftOf(t)) <= gap;

/**
 * Clustering of seeds by proximity in both texts (Sanchez-Perez et al. 2014 split recursively
 * by a, then by b, until stable): here the connected components of the "linked" relation, which
 * is symmetric in a and b, so aligning (b, a) clusters exactly as aligning (a, b). A sweep over
 * seeds sorted by a0 compares only seeds that can be within `gap` in a.
 */
export function clusterSeeds(seeds: Seed[], gap: number): Seed[][] {
  const order = seeds.map((_, i) => i).sort((x, y) => seeds[x].a0 - seeds[y].a0 || seeds[x].b0 - seeds[y].b0);
  const parent = seeds.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let active: number[] = [];
  for (const i of order) {
    const s = seeds[i];
    active = active.filter((j) => seeds[j].a1 + gap >= s.a0);
    for (const j of active) if (linked(s, seeds[j], gap)) parent[find(i)] = find(j);
    active.push(i);
  }
  const groups = new Map<number, Seed[]>();
  for (const i of order) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(seeds[i]);
    else groups.set(root, [seeds[i]]);
  }
  return [...groups.values()];
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
