import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../store/sqlite.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { readInputs } from '../ingest/read.js';
import { prepareArticle } from '../ingest/prepare.js';
import { classifyPair, DEFAULT_CLASSIFY_OPTIONS } from '../relate/classify.js';
import type { PairFeatures } from '../relate/features.js';
import type { Article } from '../types.js';
import { createEngine } from './engine.js';
import { storeArticle } from './ingest.js';
import { fullTrace, traceArticle, type TraceTimings } from './trace.js';

const examples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'examples');

test('trace answers as a full analysis of every candidate does, and twice the same (cached candidates)', async () => {
  const engine = createEngine();
  const store = await SqliteStore.open(':memory:');
  const index = new StoreCandidateIndex(store, engine.options.index);
  const articles: Article[] = [];
  for await (const raw of readInputs([examples])) {
    if (raw instanceof Error) continue;
    const a = prepareArticle(raw);
    articles.push(a);
    await storeArticle(store, index, engine, a);
  }
  assert.ok(articles.length >= 10);
  let related = 0;
  for (const a of articles.slice(0, 6)) {
    const timings: Partial<TraceTimings> = {};
    const got = await traceArticle(engine, store, a, { limit: 4, timings });
    assert.deepEqual(got, await fullTrace(engine, store, a, { limit: 4 }));
    assert.deepEqual(await traceArticle(engine, store, a, { limit: 4 }), got);
    assert.ok(timings.analysed! <= 4 && timings.candidates! >= timings.analysed!);
    related += got.length;
  }
  assert.ok(related > 6, 'the examples are related to each other');
  await store.close();
});

test('the relation decision does not read broken phrases (trace ranks candidates without them)', () => {
  const base: PairFeatures = {
    share_a: 0.6, share_b: 0.55, share_small: 0.55, share_large: 0.6, length_ratio: 0.9, identical: 0.7, synonym_rate: 0.2, replaced_rate: 0.1,
    longest_run: 20, order_kept: 0.9, passages: 5, contiguity: 0.8, topic_cosine: 0.5, entity_overlap: 0.5, shared_entities: 4, number_overlap: 0.5,
    shared_quotes: 1, broken_a: 0, broken_b: 0, unquoted_share_a: 0.5, unquoted_share_b: 0.5, unquoted_share_small: 0.5, shared_credit: 0,
    date_gap_days: 1, lemma_containment_a: 0.7, lemma_containment_b: 0.7,
  } as PairFeatures;
  for (const share of [0.02, 0.2, 0.5, 0.8, 0.97]) {
    const f = { ...base, share_a: share, share_b: share, share_small: share, share_large: share, unquoted_share_small: share };
    assert.deepEqual(classifyPair({ ...f, broken_a: 7, broken_b: 3 }, DEFAULT_CLASSIFY_OPTIONS), classifyPair(f, DEFAULT_CLASSIFY_OPTIONS));
  }
});
