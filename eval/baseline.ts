/**
 * BASELINE comparator for the evaluation harness: word 3-gram containment, nothing else (no
 * synonyms, no stemming, no alignment beyond runs of shared trigrams). It exists so the harness
 * runs end to end before the real comparator does, and its scores are the numbers to beat.
 * Every constant below was set before running it on any dataset and is not tuned on them.
 */
import type { Comparison } from './run-meter.js';

export interface BaselineOptions {
  /** Words per shingle. */
  n: number;
  /** Shortest run of consecutive shared shingles kept as a passage (2 trigrams = 4 words). */
  minRun: number;
  /** Containment of b's shingles in a at or above which b is called derived ('rewrite'). */
  derivedContainment: number;
  /** Containment (both ways) at or above which the pair is called 'near_duplicate'. */
  nearDuplicateContainment: number;
  /** Containment at or above which an underived pair is still 'same_event' rather than 'unrelated'. */
  sameEventContainment: number;
}

export const DEFAULT_BASELINE_OPTIONS: BaselineOptions = {
  n: 3,
  minRun: 2,
  derivedContainment: 0.25,
  nearDuplicateContainment: 0.9,
  sameEventContainment: 0.02,
};

interface Word {
  norm: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ norm: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
}

function shingles(ws: readonly Word[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).map((w) => w.norm).join(' '));
  return out;
}

/** First position of each shingle. */
function firstPositions(sh: readonly string[]): Map<string, number> {
  const pos = new Map<string, number>();
  sh.forEach((s, i) => {
    if (!pos.has(s)) pos.set(s, i);
  });
  return pos;
}

/** Share of `sh` (as a multiset of positions) found in `other`. */
function containment(sh: readonly string[], other: ReadonlySet<string>): number {
  if (sh.length === 0) return 0;
  return sh.filter((s) => other.has(s)).length / sh.length;
}

/** Share of words covered by at least one of the given shingle positions. */
function wordShare(positions: readonly number[], n: number, totalWords: number): number {
  if (totalWords === 0) return 0;
  const covered = new Set<number>();
  for (const p of positions) for (let k = 0; k < n; k++) covered.add(p + k);
  return covered.size / totalWords;
}

/** Runs of consecutive b shingles that occur in a, as passages (a side: span of their first occurrences). */
function passagesOf(wa: Word[], wb: Word[], shB: string[], posA: Map<string, number>, o: BaselineOptions): Comparison['passages'] {
  const out: Comparison['passages'] = [];
  let i = 0;
  while (i < shB.length) {
    if (!posA.has(shB[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < shB.length && posA.has(shB[j + 1])) j++;
    if (j - i + 1 >= o.minRun) {
      const aPos = shB.slice(i, j + 1).map((s) => posA.get(s)!);
      const aFirst = Math.min(...aPos);
      const aLast = Math.max(...aPos);
      out.push({ a: [wa[aFirst].start, wa[aLast + o.n - 1].end], b: [wb[i].start, wb[j + o.n - 1].end] });
    }
    i = j + 1;
  }
  return out;
}

/** Baseline comparison of a (source side) and b: relation, shares and passages from shared word trigrams. */
export function baselineCompare(aText: string, bText: string, options: Partial<BaselineOptions> = {}): Comparison & { containment_b: number; containment_a: number } {
  const o = { ...DEFAULT_BASELINE_OPTIONS, ...options };
  const wa = words(aText);
  const wb = words(bText);
  const shA = shingles(wa, o.n);
  const shB = shingles(wb, o.n);
  const setA = new Set(shA);
  const setB = new Set(shB);
  const cb = containment(shB, setA);
  const ca = containment(shA, setB);
  const passages = passagesOf(wa, wb, shB, firstPositions(shA), o);
  const relation =
    cb >= o.nearDuplicateContainment && ca >= o.nearDuplicateContainment
      ? 'near_duplicate'
      : cb >= o.derivedContainment
        ? 'rewrite'
        : Math.max(ca, cb) >= o.sameEventContainment
          ? 'same_event'
          : 'unrelated';
  const matchedB = shB.map((s, i) => (setA.has(s) ? i : -1)).filter((i) => i >= 0);
  const matchedA = shA.map((s, i) => (setB.has(s) ? i : -1)).filter((i) => i >= 0);
  return {
    relation,
    share_a: wordShare(matchedA, o.n, wa.length),
    share_b: wordShare(matchedB, o.n, wb.length),
    passages,
    containment_a: ca,
    containment_b: cb,
  };
}

/** Baseline similarity for article pairs: trigram containment of the smaller set in the larger, 0..1. */
export function baselineSimilarity(aText: string, bText: string, options: Partial<BaselineOptions> = {}): number {
  const o = { ...DEFAULT_BASELINE_OPTIONS, ...options };
  const a = new Set(shingles(words(aText), o.n));
  const b = new Set(shingles(words(bText), o.n));
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / Math.min(a.size, b.size);
}
