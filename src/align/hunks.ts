import { myersMatches } from './diff.js';
import type { Side } from './prepare.js';

/**
 * A step of the token diff inside one passage. `same`/`synonym` pair one token of a with one of
 * b (equal canonical token or lemma; `same` when the normalised words are equal too); `change`
 * is a maximal stretch of unmatched tokens between two matched ones (either side may be empty).
 * Token indices are into the sides' token arrays.
 */
export interface Hunk {
  op: 'same' | 'synonym' | 'change';
  a: number[];
  b: number[];
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Diffs tokens [aFrom, aTo) of a against [bFrom, bTo) of b (stop words included). */
export function diffHunks(a: Side, aFrom: number, aTo: number, b: Side, bFrom: number, bTo: number): Hunk[] {
  const eq = (i: number, j: number): boolean =>
    a.tokenCanon[aFrom + i] === b.tokenCanon[bFrom + j] || a.tokenLemma[aFrom + i] === b.tokenLemma[bFrom + j];
  const matches = orientedMatches(a, aFrom, aTo, b, bFrom, bTo, eq);
  const hunks: Hunk[] = [];
  let x = aFrom;
  let y = bFrom;
  const pushChange = (toX: number, toY: number): void => {
    if (toX > x || toY > y) hunks.push({ op: 'change', a: range(x, toX), b: range(y, toY) });
  };
  for (const [mi, mj] of matches) {
    const i = aFrom + mi;
    const j = bFrom + mj;
    pushChange(i, j);
    const same = a.tokens[i].norm === b.tokens[j].norm;
    hunks.push({ op: same ? 'same' : 'synonym', a: [i], b: [j] });
    x = i + 1;
    y = j + 1;
  }
  pushChange(aTo, bTo);
  return hunks;
}

/**
 * Myers breaks ties between equally long common subsequences by preferring deletions, so
 * diffing (b, a) could pick other pairs than diffing (a, b). Always diffing in one orientation
 * (the shorter text first, then the smaller string) and mirroring makes alignment symmetric.
 */
function orientedMatches(
  a: Side,
  aFrom: number,
  aTo: number,
  b: Side,
  bFrom: number,
  bTo: number,
  eq: (i: number, j: number) => boolean,
): Array<[number, number]> {
  const flip = a.text.length !== b.text.length ? a.text.length > b.text.length : a.text > b.text;
  if (!flip) return myersMatches(aTo - aFrom, bTo - bFrom, eq);
  return myersMatches(bTo - bFrom, aTo - aFrom, (j, i) => eq(i, j)).map(([j, i]) => [i, j]);
}

/** A matched pair of content words on both sides: what passages are anchored on. */
export const isContentMatch = (h: Hunk, a: Side, b: Side): boolean =>
  h.op !== 'change' && !a.tokens[h.a[0]].stop && !b.tokens[h.b[0]].stop;

/**
 * Drops both ends up to the first and last matched content word, so a passage starts and ends
 * on reused words (not on a function word matched by chance next to new material), then takes
 * back matched function words directly adjacent to them.
 */
export function trimHunks(hunks: Hunk[], a: Side, b: Side): Hunk[] {
  const anchor = (h: Hunk): boolean => isContentMatch(h, a, b);
  let from = 0;
  let to = hunks.length;
  while (from < to && !anchor(hunks[from])) from++;
  while (to > from && !anchor(hunks[to - 1])) to--;
  if (from === to) return [];
  // Matched function words right next to the reused words belong to the passage ("The" of "The sources").
  while (from > 0 && hunks[from - 1].op !== 'change') from--;
  while (to < hunks.length && hunks[to].op !== 'change') to++;
  return hunks.slice(from, to);
}

/** Matched and total positions around a hunk (see `localIdentity`). */
export interface Neighbourhood {
  matched: number;
  total: number;
  /** The same counts for the window before and the window after the hunk. */
  before: { matched: number; total: number };
  after: { matched: number; total: number };
  /** Whether the hunks right before and right after it are matched words. */
  flanked: boolean;
}

/**
 * The neighbourhood of hunk `at`: up to `window` positions before and after it (a matched pair
 * is one position, a change as many as its longer side), not crossing out of the hunk's
 * sentence (`inScope` false), counting how many are matched. The hunk itself is not counted.
 */
export function localIdentity(hunks: Hunk[], at: number, window: number, inScope: (h: Hunk) => boolean): Neighbourhood {
  const sides = [-1, 1].map((step) => {
    let matched = 0;
    let total = 0;
    for (let h = at + step; h >= 0 && h < hunks.length && total < window && inScope(hunks[h]); h += step) {
      const width = hunks[h].op === 'change' ? Math.max(hunks[h].a.length, hunks[h].b.length) : 1;
      const used = Math.min(width, window - total);
      if (hunks[h].op !== 'change') matched += used;
      total += used;
    }
    return { matched, total };
  });
  const [before, after] = sides;
  const isMatched = (h: number): boolean => h >= 0 && h < hunks.length && hunks[h].op !== 'change' && inScope(hunks[h]);
  return {
    matched: before.matched + after.matched,
    total: before.total + after.total,
    before,
    after,
    flanked: isMatched(at - 1) && isMatched(at + 1),
  };
}
