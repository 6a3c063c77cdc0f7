/** Character-range helpers for coverage and detection merging on one text. */

/** Half-open [start, end) character range. */
export type Range = [number, number];

/**
 * Sorts and merges ranges that overlap, touch, or are separated only by whitespace in `text`
 * (the same rule that joins adjacent gold spans, so both sides are cut the same way).
 */
export function mergeRanges(ranges: readonly Range[], text: string): Range[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && (r[0] <= last[1] || /^\s*$/.test(text.slice(last[1], r[0])))) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function nonSpace(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) n++;
  return n;
}

/** Share of `text`'s non-whitespace characters inside the union of `ranges`, 0..1. */
export function coverageOfText(ranges: readonly Range[], text: string): number {
  const total = nonSpace(text, 0, text.length);
  if (total === 0) return 0;
  const covered = mergeRanges(ranges, text).reduce((s, [a, b]) => s + nonSpace(text, a, b), 0);
  return covered / total;
}
