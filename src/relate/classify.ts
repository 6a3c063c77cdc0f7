import type { RelationType } from '../types.js';
import type { DecisionFeatures } from './features.js';

/** Thresholds of the relation decision. Shares are of content tokens; rates of aligned tokens. */
export interface ClassifyOptions {
  /** duplicate: both texts covered at least this much ... */
  duplicateShare: number;
  /** ... with at least this share of aligned tokens identical. */
  duplicateIdentical: number;
  /** near_duplicate: both covered at least this much, identical at least nearDuplicateIdentical. */
  nearDuplicateShare: number;
  nearDuplicateIdentical: number;
  /** spun_copy: the shorter text covered at least this much ... */
  spunShare: number;
  /** ... with synonym swaps plus replacements at least this share of aligned tokens ... */
  spunChangeRate: number;
  /** ... yet at least this share identical (a spinner keeps function words and names). */
  spunMinIdentical: number;
  /** excerpt: the shorter text covered at least this much, little changed, one stretch of the longer. */
  excerptShare: number;
  excerptIdentical: number;
  excerptContiguity: number;
  /** excerpt/abridged: the shorter text is at most this share of the longer's length. */
  partLengthRatio: number;
  /** abridged: the shorter covered at least this much, order kept at least abridgedOrder. */
  abridgedShare: number;
  abridgedOrder: number;
  /** rewrite: shorter covered at least this much, or shared quotes plus rewriteQuoteShare. */
  rewriteShare: number;
  rewriteQuoteShare: number;
  /** rewrite: an identical run at least this long (tokens) counts as copied wording. */
  rewriteRun: number;
  /** same_event: topic cosine plus entity overlap (names) at least this. */
  sameEventTopic: number;
  /** same_event: publication dates further apart than this (days) make it a different event. */
  sameEventMaxDays: number;
  /** related: topic cosine at least this, or an entity overlap of at least relatedEntities. */
  relatedCosine: number;
  relatedEntities: number;
  /** rewrite: in a same-event pair, aligned passages covering this much of the shorter text ... */
  siblingShare: number;
  /** ... with an identical run at least this long (tokens) show shared wording, not shared facts. */
  siblingRun: number;
}

export const DEFAULT_CLASSIFY_OPTIONS: ClassifyOptions = {
  duplicateShare: 0.95,
  duplicateIdentical: 0.98,
  nearDuplicateShare: 0.75,
  nearDuplicateIdentical: 0.88,
  spunShare: 0.5,
  spunChangeRate: 0.1,
  spunMinIdentical: 0.5,
  excerptShare: 0.5,
  excerptIdentical: 0.9,
  excerptContiguity: 0.9,
  partLengthRatio: 0.85,
  abridgedShare: 0.45,
  abridgedOrder: 0.8,
  rewriteShare: 0.15,
  rewriteQuoteShare: 0.05,
  rewriteRun: 12,
  sameEventTopic: 0.72,
  sameEventMaxDays: 7,
  relatedCosine: 0.22,
  relatedEntities: 0.2,
  siblingShare: 0.05,
  siblingRun: 8,
};

export interface Classification {
  relation: RelationType;
  confidence: number;
  /** Which rule decided, in words, for the reasons list. */
  because: string;
}

/** Maps a margin over a threshold (in units of the threshold's scale) to a confidence in [0.5, 0.99]. */
function confidenceFrom(margin: number): number {
  const c = 0.5 + 0.5 * Math.tanh(3 * margin);
  return Math.round(Math.min(0.99, Math.max(0.5, c)) * 100) / 100;
}

/** The decision list: the first relation whose conditions hold, most specific first. */
export function classifyPair(f: DecisionFeatures, o: ClassifyOptions = DEFAULT_CLASSIFY_OPTIONS): Classification {
  const minShare = Math.min(f.share_a, f.share_b);
  const change = f.synonym_rate + f.replaced_rate;
  if (minShare >= o.duplicateShare && f.identical >= o.duplicateIdentical) {
    return { relation: 'duplicate', confidence: confidenceFrom((f.identical - o.duplicateIdentical) * 20 + 0.3), because: 'both texts aligned whole, identical' };
  }
  if (minShare >= o.nearDuplicateShare && f.identical >= o.nearDuplicateIdentical) {
    return { relation: 'near_duplicate', confidence: confidenceFrom(minShare - o.nearDuplicateShare + 0.2), because: 'both texts aligned almost whole with small edits' };
  }
  const partOfOther = f.length_ratio <= o.partLengthRatio;
  if (partOfOther && f.share_small >= o.excerptShare && f.identical >= o.excerptIdentical && f.contiguity >= o.excerptContiguity) {
    return { relation: 'excerpt', confidence: confidenceFrom(f.share_small - o.excerptShare + 0.2), because: 'the shorter text is a contiguous, little-changed part of the longer' };
  }
  if (f.share_small >= o.spunShare && change >= o.spunChangeRate && f.identical >= o.spunMinIdentical && f.synonym_rate > 0 && !partOfOther) {
    return { relation: 'spun_copy', confidence: confidenceFrom(change - o.spunChangeRate + 0.15), because: 'long aligned runs with dense word swaps' };
  }
  if (partOfOther && f.share_small >= o.abridgedShare && f.order_kept >= o.abridgedOrder) {
    return { relation: 'abridged', confidence: confidenceFrom(f.share_small - o.abridgedShare + 0.15), because: 'the shorter text follows the longer in order, shortened' };
  }
  if (f.share_small >= o.spunShare && change >= o.spunChangeRate && f.identical >= o.spunMinIdentical && f.synonym_rate > 0) {
    return { relation: 'spun_copy', confidence: confidenceFrom(change - o.spunChangeRate + 0.1), because: 'aligned runs with dense word swaps' };
  }
  const quotedAndShared = f.shared_quotes >= 1 && f.share_small >= o.rewriteQuoteShare;
  if (f.share_small >= o.rewriteShare || quotedAndShared || f.longest_run >= o.rewriteRun) {
    const m = Math.max(f.share_small - o.rewriteShare, (f.longest_run - o.rewriteRun) / 40, quotedAndShared ? 0.1 : -1);
    return { relation: 'rewrite', confidence: confidenceFrom(m + 0.1), because: 'facts and wording of the other retold, with passages or quotes reused' };
  }
  const topic = f.topic_cosine + f.entity_overlap;
  const sameTime = f.date_gap_days < 0 || f.date_gap_days <= o.sameEventMaxDays;
  if (topic >= o.sameEventTopic && sameTime) {
    // Same event, and more than facts in common: the wording or the credit points to one source.
    if (f.share_small >= o.siblingShare && f.longest_run >= o.siblingRun) {
      return { relation: 'rewrite', confidence: confidenceFrom(f.share_small), because: 'same event retold with some of the same wording' };
    }
    if (f.shared_credit > 0) {
      return { relation: 'rewrite', confidence: 0.6, because: 'same event, and one credits the other or both credit the same outlet' };
    }
    return { relation: 'same_event', confidence: confidenceFrom(topic - o.sameEventTopic + 0.1), because: 'shared names and rare terms, no shared wording' };
  }
  if (f.topic_cosine >= o.relatedCosine || f.entity_overlap >= o.relatedEntities) {
    const because = sameTime ? 'same topic or actors' : `same topic or actors, ${Math.round(f.date_gap_days)} days apart`;
    return { relation: 'related', confidence: confidenceFrom(f.topic_cosine - o.relatedCosine + 0.1), because };
  }
  return { relation: 'unrelated', confidence: confidenceFrom(o.relatedCosine - f.topic_cosine + 0.1), because: 'little in common' };
}
