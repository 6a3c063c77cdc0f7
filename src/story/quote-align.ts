/**
 * Word-level comparison of two quotations: tokens with offsets, an LCS alignment, and the verdict
 * `equal` (same words), `overlap` (one contiguous run shared, nothing changed inside it: a trimmed
 * or extended quote), or `altered` (the same stretch with words changed inside it).
 */

/** Most words a changed run may have at a quote's edge and still count as a change, not a cut. */
const EDGE_CHANGE = 3;

export interface QuoteToken {
  /** Lower-cased word with apostrophes dropped ("That's" → "thats"). */
  norm: string;
  start: number;
  end: number;
}

/** Words of `text`, offsets shifted by `base`; editorial insertions in [brackets] are skipped. */
export function quoteTokens(text: string, base = 0): QuoteToken[] {
  const out: QuoteToken[] = [];
  const re = /\[[^\]\n]{0,80}\]|[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].startsWith('[')) continue;
    out.push({ norm: m[0].toLowerCase().replace(/'/g, ''), start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

export interface WordChange {
  /** Words of the first text (the group's wording). */
  from: string;
  /** Words of the second text (this copy's wording). */
  to: string;
}

export interface QuoteComparison {
  verdict: 'equal' | 'overlap' | 'altered' | 'none';
  /** Matched words. */
  matched: number;
  /** First and last token (inclusive) of the compared stretch on each side. */
  a: [number, number];
  b: [number, number];
  /** Words changed inside the stretch (a's wording → b's). */
  changes: WordChange[];
  /** matched / longer side of the stretch. */
  similarity: number;
}

/** Longest common subsequence as index pairs, ascending. Inputs are capped by the caller. */
function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = a[i] === b[j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = dp[i * w + j];
    // A match that starts no run and costs nothing to skip is left for a later, chained one.
    const lone = a[i] === b[j] && a[i + 1] !== b[j + 1];
    if (a[i] === b[j] && !(lone && dp[(i + 1) * w + j] === here)) pairs.push([i++, j++]);
    else if (a[i] === b[j]) i++;
    else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * Drops matches at either end that stand alone, far from the rest (a shared "the" is not where a
 * quote starts); a lone match next to a short swap ("to [devise] a") stays.
 */
function pruneLoneEdges(pairs: Array<[number, number]>): Array<[number, number]> {
  const chained = (k: number, d: number) => {
    const o = pairs[k + d];
    if (o === undefined) return false;
    const gapA = Math.abs(o[0] - pairs[k][0]) - 1;
    const gapB = Math.abs(o[1] - pairs[k][1]) - 1;
    return (gapA === 0 && gapB === 0) || (gapA <= EDGE_CHANGE && gapB <= EDGE_CHANGE && chainedRun(pairs, k + d, d));
  };
  let lo = 0;
  let hi = pairs.length - 1;
  while (lo <= hi && !chained(lo, 1)) lo++;
  while (hi >= lo && !chained(hi, -1)) hi--;
  return pairs.slice(lo, hi + 1);
}

/** Is pairs[k] followed (in direction d) by an adjacent match, i.e. part of a run of two? */
function chainedRun(pairs: Array<[number, number]>, k: number, d: number): boolean {
  const o = pairs[k + d];
  return o !== undefined && o[0] === pairs[k][0] + d && o[1] === pairs[k][1] + d;
}

const words = (t: readonly QuoteToken[], from: number, to: number) =>
  t.slice(from, to).map((x) => x.norm).join(' ');

/** Compares two token runs; see QuoteComparison. */
export function compareQuotes(a: readonly QuoteToken[], b: readonly QuoteToken[]): QuoteComparison {
  const pairs = pruneLoneEdges(lcsPairs(a.map((t) => t.norm), b.map((t) => t.norm)));
  const none: QuoteComparison = { verdict: 'none', matched: 0, a: [0, -1], b: [0, -1], changes: [], similarity: 0 };
  if (pairs.length === 0) return none;
  let [a0, b0] = pairs[0];
  let [a1, b1] = pairs[pairs.length - 1];
  const changes: WordChange[] = [];
  // A word swapped at the very edge ("But it is" / "However it is") is a change, not a cut.
  if (a0 > 0 && b0 > 0 && a0 <= EDGE_CHANGE && b0 <= EDGE_CHANGE) {
    changes.push({ from: words(a, 0, a0), to: words(b, 0, b0) });
    a0 = 0;
    b0 = 0;
  }
  for (let k = 1; k < pairs.length; k++) {
    const [pa, pb] = pairs[k - 1];
    const [qa, qb] = pairs[k];
    if (qa > pa + 1 || qb > pb + 1) changes.push({ from: words(a, pa + 1, qa), to: words(b, pb + 1, qb) });
  }
  const ta = a.length - 1 - a1;
  const tb = b.length - 1 - b1;
  if (ta > 0 && tb > 0 && ta <= EDGE_CHANGE && tb <= EDGE_CHANGE) {
    changes.push({ from: words(a, a1 + 1, a.length), to: words(b, b1 + 1, b.length) });
    a1 = a.length - 1;
    b1 = b.length - 1;
  }
  const matched = pairs.length;
  const similarity = matched / Math.max(a1 - a0 + 1, b1 - b0 + 1);
  let verdict: QuoteComparison['verdict'] = 'altered';
  if (changes.length === 0) verdict = matched === a.length && matched === b.length ? 'equal' : 'overlap';
  return { verdict, matched, a: [a0, a1], b: [b0, b1], changes, similarity };
}
