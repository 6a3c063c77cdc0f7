import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../store/sqlite.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { readInputs } from '../ingest/read.js';
import { prepareArticle } from '../ingest/prepare.js';
import { classifyPair, DEFAULT_CLASSIFY_OPTIONS } from '../relate/classify.js';
import { readsBrokenPhrases } from '../relate/relate.js';
import type { PairFeatures } from '../relate/features.js';
import type { Article } from '../types.js';
import { createEngine } from './engine.js';
import { storeArticle } from './ingest.js';
import { fullTrace, traceArticle, traceOnShards, type TraceTimings } from './trace.js';
import { splitByLength } from './trace-split.js';
import { TraceShard } from './trace-shard.js';
import { ParallelTracer } from '../parallel/trace.js';

const examples = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'examples');

async function exampleStore(engine = createEngine()) {
  const store = await SqliteStore.open(':memory:');
  const index = new StoreCandidateIndex(store, engine.options.index);
  const articles: Article[] = [];
  for await (const raw of readInputs([examples])) {
    if (raw instanceof Error) continue;
    const a = prepareArticle(raw);
    articles.push(a);
    await storeArticle(store, index, engine, a);
  }
  return { engine, store, articles };
}

test('trace answers as a full analysis of every candidate does, and twice the same (cached candidates)', async () => {
  const { engine, store, articles } = await exampleStore();
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

test('a trace split over shards, in this thread or on worker threads, answers as one shard does', async () => {
  const { engine, store, articles } = await exampleStore();
  const tracer = new ParallelTracer(engine, { threads: 2 });
  try {
    const three = [new TraceShard(engine), new TraceShard(engine), new TraceShard(engine)];
    for (const a of articles.slice(0, 5)) {
      const one = await traceArticle(engine, store, a, { limit: 6 });
      assert.ok(one.length > 0);
      assert.deepEqual(await traceOnShards(engine, store, a, three, { limit: 6 }), one);
      assert.deepEqual(await tracer.trace(store, a, { limit: 6 }), one);
    }
  } finally {
    await tracer.close();
    await store.close();
  }
});

test('a shard refuses to finish a trace it did not rank, and the split balances text length', () => {
  const engine = createEngine();
  assert.throws(() => new TraceShard(engine).finish({ traceId: 99, known: [], shown: [] }), /not open/);
  const doc = (id: string, n: number) => ({ id, text: 'x'.repeat(n) }) as Article;
  const parts = splitByLength([doc('a', 10), doc('b', 50), doc('c', 30), doc('d', 25), doc('e', 5)], 2);
  assert.deepEqual(parts.map((p) => p.map((d) => d.id)), [['b', 'a'], ['c', 'd', 'e']]);
  assert.deepEqual(splitByLength([], 3), [[], [], []]);
  // on top of loads the shards already carry
  const loaded = splitByLength([doc('a', 10), doc('b', 50), doc('c', 30)], 2, [70, 0]);
  assert.deepEqual(loaded.map((p) => p.map((d) => d.id)), [['a'], ['b', 'c']]);
});

test('a shard given the candidates of a trace in two jobs ranks and finishes them as from one job', async () => {
  const { engine, store, articles } = await exampleStore();
  try {
    const [me, ...others] = articles.slice(0, 7);
    const whole = new TraceShard(engine);
    const split = new TraceShard(engine);
    const one = whole.rank({ traceId: 1, article: me, candidates: others });
    const first = split.rank({ traceId: 1, article: me, candidates: others.slice(0, 2) });
    const second = split.rank({ traceId: 1, article: me, candidates: others.slice(2) });
    assert.deepEqual([...first.ranked, ...second.ranked], one.ranked);
    const known = [...one.names, ...one.ranked.flatMap((r) => r.names)];
    const shown = others.map((a) => a.id);
    assert.deepEqual(split.finish({ traceId: 1, known, shown }).relations, whole.finish({ traceId: 1, known, shown }).relations);
  } finally {
    await store.close();
  }
});

test('a shard re-analyses a cached candidate whose stored record changed', async () => {
  const { engine, articles } = await exampleStore();
  const [me, other] = articles;
  const shard = new TraceShard(engine);
  const gap = (candidate: Article, traceId: number): number => {
    shard.rank({ traceId, article: me, candidates: [candidate] });
    const [relation] = shard.finish({ traceId, known: [], shown: [candidate.id] }).relations;
    return relation.features.date_gap_days;
  };
  const first = gap(other, 1);
  assert.equal(gap(structuredClone(other), 2), first, 'an equal record gives the same answer (whether cached or not: the next assertion is the one a cache ignoring changes fails)');
  const moved = { ...other, published: '1990-01-01' };
  assert.notEqual(gap(moved, 3), first, 'a record with another date is analysed again');
});

test('a shard caches a candidate met a second time, not one met once, and answers alike either way', async () => {
  const { engine, articles } = await exampleStore();
  const [me, ...others] = articles;
  const shard = new TraceShard(engine);
  const answer = (traceId: number, candidates: Article[]) => {
    const ranked = shard.rank({ traceId, article: me, candidates }).ranked;
    return shard.finish({ traceId, known: [], shown: ranked.map((r) => r.key.b) }).relations;
  };
  const first = answer(1, others.slice(0, 3));
  assert.equal(shard.cachedBases, 0, 'met once: not kept');
  assert.deepEqual(answer(2, others.slice(0, 3)), first);
  assert.equal(shard.cachedBases, 3, 'met again: kept');
  assert.deepEqual(answer(3, others.slice(0, 3)), first);
  answer(4, others.slice(3, 5));
  assert.equal(shard.cachedBases, 3);
});

test("a shard finishing with the traced article's broken WordNet expressions found by another shard answers as if it found them", async () => {
  const { engine, store, articles } = await exampleStore();
  try {
    let derived = 0;
    for (const [k, me] of articles.entries()) {
      const others = articles.filter((_, j) => j !== k);
      const own = new TraceShard(engine);
      const helped = new TraceShard(engine);
      const helper = new TraceShard(engine);
      const one = own.rank({ traceId: 1, article: me, candidates: others });
      helped.rank({ traceId: 1, article: me, candidates: others });
      const asked = helper.rank({ traceId: 1, article: me, candidates: [], findWordNetBroken: true });
      assert.ok(Array.isArray(asked.wordNetBroken));
      assert.equal(one.wordNetBroken, undefined, 'found only when asked');
      const known = [...one.names, ...one.ranked.flatMap((r) => r.names)];
      const shown = one.ranked.filter((r) => readsBrokenPhrases(r.key.relation)).map((r) => r.key.b);
      derived += shown.length;
      const mine = own.finish({ traceId: 1, known, shown }).relations;
      assert.deepEqual(helped.finish({ traceId: 1, known, shown, wordNetBroken: asked.wordNetBroken }).relations, mine);
    }
    assert.ok(derived > 0, 'the examples hold derived pairs, whose finish reads broken phrases');
  } finally {
    await store.close();
  }
});
