import { prepareArticle } from '../ingest/prepare.js';
import type { PairRelation } from '../types.js';
import { compareArticles, type Engine } from './engine.js';

/** Compares two plain texts (no files, no store): what evaluations and the API's paste box use. */
export function compareTexts(engine: Engine, aText: string, bText: string, aName = 'a', bName = 'b'): PairRelation {
  const a = prepareArticle({ source: aName, kind: 'text', body: aText, meta: {} });
  const b = prepareArticle({ source: bName, kind: 'text', body: bText, meta: {} });
  return compareArticles(engine, a, b);
}

/**
 * How likely two texts report the same story, in [0, 1], from their relation: derived text
 * ranks above same-event reporting, which ranks above mere topic overlap; within a band, the
 * evidence (reuse share, topic similarity, shared names) orders the pairs.
 */
export function sameStoryScore(r: PairRelation): number {
  const f = r.features;
  const topic = 0.5 * (f.topic_cosine ?? 0) + 0.5 * (f.entity_overlap ?? 0);
  switch (r.relation) {
    case 'duplicate':
    case 'near_duplicate':
    case 'spun_copy':
    case 'excerpt':
    case 'abridged':
    case 'rewrite':
      return 0.75 + 0.25 * Math.max(r.share_a, r.share_b, topic);
    case 'same_event':
      return 0.5 + 0.25 * topic;
    case 'related':
      return 0.25 + 0.25 * topic;
    default:
      return 0.25 * topic;
  }
}

/**
 * How much of one side of a pair derives from the other, in [0, 1]: mostly the share of its
 * content words the other text also uses (derivation keeps facts and vocabulary even when it
 * rewords), plus a quarter weight of the aligned-passage share (wording kept in order). The
 * quarter weight was chosen on METER (courts) as the one free parameter; the eval reports it
 * cross-validated. Used where a graded "how derived" is asked for, as in METER's
 * wholly / partially / non-derived.
 */
export function reuseScore(r: PairRelation, side: 'a' | 'b'): number {
  const containment = r.features[side === 'a' ? 'lemma_containment_a' : 'lemma_containment_b'] ?? 0;
  const share = side === 'a' ? r.share_a : r.share_b;
  return (containment + 0.25 * share) / 1.25;
}
