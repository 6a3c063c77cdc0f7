import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../errors.js';
import type { Store } from '../store/store.js';
import { MemoryCandidateIndex, StoreCandidateIndex, type CandidateIndex } from './candidates.js';
import { fingerprintText } from './index.js';
import { DEFAULT_INDEX_PARAMS, type IndexParams } from './params.js';
import { COPY_KINDS, deriveCopy, makeCorpus, render } from './synthetic.js';

/** The five Store methods the candidate index uses, in memory; the rest are not needed here. */
function fakeStore(): Store {
  const settings = new Map<string, string>();
  const blobs = new Map<string, Uint8Array>();
  const buckets = new Map<number, Set<string>>();
  const unused = async (): Promise<never> => {
    throw new Error('not in the fake store');
  };
  return {
    backend: 'sqlite',
    getSetting: async (k) => settings.get(k) ?? null,
    setSetting: async (k, v) => void settings.set(k, v),
    putFingerprint: async (id, kind, data) => void blobs.set(`${id}/${kind}`, data.slice()),
    getFingerprint: async (id, kind) => blobs.get(`${id}/${kind}`) ?? null,
    addBucketKeys: async (id, keys) => {
      for (const k of keys) (buckets.get(k) ?? buckets.set(k, new Set()).get(k)!).add(id);
    },
    findByBucketKeys: async (keys) => {
      const out = new Map<string, number>();
      for (const k of keys) for (const id of buckets.get(k) ?? []) out.set(id, (out.get(id) ?? 0) + 1);
      return out;
    },
    addArticle: unused,
    addArticles: unused,
    getArticle: unused,
    listArticles: unused,
    countArticles: unused,
    putRelations: unused,
    getRelations: unused,
    putStories: unused,
    getStories: unused,
    compactIndex: unused,
    close: async () => {},
  };
}

const P = DEFAULT_INDEX_PARAMS;

/** 60 unrelated articles, 10 of them with five derived copies each. */
async function fillAndQuery(index: CandidateIndex): Promise<{ missed: string[]; falsePairs: number }> {
  const corpus = makeCorpus(3);
  const docs = Array.from({ length: 60 }, (_, i) => corpus.article(100 + i));
  const copies: [string, string, string][] = [];
  for (let i = 0; i < docs.length; i++) {
    await index.add(`d${i}`, fingerprintText(render(docs[i]), null, P));
    if (i >= 10) continue;
    for (const kind of COPY_KINDS) copies.push([`d${i}`, kind, render(deriveCopy(docs[i], kind, i * 5 + 1, corpus.vocabulary))]);
  }
  const missed: string[] = [];
  let falsePairs = 0;
  for (const [source, kind, text] of copies) {
    const got = await index.query(fingerprintText(text, null, P));
    if (!got.some((c) => c.id === source)) missed.push(`${kind} of ${source}`);
    falsePairs += got.filter((c) => c.id !== source).length;
    for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].score >= got[i].score);
  }
  return { missed, falsePairs };
}

test('memory index finds every derived copy and nothing else', async () => {
  const { missed, falsePairs } = await fillAndQuery(new MemoryCandidateIndex(P));
  assert.deepEqual(missed, []);
  assert.equal(falsePairs, 0);
});

test('store-backed index gives the same answers as the memory index', async () => {
  const { missed, falsePairs } = await fillAndQuery(new StoreCandidateIndex(fakeStore(), P));
  assert.deepEqual(missed, []);
  assert.equal(falsePairs, 0);
});

test('a spun copy is found through the stopword sketch, an excerpt by containment', async () => {
  const corpus = makeCorpus(9);
  const doc = corpus.article(5);
  const index = new MemoryCandidateIndex(P);
  await index.add('src', fingerprintText(render(doc), null, P));
  const spun = await index.query(fingerprintText(render(deriveCopy(doc, 'spun', 2, corpus.vocabulary)), null, P));
  assert.equal(spun[0]?.sketch, 'stopwords');
  const excerpt = await index.query(fingerprintText(render(deriveCopy(doc, 'excerpt', 2, corpus.vocabulary)), null, P));
  assert.ok(excerpt[0].score > 0.7 && excerpt[0].jaccard < 0.5, JSON.stringify(excerpt[0]));
});

test('a store indexed with other parameters is refused', async () => {
  const store = fakeStore();
  const text = 'The council voted on Monday to close the old bridge over the river for repairs.';
  await new StoreCandidateIndex(store, P).add('a', fingerprintText(text, null, P));
  const other: IndexParams = { ...P, seed: 99 };
  const index = new StoreCandidateIndex(store, other);
  await assert.rejects(index.query(fingerprintText(text, null, other)), (e: unknown) => e instanceof UserError && /seed/.test(e.message));
  await assert.rejects(new StoreCandidateIndex(store, P).query(fingerprintText(text, null, other)), UserError);
});

test('memory index refuses duplicate ids and excludes the query itself on request', async () => {
  const index = new MemoryCandidateIndex(P);
  const fp = fingerprintText('one two three four five six seven eight nine ten', null, P);
  await index.add('x', fp);
  await assert.rejects(index.add('x', fp), UserError);
  assert.deepEqual((await index.query(fp)).map((c) => c.id), ['x']);
  assert.deepEqual(await index.query(fp, { excludeId: 'x' }), []);
});
