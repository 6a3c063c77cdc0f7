/**
 * Evaluation metrics: classification (per-class P/R/F1, macro-F1, accuracy, confusion matrix),
 * correlation (Pearson, Spearman with average ranks for ties), ROC AUC (Mann-Whitney with ties).
 * PAN plagdet lives in ./plagdet.ts and is re-exported here.
 *
 * Conventions: a ratio whose denominator is 0 is 0 for precision/recall/F1 (the usual
 * "zero division = 0" reading: a class never predicted has precision 0), and NaN for
 * correlations and AUC, which are undefined there (constant input, or one group empty).
 */

export { plagdet, type PlagdetResult, type PlagdetOptions, type DocRange, type ReuseCase } from './plagdet.js';

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of gold items of this class. */
  support: number;
}

export interface ClassificationReport {
  /** Label order used by `perClass` and both axes of `confusion`. */
  labels: string[];
  perClass: ClassScores[];
  macroF1: number;
  accuracy: number;
  /** confusion[g][p] = number of items with gold labels[g] predicted as labels[p]. */
  confusion: number[][];
  /** Items whose gold or predicted label is not in `labels` (counted, not scored). */
  outOfLabels: number;
  n: number;
}

function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

/** Confusion matrix over `labels` in the given order; pairs with unknown labels are skipped. */
export function confusionMatrix(gold: readonly string[], pred: readonly string[], labels: readonly string[]): number[][] {
  if (gold.length !== pred.length) throw new Error(`gold has ${gold.length} items, pred has ${pred.length}`);
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]);
    const p = index.get(pred[i]);
    if (g !== undefined && p !== undefined) m[g][p]++;
  }
  return m;
}

/** Per-class precision/recall/F1, macro-F1 (unweighted mean of per-class F1) and accuracy. */
export function classificationReport(
  gold: readonly string[],
  pred: readonly string[],
  labels: readonly string[],
): ClassificationReport {
  const confusion = confusionMatrix(gold, pred, labels);
  const perClass = labels.map((label, k) => {
    const tp = confusion[k][k];
    const goldCount = confusion[k].reduce((s, x) => s + x, 0);
    const predCount = confusion.reduce((s, row) => s + row[k], 0);
    const precision = ratio(tp, predCount);
    const recall = ratio(tp, goldCount);
    return { label, precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: goldCount };
  });
  const scored = confusion.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const correct = labels.reduce((s, _, k) => s + confusion[k][k], 0);
  return {
    labels: [...labels],
    perClass,
    macroF1: labels.length === 0 ? 0 : perClass.reduce((s, c) => s + c.f1, 0) / labels.length,
    accuracy: ratio(correct, scored),
    confusion,
    outOfLabels: gold.length - scored,
    n: gold.length,
  };
}

/** Pearson correlation; NaN when either side is constant or there are fewer than 2 points. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`x has ${x.length} items, y has ${y.length}`);
  const n = x.length;
  if (n < 2) return NaN;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  // Clamp: rounding can push |r| a hair above 1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** 1-based ranks; tied values share the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = avg;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson on average ranks (correct with ties). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`x has ${x.length} items, y has ${y.length}`);
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * ROC AUC as the Mann-Whitney statistic: the probability that a random positive scores above a
 * random negative, ties counting one half. NaN when either group is empty.
 */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  if (scores.length !== positive.length) throw new Error(`${scores.length} scores, ${positive.length} labels`);
  const ranks = averageRanks(scores);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (positive[i]) {
      nPos++;
      rankSum += ranks[i];
    }
  }
  const nNeg = scores.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Precision/recall/F1 of a binary decision against binary gold. */
export function binaryScores(gold: readonly boolean[], pred: readonly boolean[]): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; tn: number } {
  if (gold.length !== pred.length) throw new Error(`gold has ${gold.length} items, pred has ${pred.length}`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] && gold[i]) tp++;
    else if (pred[i]) fp++;
    else if (gold[i]) fn++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), tp, fp, fn, tn };
}
