import type { AlignedPassage } from '../types.js';
import type { Side } from './prepare.js';

/** Content tokens of a side lying inside the given (non-overlapping) character ranges. */
export function contentInside(side: Side, ranges: Array<[number, number]>): number {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  let n = 0;
  let r = 0;
  for (const c of side.content) {
    const start = side.tokens[c].start;
    while (r < sorted.length && sorted[r][1] <= start) r++;
    if (r < sorted.length && sorted[r][0] <= start) n++;
  }
  return n;
}

/**
 * Share of passage pairs that appear in the same order in both texts (a Kendall-tau-like
 * concordance, 0..1). Each pair is weighted by the smaller of the two passages' lengths in a,
 * so a short stray passage out of place costs less than a long block moved. 1 with fewer than
 * two passages.
 */
export function orderKept(passages: AlignedPassage[]): number {
  let concordant = 0;
  let total = 0;
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      const p = passages[i];
      const q = passages[j];
      const w = Math.min(p.a[1] - p.a[0], q.a[1] - q.a[0]);
      total += w;
      if (Math.sign(q.a[0] - p.a[0]) === Math.sign(q.b[0] - p.b[0])) concordant += w;
    }
  }
  return total === 0 ? 1 : concordant / total;
}
