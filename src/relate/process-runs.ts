/**
 * Shared word runs: which of a text's words lie inside a run of k consecutive words that the
 * other text also has, verbatim. Short runs (k = 3) are shared by any two reports of an event
 * (names, titles, set phrases); long runs (k = 8) are copied sentences. Counting only words
 * outside quotation marks sets apart the verbatim quotes that independent reports share.
 *
 * This is Greedy String Tiling's coverage (src/relate/process-tiles.ts) without the rule that
 * each word of the source is used once: near enough for coverage, and linear in the texts'
 * lengths (hashed k-grams), so it can run on every compared pair.
 */
import type { Token } from '../types.js';

/** A 32-bit hash of k consecutive keys starting at i (FNV-1a over the keys' characters). */
function runHash(keys: readonly string[], i: number, k: number): number {
  let h = 0x811c9dc5;
  for (let j = i; j < i + k; j++) {
    const s = keys[j];
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 16777619);
    h = Math.imul(h ^ 0x20, 16777619); // word boundary
  }
  return h >>> 0;
}

/** Marks x's positions that lie inside some k-run of keys also found in y (by hash). */
export function sharedRunMask(x: readonly string[], y: readonly string[], k: number): Uint8Array {
  const mask = new Uint8Array(x.length);
  if (k < 1 || x.length < k || y.length < k) return mask;
  const inY = new Set<number>();
  for (let i = 0; i + k <= y.length; i++) inY.add(runHash(y, i, k));
  for (let i = 0; i + k <= x.length; i++) if (inY.has(runHash(x, i, k))) mask.fill(1, i, i + k);
  return mask;
}

export interface RunCoverage {
  /** Share of x's words inside a shared k-run. */
  all: number;
  /** The same over x's words outside quotation marks only (0 when all are quoted). */
  unquoted: number;
}

/** Shared k-run coverage of x's tokens by y's; `quoted[i]` says whether x's token i is inside a quote. */
export function sharedRunCoverage(x: readonly Token[], y: readonly Token[], k: number, quoted: readonly boolean[]): RunCoverage {
  const mask = sharedRunMask(
    x.map((t) => t.norm),
    y.map((t) => t.norm),
    k,
  );
  let all = 0;
  let outside = 0;
  let outsideCovered = 0;
  for (let i = 0; i < x.length; i++) {
    all += mask[i];
    if (quoted[i]) continue;
    outside++;
    outsideCovered += mask[i];
  }
  return { all: x.length === 0 ? 0 : all / x.length, unquoted: outside === 0 ? 0 : outsideCovered / outside };
}

/** For each token (in text order), whether it starts inside one of the sorted or unsorted spans. */
export function insideSpans(tokens: readonly Token[], spans: ReadonlyArray<{ start: number; end: number }>): boolean[] {
  const sorted = [...spans].sort((p, q) => p.start - q.start);
  let i = 0;
  let reach = -1;
  return tokens.map((t) => {
    while (i < sorted.length && sorted[i].start <= t.start) reach = Math.max(reach, sorted[i++].end);
    return t.start < reach;
  });
}
