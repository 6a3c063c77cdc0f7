/**
 * SemEval-2022 Task 8 (news article similarity) evaluation on the plain English pairs of the
 * shared sample CSV. Annotators' Overall runs 1 (very similar) .. 4 (very dissimilar), so a
 * system similarity should correlate with -Overall. We report Spearman and Pearson with -Overall
 * over all kept pairs, and ROC AUC of the score for "same story" (Overall ≤ 1.5, positive)
 * against "unrelated" (Overall ≥ 3, negative); pairs in between are left out of the AUC.
 * Rows whose pair_id carries a language suffix are machine-translated augmentations (see
 * SOURCE.txt) and are skipped, as are rows where either language is not English.
 */
import { readFileSync } from 'node:fs';
import { mapLimit, progressReporter } from './concurrency.js';
import { parseCsvObjects } from './csv.js';
import { binaryScores, pearson, rocAuc, spearman } from './metrics.js';

export interface SemEvalPair {
  pairId: string;
  text1: string;
  text2: string;
  overall: number;
}

export type ScoreFn = (a: string, b: string) => number | Promise<number>;
export type SameStoryFn = (a: string, b: string) => boolean | Promise<boolean>;

export interface SemEvalOptions {
  /** Overall at or below which a pair is the same story (positive). */
  sameStoryMax: number;
  /** Overall at or above which a pair is unrelated (negative for the AUC). */
  unrelatedMin: number;
  /** Pairs scored at the same time. */
  concurrency: number;
  /** Progress on stderr, drawn only when stderr is a terminal. */
  progress: boolean;
}

export const DEFAULT_SEMEVAL_OPTIONS: SemEvalOptions = { sameStoryMax: 1.5, unrelatedMin: 3, concurrency: 2, progress: true };

export interface SemEvalLoad {
  pairs: SemEvalPair[];
  rows: number;
  /** Rows dropped: pair_id with a language suffix, or a language other than en. */
  skippedAugmented: number;
  skippedNotEnglish: number;
  skippedBadOverall: number;
}

const PLAIN_PAIR_ID = /^\d+_\d+$/;

/** Reads the CSV and keeps the plain en-en pairs. */
export function loadSemEval(csvPath: string): SemEvalLoad {
  const records = parseCsvObjects(readFileSync(csvPath, 'utf8'));
  const load: SemEvalLoad = { pairs: [], rows: records.length, skippedAugmented: 0, skippedNotEnglish: 0, skippedBadOverall: 0 };
  for (const r of records) {
    const pairId = (r.pair_id ?? '').trim();
    if (!PLAIN_PAIR_ID.test(pairId)) load.skippedAugmented++;
    else if (r.lang1 !== 'en' || r.lang2 !== 'en') load.skippedNotEnglish++;
    else {
      const overall = Number(r.Overall);
      if (r.Overall === undefined || r.Overall.trim() === '' || !Number.isFinite(overall)) load.skippedBadOverall++;
      else load.pairs.push({ pairId, text1: r.text1 ?? '', text2: r.text2 ?? '', overall });
    }
  }
  return load;
}

export interface SemEvalResult {
  dataset: string;
  load: Omit<SemEvalLoad, 'pairs'> & { kept: number };
  groups: { sameStory: number; between: number; unrelated: number };
  /** Correlation of the score with -Overall over all kept pairs. */
  spearman: number;
  pearson: number;
  /** ROC AUC, same story (positive) vs unrelated (negative). */
  auc: number;
  scores: Array<{ pairId: string; overall: number; score: number }>;
}

export async function runSemEvalEval(csvPath: string, score: ScoreFn, options: Partial<SemEvalOptions> = {}): Promise<SemEvalResult> {
  const o = { ...DEFAULT_SEMEVAL_OPTIONS, ...options };
  const { pairs, ...load } = loadSemEval(csvPath);
  const progress = progressReporter('semeval', pairs.length, o.progress);
  const values = await mapLimit(pairs, o.concurrency, (p) => score(p.text1, p.text2), progress);
  const negOverall = pairs.map((p) => -p.overall);
  const separated = pairs.map((p, i) => ({ p, s: values[i] })).filter(({ p }) => p.overall <= o.sameStoryMax || p.overall >= o.unrelatedMin);
  return {
    dataset: csvPath,
    load: { ...load, kept: pairs.length },
    groups: {
      sameStory: pairs.filter((p) => p.overall <= o.sameStoryMax).length,
      between: pairs.filter((p) => p.overall > o.sameStoryMax && p.overall < o.unrelatedMin).length,
      unrelated: pairs.filter((p) => p.overall >= o.unrelatedMin).length,
    },
    spearman: spearman(values, negOverall),
    pearson: pearson(values, negOverall),
    auc: rocAuc(separated.map((x) => x.s), separated.map((x) => x.p.overall <= o.sameStoryMax)),
    scores: pairs.map((p, i) => ({ pairId: p.pairId, overall: p.overall, score: values[i] })),
  };
}

export interface SemEvalClassifyResult {
  dataset: string;
  kept: number;
  /** Gold positive: Overall ≤ sameStoryMax; every other kept pair is negative. */
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: { tp: number; fp: number; fn: number; tn: number };
}

/** A yes/no same-story decision scored as precision/recall against Overall ≤ 1.5. */
export async function runSemEvalClassify(csvPath: string, sameStory: SameStoryFn, options: Partial<SemEvalOptions> = {}): Promise<SemEvalClassifyResult> {
  const o = { ...DEFAULT_SEMEVAL_OPTIONS, ...options };
  const { pairs } = loadSemEval(csvPath);
  const pred = await mapLimit(pairs, o.concurrency, (p) => sameStory(p.text1, p.text2), progressReporter('semeval', pairs.length, o.progress));
  const gold = pairs.map((p) => p.overall <= o.sameStoryMax);
  const { precision, recall, f1, tp, fp, fn, tn } = binaryScores(gold, pred);
  return { dataset: csvPath, kept: pairs.length, positives: gold.filter(Boolean).length, precision, recall, f1, confusion: { tp, fp, fn, tn } };
}

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

export function formatSemEvalReport(r: SemEvalResult): string {
  const l = r.load;
  return [
    `SemEval-2022 Task 8 sample: ${r.dataset}`,
    `rows ${l.rows}; kept plain en-en ${l.kept}; skipped: augmented ${l.skippedAugmented}, not en-en ${l.skippedNotEnglish}, bad Overall ${l.skippedBadOverall}`,
    `groups: same story (Overall ≤ 1.5) ${r.groups.sameStory}, between ${r.groups.between}, unrelated (Overall ≥ 3) ${r.groups.unrelated}`,
    `Spearman(score, -Overall) ${f3(r.spearman)}   Pearson ${f3(r.pearson)}   ROC AUC same vs unrelated ${f3(r.auc)}`,
  ].join('\n');
}
