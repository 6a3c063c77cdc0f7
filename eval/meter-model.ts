/**
 * `--derived-by model`: wholly / partially / non-derived from a small ordinal model over a few
 * features of the comparison, fitted by cross-validation only. In each fold an ordinal logistic
 * regression (eval/ordinal.ts: one weight per feature, standardised on the training folds) turns
 * the features into one "how derived" score, and the two cuts on that score that maximise
 * macro-F1 on the training folds are chosen as for `--derived-by coverage`; the held-out fold is
 * then predicted. Nothing is fitted on the items it predicts.
 *
 * The features are general evidence of text reuse, not tuned to a corpus:
 *  - lemma_containment_b: share of the story's content words whose lemma the source uses;
 *  - in_order_sentences_b: share of its sentences with a counterpart in the source, in the
 *    source's order (a story made from a wire copy walks down it);
 *  - log_content_tokens_b: log of its length in content words (a story told wholly from the wire
 *    is short; one with its own reporting is longer, whatever it shares).
 */
import { classificationReport } from './metrics.js';
import { METER_LABELS, type MeterLabel } from './meter.js';
import { fitOrdinal, ordinalScore, type OrdinalModel } from './ordinal.js';
import { crossValidateBy, fitThresholds, predictLabel, type CrossValidation, type StoryMeasure } from './thresholds.js';

export const MODEL_FEATURES = ['lemma_containment_b', 'in_order_sentences_b', 'log_content_tokens_b'] as const;

/** Classes of the ordinal model, in order of how much of the story derives from the source. */
const ORDER: MeterLabel[] = ['non', 'partially', 'wholly'];

/** The model's input row for one story (features absent from the comparison count as 0). */
export function modelRow(features: Readonly<Record<string, number>> | undefined): number[] {
  const f = features ?? {};
  return MODEL_FEATURES.map((name) => (name === 'log_content_tokens_b' ? Math.log1p(f.content_tokens_b ?? 0) : (f[name] ?? 0)));
}

/** The story with its coverage replaced by the model's score, squashed into 0..1 for the threshold search. */
function scored(m: StoryMeasure, model: OrdinalModel): StoryMeasure {
  return { ...m, coverage: 1 / (1 + Math.exp(-ordinalScore(model, modelRow(m.features)))) };
}

/** k-fold cross-validation of the model: fitted (weights and cuts) on the training folds only. */
export function crossValidateModel(measures: readonly StoryMeasure[], folds: number, seed: number): CrossValidation {
  return crossValidateBy(measures, folds, seed, (train) => {
    const model = fitOrdinal(train.map((m) => modelRow(m.features)), train.map((m) => ORDER.indexOf(m.gold)), ORDER.length);
    const thresholds = fitThresholds(train.map((m) => scored(m, model)), 'coverage');
    return {
      thresholds,
      predict: (m) => predictLabel(scored(m, model), thresholds, 'coverage'),
      model: { features: [...MODEL_FEATURES], weights: model.weights },
    };
  });
}
