/**
 * What one key contributes to a look-up of the SQLite bucket index, from the document lists
 * of the tables (tail and runs) holding it. Pure functions over sorted arrays; no SQL here.
 *
 * Each table's list is ascending and distinct (a run's pairs are sorted by key, then
 * document; the tail's lists are sorted), and cut at bound + 1 documents. A document is in
 * more than one table only when it was indexed twice, so the lists rarely overlap, but they
 * may. A common key of a million-article store is in every run: a dozen lists of 2,001.
 * Merging them in order costs a comparison per list per document taken; the union through a
 * Set and a sort with a comparator, which this replaces, cost milliseconds per such key.
 */
import type { BucketQuery } from './bucket-query.js';

/** A table cut at bound + 1 that is full: the union is over the bound, whatever the others hold. */
export function overBound(lists: readonly (readonly number[])[], bound: number): boolean {
  return lists.some((l) => l.length > bound);
}

/**
 * The documents one key contributes: all of them when at most `bound` in all tables; else
 * none (`skip`) or the `bound` smallest (`first`). A table cut at bound + 1 makes the union
 * exceed the bound, so a union within it is complete; and the `bound` smallest of the whole
 * are among each table's first.
 */
export function keyHolders(lists: readonly (readonly number[])[], bound: number, common: BucketQuery['common']): readonly number[] {
  if (lists.length === 0) return [];
  if (common === 'skip' && overBound(lists, bound)) return [];
  const union = lists.length === 1 ? lists[0] : mergeAscending(lists, bound + 1);
  if (union.length <= bound) return union;
  return common === 'skip' ? [] : union.slice(0, bound);
}

/** The `limit` smallest distinct documents of ascending, distinct lists, ascending. */
export function mergeAscending(lists: readonly (readonly number[])[], limit: number): number[] {
  const at = new Array<number>(lists.length).fill(0);
  const out: number[] = [];
  while (out.length < limit) {
    let min = Infinity;
    for (let i = 0; i < lists.length; i++) if (at[i] < lists[i].length && lists[i][at[i]] < min) min = lists[i][at[i]];
    if (min === Infinity) break;
    out.push(min);
    for (let i = 0; i < lists.length; i++) if (at[i] < lists[i].length && lists[i][at[i]] === min) at[i]++;
  }
  return out;
}
