/**
 * How a store reads its bucket index (`Store.findByBucketKeys`): bounds that keep one look-up
 * cheap however many articles are stored. A name like "police" or a boilerplate shingle is
 * carried by a fixed share of all articles, so its postings grow with the corpus: at a
 * million articles a dozen such keys are hundreds of thousands of rows, where the answer
 * needs a few dozen articles.
 */
import { UserError } from '../errors.js';

export interface BucketQuery {
  /**
   * Most articles one key is followed to. A key carried by more is a common key; `common`
   * says what it contributes.
   */
  maxPostings: number;
  /**
   * What a common key contributes:
   * - `skip`: nothing. For names: a name in thousands of stories does not say which story.
   * - `first`: its first `maxPostings` articles in the store's order (SQLite: the earliest
   *   stored; PostgreSQL: the smallest ids). For LSH bands: thousands of copies of one wire
   *   text are still copies, and a trace needs some of them, not all.
   */
  common: 'skip' | 'first';
  /** Articles sharing fewer of the keys are left out. */
  minShared: number;
  /** Only the `top` articles sharing the most keys are returned; ties go to the smaller id. */
  top: number;
}

/** No bounds: every posting of every key, every article sharing one key or more. */
export const DEFAULT_BUCKET_QUERY: BucketQuery = { maxPostings: Infinity, common: 'first', minShared: 1, top: Infinity };

/** Merges a partial query over the defaults once and checks it. */
export function resolveBucketQuery(partial: Partial<BucketQuery> = {}): BucketQuery {
  const q = { ...DEFAULT_BUCKET_QUERY, ...partial };
  const whole = (x: number): boolean => x === Infinity || (Number.isInteger(x) && x >= 1);
  if (!whole(q.maxPostings) || !whole(q.top) || !whole(q.minShared) || (q.common !== 'skip' && q.common !== 'first')) {
    throw new UserError('bucket_query', `invalid bucket query ${JSON.stringify(q)}: bounds are whole numbers ≥ 1`);
  }
  return q;
}

/**
 * The documents sharing at least minShared keys, split for `top`: `sure` are in whatever
 * their ids; `ties` share the count at the cut, and only the `need` of them with the smallest
 * ids are in. A backend then maps to ids only `sure` and `ties`, not every document touched.
 */
export function splitTop<D>(counts: ReadonlyMap<D, number>, q: BucketQuery): { sure: D[]; ties: D[]; need: number } {
  // Called on every look-up with thousands of documents: no entry arrays, one typed sort.
  let passing = 0;
  for (const n of counts.values()) if (n >= q.minShared) passing++;
  const sure: D[] = [];
  const ties: D[] = [];
  if (passing <= q.top) {
    counts.forEach((n, d) => {
      if (n >= q.minShared) sure.push(d);
    });
    return { sure, ties, need: 0 };
  }
  const passed = new Float64Array(passing);
  let at = 0;
  for (const n of counts.values()) if (n >= q.minShared) passed[at++] = n;
  const cut = passed.sort()[passing - q.top]; // the top-th largest
  counts.forEach((n, d) => {
    if (n > cut) sure.push(d);
    else if (n === cut) ties.push(d);
  });
  return { sure, ties, need: q.top - sure.length };
}
