import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { classifyPair } from './classify.js';
import type { PairFeatures } from './features.js';

/** Features of a pair with nothing in common; each test sets what its case has. */
function features(over: Partial<PairFeatures>): PairFeatures {
  return {
    share_a: 0, share_b: 0, share_small: 0, share_large: 0, length_ratio: 1, identical: 0, synonym_rate: 0, replaced_rate: 0,
    longest_run: 0, order_kept: 1, passages: 0, contiguity: 0, topic_cosine: 0, entity_overlap: 0, shared_entities: 0,
    number_overlap: 0, shared_quotes: 0, broken_a: 0, broken_b: 0, unquoted_share_a: 0, unquoted_share_b: 0,
    unquoted_share_small: 0, shared_credit: 0, date_gap_days: -1, lemma_containment_a: 0, lemma_containment_b: 0,
    content_tokens_a: 0, content_tokens_b: 0, derived_sentences_a: 0, derived_sentences_b: 0, in_order_sentences_a: 0,
    in_order_sentences_b: 0, unquoted_run8_a: 0, unquoted_run8_b: 0,
    ...over,
  };
}

const whole = { share_a: 1, share_b: 1, share_small: 1, share_large: 1, passages: 1, contiguity: 1, topic_cosine: 1, entity_overlap: 1 };

test('each relation of the SPEC has a case that yields it', () => {
  const cases: Array<[string, Partial<PairFeatures>]> = [
    ['duplicate', { ...whole, identical: 1, longest_run: 500 }],
    ['near_duplicate', { ...whole, share_a: 0.9, share_small: 0.9, identical: 0.95, longest_run: 200 }],
    ['spun_copy', { ...whole, identical: 0.7, synonym_rate: 0.12, replaced_rate: 0.1, longest_run: 30 }],
    ['excerpt', { ...whole, share_large: 0.2, share_a: 0.2, length_ratio: 0.3, identical: 0.98, longest_run: 120 }],
    ['abridged', { ...whole, share_large: 0.45, share_a: 0.45, length_ratio: 0.5, identical: 0.75, contiguity: 0.8, longest_run: 15 }],
    ['rewrite', { share_a: 0.2, share_b: 0.3, share_small: 0.3, share_large: 0.2, identical: 0.8, longest_run: 20, passages: 4, topic_cosine: 0.6 }],
    ['same_event', { topic_cosine: 0.45, entity_overlap: 0.45 }],
    ['related', { topic_cosine: 0.3, entity_overlap: 0.2 }],
    ['unrelated', { topic_cosine: 0.05 }],
  ];
  for (const [want, f] of cases) assert.equal(classifyPair(features(f)).relation, want, want);
});

test('same event, but with shared wording or a shared credited source, is a rewrite (siblings)', () => {
  const same = { topic_cosine: 0.5, entity_overlap: 0.5 };
  assert.equal(classifyPair(features({ ...same, share_small: 0.08, longest_run: 9, passages: 1 })).relation, 'rewrite');
  assert.equal(classifyPair(features({ ...same, shared_credit: 1 })).relation, 'rewrite');
  assert.equal(classifyPair(features({ ...same, share_small: 0.08, longest_run: 4, passages: 1 })).relation, 'same_event');
});

test('reports of one topic months apart are related, not the same event', () => {
  assert.equal(classifyPair(features({ topic_cosine: 0.5, entity_overlap: 0.5, date_gap_days: 120 })).relation, 'related');
});

test('confidence is always in [0.5, 0.99]', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  fc.assert(
    fc.property(unit, unit, unit, unit, unit, fc.integer({ min: 0, max: 300 }), (s1, s2, id, syn, cos, run) => {
      const c = classifyPair(features({ share_a: s1, share_b: s2, share_small: Math.min(s1, s2), share_large: Math.max(s1, s2), identical: id, synonym_rate: syn * (1 - id), topic_cosine: cos, entity_overlap: cos, longest_run: run, passages: run > 0 ? 1 : 0 }));
      assert.ok(c.confidence >= 0.5 && c.confidence <= 0.99, String(c.confidence));
    }),
    { numRuns: 500, seed: 5 },
  );
});
