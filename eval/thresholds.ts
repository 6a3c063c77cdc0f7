/**
 * Turning per-story measurements into wholly / partially / non-derived, and fitting the
 * thresholds honestly: k-fold cross-validation with folds fixed by a seeded hash of the item id,
 * thresholds fitted on the training folds only, scored on the held-out fold.
 */
import { fnv1a } from './concurrency.js';
import { classificationReport } from './metrics.js';
import type { MeterLabel } from './meter.js';
import { METER_LABELS } from './meter.js';

/** What the runner measured for one story (the only inputs the decision sees). */
export interface StoryMeasure {
  id: string;
  gold: MeterLabel;
  /** Some comparison with a PA text gave a derived relation type. */
  derivedRelation: boolean;
  /** Share of the newspaper text covered by reuse from the PA texts, 0..1. */
  coverage: number;
  /** The comparator's numeric features (per feature, the largest over the PA texts), when it gives them. */
  features?: Record<string, number>;
}

export interface Thresholds {
  /** Derived stories with coverage ≥ this are "wholly", below are "partially". */
  wholly: number;
  /**
   * Only with decideDerivedBy 'coverage': stories with coverage below this are "non" whatever
   * the relation says. Ignored (null) when the relation decides derived vs not.
   */
  non: number | null;
}

/**
 * What decides derived vs not: the comparator's relation type, a threshold on coverage, or
 * (eval/meter-model.ts) a threshold on a small model's score over the comparator's features.
 */
export type DerivedRule = 'relation' | 'coverage' | 'model';

export function predictLabel(m: StoryMeasure, t: Thresholds, rule: DerivedRule): MeterLabel {
  // 'model' measures arrive with the model's score as their coverage (eval/meter-model.ts).
  const derived = rule === 'relation' ? m.derivedRelation : m.coverage >= (t.non ?? 0);
  if (!derived) return 'non';
  return m.coverage >= t.wholly ? 'wholly' : 'partially';
}

export function macroF1Of(measures: readonly StoryMeasure[], t: Thresholds, rule: DerivedRule): number {
  const gold = measures.map((m) => m.gold);
  const pred = measures.map((m) => predictLabel(m, t, rule));
  return classificationReport(gold, pred, METER_LABELS).macroF1;
}

/**
 * Candidate cut points: midpoints between consecutive distinct coverage values, thinned to at
 * most `max` evenly spaced ones (keeps the two-threshold grid search small), plus 0 and just above 1.
 */
export function candidateCuts(values: readonly number[], max = 80): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const mids = sorted.slice(1).map((v, i) => (v + sorted[i]) / 2);
  const step = Math.max(1, mids.length / max);
  const thinned: number[] = [];
  for (let k = 0; k < mids.length; k += step) thinned.push(mids[Math.floor(k)]);
  return [0, ...thinned, 1 + 1e-9];
}

/**
 * Thresholds maximising macro-F1 on `train`. Among equally good settings the middle one is
 * taken (not the lowest), so ties do not drag the cut to an extreme.
 */
export function fitThresholds(train: readonly StoryMeasure[], rule: DerivedRule): Thresholds {
  const cuts = candidateCuts(train.map((m) => m.coverage));
  const settings: Thresholds[] =
    rule === 'relation'
      ? cuts.map((w) => ({ wholly: w, non: null }))
      : cuts.flatMap((n) => cuts.filter((w) => w >= n).map((w) => ({ wholly: w, non: n })));
  let best = -1;
  let bestSet: Thresholds[] = [];
  for (const t of settings) {
    const f = macroF1Of(train, t, rule);
    if (f > best + 1e-12) {
      best = f;
      bestSet = [t];
    } else if (Math.abs(f - best) <= 1e-12) bestSet.push(t);
  }
  return bestSet[Math.floor((bestSet.length - 1) / 2)];
}

/** Fold of an item: a seeded hash of its id, so folds do not depend on load order. */
export function foldOf(id: string, folds: number, seed: number): number {
  return fnv1a(`${seed}:${id}`) % folds;
}

export interface FoldResult {
  fold: number;
  trainSize: number;
  testSize: number;
  thresholds: Thresholds;
  testMacroF1: number;
  /** With --derived-by model: the features and their fitted (standardised) weights. */
  model?: { features: string[]; weights: number[] };
}

export interface CrossValidation {
  folds: FoldResult[];
  /** Held-out prediction for every item (each predicted by the fold that did not train on it). */
  predictions: Map<string, MeterLabel>;
}

/** What one fold fitted on its training items: a predictor and what the fold report shows. */
export interface FoldFit {
  predict(m: StoryMeasure): MeterLabel;
  thresholds: Thresholds;
  model?: FoldResult['model'];
}

/** k-fold cross-validation of any fitting procedure: each fold fits on the other folds only. */
export function crossValidateBy(measures: readonly StoryMeasure[], folds: number, seed: number, fit: (train: StoryMeasure[]) => FoldFit): CrossValidation {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`folds must be an integer ≥ 2, got ${folds}`);
  const predictions = new Map<string, MeterLabel>();
  const results: FoldResult[] = [];
  for (let f = 0; f < folds; f++) {
    const test = measures.filter((m) => foldOf(m.id, folds, seed) === f);
    const train = measures.filter((m) => foldOf(m.id, folds, seed) !== f);
    if (test.length === 0 || train.length === 0) continue;
    const fitted = fit(train);
    const predicted = test.map((m) => fitted.predict(m));
    test.forEach((m, k) => predictions.set(m.id, predicted[k]));
    const testMacroF1 = classificationReport(test.map((m) => m.gold), predicted, METER_LABELS).macroF1;
    results.push({ fold: f, trainSize: train.length, testSize: test.length, thresholds: fitted.thresholds, testMacroF1, ...(fitted.model ? { model: fitted.model } : {}) });
  }
  return { folds: results, predictions };
}

export function crossValidate(measures: readonly StoryMeasure[], folds: number, seed: number, rule: DerivedRule): CrossValidation {
  return crossValidateBy(measures, folds, seed, (train) => {
    const thresholds = fitThresholds(train, rule);
    return { thresholds, predict: (m) => predictLabel(m, thresholds, rule) };
  });
}
