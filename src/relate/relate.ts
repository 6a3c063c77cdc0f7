import { DERIVED_RELATIONS, type Alignment, type PairRelation, type RelationType, type Substitution } from '../types.js';
import type { AnalyzedArticle } from './analyzed.js';
import { classifyPair, DEFAULT_CLASSIFY_OPTIONS, type ClassifyOptions } from './classify.js';
import { decideDirection } from './direction.js';
import { brokenOnlyIn, pairFeatures, withBrokenCounts, type DecisionFeatures } from './features.js';

/**
 * Broken set phrases found in one text, as substitutions of the pair: the other side's
 * offset is -1 because the restored phrase was not read from the other text.
 */
function phraseSubstitutions(a: AnalyzedArticle, b: AnalyzedArticle): Substitution[] {
  const fromA = brokenOnlyIn(a, b).map((s) => ({ a: s.a, b: s.b, a_at: s.a_at, b_at: -1, evidence: s.evidence }));
  const fromB = brokenOnlyIn(b, a).map((s) => ({ a: s.b, b: s.a, a_at: -1, b_at: s.a_at, evidence: s.evidence }));
  return [...fromA, ...fromB];
}

function mergeSubstitutions(aligned: Substitution[], phrases: Substitution[]): Substitution[] {
  const seen = new Set<string>();
  const out: Substitution[] = [];
  for (const s of [...aligned, ...phrases]) {
    const key = `${s.a.toLowerCase()}|${s.b.toLowerCase()}|${s.a_at}|${s.b_at}`;
    const textKey = `${s.a.toLowerCase()}|${s.b.toLowerCase()}`;
    if (seen.has(key) || (s.evidence === 'phrase' && seen.has(textKey))) continue;
    seen.add(key);
    seen.add(textKey);
    out.push(s);
  }
  return out.sort((x, y) => x.a_at - y.a_at || x.b_at - y.b_at);
}

function round(x: number, digits = 3): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}

/**
 * Whether a pair with this relation reads the two texts' broken set phrases. Only a derived
 * pair does: they are evidence of what one text changed in the other's words (and a direction
 * vote). Between texts that share no wording they would be each text's own spin signs, not the
 * pair's, and finding them is the costliest part of analysing a text.
 */
export function readsBrokenPhrases(relation: RelationType): boolean {
  return DERIVED_RELATIONS.includes(relation);
}

/** Turns an alignment of two analysed articles into their relation with its evidence. */
export function relateAligned(
  a: AnalyzedArticle,
  b: AnalyzedArticle,
  alignment: Alignment,
  options: ClassifyOptions = DEFAULT_CLASSIFY_OPTIONS,
  /** decisionFeatures(a, b, alignment), when the caller has it already. */
  decided?: DecisionFeatures,
): PairRelation {
  const plain = pairFeatures(a, b, alignment, decided);
  const decision = classifyPair(plain, options);
  const derived = readsBrokenPhrases(decision.relation);
  const features = derived ? withBrokenCounts(plain, a, b) : plain;
  const direction = decideDirection(a, b, features, decision.relation);
  const substitutions = mergeSubstitutions(alignment.substitutions, derived ? phraseSubstitutions(a, b) : []);
  const numeric: Record<string, number> = {};
  for (const [k, v] of Object.entries(features)) numeric[k] = round(v);
  return {
    a: a.article.id,
    b: b.article.id,
    relation: decision.relation,
    confidence: decision.confidence,
    explanation: decision.because,
    direction: direction.direction,
    direction_confidence: direction.confidence,
    direction_reasons: direction.reasons,
    share_a: round(alignment.share_a),
    share_b: round(alignment.share_b),
    passages: alignment.passages,
    substitutions,
    features: numeric,
  };
}
