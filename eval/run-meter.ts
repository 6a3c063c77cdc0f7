/**
 * METER evaluation of a comparator: every newspaper story is compared with each PA text of its
 * <date>/<catchline> folder (a = PA source, b = newspaper), then
 *  - derived vs not: some comparison's relation is a derived type (duplicate, near_duplicate,
 *    spun_copy, excerpt, abridged, rewrite); with `decideDerivedBy: 'coverage'` a coverage
 *    threshold decides instead (for comparators whose relation labels are not to be trusted);
 *  - wholly vs partially: coverage of the newspaper text by reuse from all its PA texts together
 *    against `whollyThreshold`.
 * Coverage is the union of every comparison's passage ranges on the newspaper side, as a share of
 * its non-whitespace characters; a comparator that returns no passages falls back to its largest
 * share_b. Reported twice: with the thresholds given in the options (a prior choice), and k-fold
 * cross-validated (thresholds fitted on training folds only) — the honest figure.
 * Passages are also scored as PAN plagdet against the SGML Verbatim/Rewrite spans.
 */
import { DERIVED_RELATIONS } from '../src/types.js';
import { mapLimit, progressReporter } from './concurrency.js';
import { loadMeter, METER_LABELS, type MeterItem, type MeterLabel, type MeterLoadReport } from './meter.js';
import { classificationReport, type ClassificationReport } from './metrics.js';
import { meterPlagdet, type MeterPlagdet } from './meter-plagdet.js';
import { crossValidate, predictLabel, type DerivedRule, type FoldResult, type StoryMeasure, type Thresholds } from './thresholds.js';
import { coverageOfText, type Range } from './ranges.js';
import { crossValidateModel } from './meter-model.js';

/** The part of a comparator's answer the harness reads (PairRelation satisfies it). */
export interface Comparison {
  relation: string;
  share_a: number;
  share_b: number;
  passages: Array<{ a: [number, number]; b: [number, number] }>;
  /**
   * Optional: the comparator's own measure (0..1) of how much of b derives from a. When given,
   * a story's coverage is its maximum over the PA texts instead of the passages' union.
   */
  reuse_b?: number;
  /** Optional: the comparator's numeric features (PairRelation.features), read by `decideDerivedBy: 'model'`. */
  features?: Record<string, number>;
}

export type CompareFn = (aText: string, bText: string, aName: string, bName: string) => Promise<Comparison> | Comparison;

export interface MeterEvalOptions {
  /** Coverage of the newspaper text at or above which a derived story counts as wholly derived. */
  whollyThreshold: number;
  /** With decideDerivedBy 'coverage': coverage below which a story is non-derived. */
  nonThreshold: number;
  /** What decides derived vs non-derived: the comparator's relation type, or a coverage threshold. */
  decideDerivedBy: DerivedRule;
  /** Number of cross-validation folds (≥ 2). */
  folds: number;
  /** Seed of the hash that assigns items to folds. */
  seed: number;
  /** Stories compared at the same time (each runs its PA comparisons one after another). */
  concurrency: number;
  /** Progress line on stderr; drawn only when stderr is a terminal. */
  progress: boolean;
  /** Evaluate only the first N stories in id order (smoke runs); undefined = all. */
  limit?: number;
  /**
   * Compare the story once with all PA texts of its folder joined (blank line between), as one
   * source, instead of once per PA text: a story often draws on several wire items.
   */
  joinSources: boolean;
}

export const DEFAULT_METER_EVAL_OPTIONS: MeterEvalOptions = {
  // Chosen before looking at any system output: "wholly" = most of the story is PA's text.
  whollyThreshold: 0.6,
  nonThreshold: 0.15,
  decideDerivedBy: 'relation',
  folds: 5,
  seed: 1,
  concurrency: 2,
  progress: true,
  joinSources: false,
};

export interface MeterEvalResult {
  dataset: string;
  options: MeterEvalOptions;
  load: MeterLoadReport;
  evaluated: number;
  /** Stories whose comparison threw: excluded from every score, listed here. */
  errors: Array<{ id: string; error: string }>;
  fixed: { thresholds: Thresholds; report: ClassificationReport };
  crossValidated: { folds: FoldResult[]; report: ClassificationReport; meanFoldMacroF1: number };
  /** Mean coverage per gold label: a quick look at how separable the classes are. */
  meanCoverage: Record<MeterLabel, number>;
  plagdet: MeterPlagdet;
  /** Per story: what was measured and the held-out (cross-validated) prediction, for error analysis. */
  stories: Array<StoryMeasure & { predicted: MeterLabel }>;
}

const DERIVED = new Set<string>(DERIVED_RELATIONS);

interface StoryOutcome {
  measure: StoryMeasure;
  detections: Range[];
}

/** The story with its PA texts joined into one source (offsets on the newspaper side are unchanged). */
function joined(item: MeterItem): MeterItem {
  if (item.paTexts.length <= 1) return item;
  return { ...item, paTexts: [item.paTexts.join('\n\n')], paPaths: [item.paPaths.join(' + ')] };
}

async function measureStory(item: MeterItem, compare: CompareFn): Promise<StoryOutcome> {
  let derivedRelation = false;
  let maxShareB = 0;
  let maxReuse: number | null = null;
  let features: Record<string, number> | undefined;
  const ranges: Range[] = [];
  for (let k = 0; k < item.paTexts.length; k++) {
    const c = await compare(item.paTexts[k], item.newspaperText, item.paPaths[k], item.newspaperPath);
    if (DERIVED.has(c.relation)) derivedRelation = true;
    maxShareB = Math.max(maxShareB, c.share_b);
    if (c.reuse_b !== undefined) maxReuse = Math.max(maxReuse ?? 0, c.reuse_b);
    for (const p of c.passages) ranges.push(p.b);
    if (c.features) features = maxPerFeature(features, c.features);
  }
  const union = ranges.length > 0 ? coverageOfText(ranges, item.newspaperText) : maxShareB;
  const coverage = maxReuse ?? union;
  return { measure: { id: item.id, gold: item.label, derivedRelation, coverage, ...(features ? { features } : {}) }, detections: ranges };
}

/** Per feature, the larger of two comparisons' values (a story is as derived as its closest PA text says). */
function maxPerFeature(into: Record<string, number> | undefined, f: Record<string, number>): Record<string, number> {
  const out = { ...(into ?? {}) };
  for (const [k, v] of Object.entries(f)) out[k] = Math.max(out[k] ?? -Infinity, v);
  return out;
}

function report(measures: StoryMeasure[], predict: (m: StoryMeasure) => MeterLabel): ClassificationReport {
  return classificationReport(measures.map((m) => m.gold), measures.map(predict), METER_LABELS);
}

export async function runMeterEval(dir: string, compare: CompareFn, options: Partial<MeterEvalOptions> = {}): Promise<MeterEvalResult> {
  const opts: MeterEvalOptions = { ...DEFAULT_METER_EVAL_OPTIONS, ...options };
  const { items: all, report: load } = loadMeter(dir);
  const items = opts.limit === undefined ? all : all.slice(0, opts.limit);
  const errors: Array<{ id: string; error: string }> = [];
  const progress = progressReporter('meter', items.length, opts.progress);
  const outcomes = await mapLimit(
    items,
    opts.concurrency,
    async (item) => {
      try {
        return await measureStory(opts.joinSources ? joined(item) : item, compare);
      } catch (e) {
        errors.push({ id: item.id, error: e instanceof Error ? e.message : String(e) });
        return null;
      }
    },
    progress,
  );
  const ok = outcomes.filter((o): o is StoryOutcome => o !== null);
  const measures = ok.map((o) => o.measure);
  const rule = opts.decideDerivedBy;
  // A model has no prior setting: its fixed-threshold report is the coverage rule's.
  const fixedRule = rule === 'model' ? 'coverage' : rule;
  const fixedThresholds: Thresholds = { wholly: opts.whollyThreshold, non: fixedRule === 'coverage' ? opts.nonThreshold : null };
  const cv = rule === 'model' ? crossValidateModel(measures, opts.folds, opts.seed) : crossValidate(measures, opts.folds, opts.seed, rule);
  const meanCoverage = Object.fromEntries(
    METER_LABELS.map((l) => {
      const xs = measures.filter((m) => m.gold === l).map((m) => m.coverage);
      return [l, xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : NaN];
    }),
  ) as Record<MeterLabel, number>;
  const okItems = items.filter((_, i) => outcomes[i] !== null);
  return {
    dataset: dir,
    options: opts,
    load,
    evaluated: measures.length,
    errors: errors.sort((a, b) => (a.id < b.id ? -1 : 1)),
    fixed: { thresholds: fixedThresholds, report: report(measures, (m) => predictLabel(m, fixedThresholds, fixedRule)) },
    crossValidated: {
      folds: cv.folds,
      report: report(measures, (m) => cv.predictions.get(m.id)!),
      meanFoldMacroF1: cv.folds.reduce((s, f) => s + f.testMacroF1, 0) / Math.max(1, cv.folds.length),
    },
    meanCoverage,
    plagdet: meterPlagdet(okItems, ok.map((o) => o.detections)),
    stories: measures.map(({ features: _features, ...m }) => ({ ...m, predicted: cv.predictions.get(m.id)! })),
  };
}
