import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteStore } from '../store/sqlite.js';
import { prepareArticle } from '../ingest/prepare.js';
import { DEFAULT_INDEX_PARAMS, resolveIndexParams } from '../fingerprint/params.js';
import { fingerprintText } from '../fingerprint/index.js';
import { StoreCandidateIndex, FINGERPRINT_KIND } from '../fingerprint/candidates.js';
import { nameKeys } from '../parallel/prepare-doc.js';
import { reindexStore } from './reindex.js';

const TEXT = [
  'Harbour officials in Caldera Bay closed the northern pier on Tuesday after a crane collapsed onto a fishing boat, Mayor Ines Okafor said.',
  'Nobody was hurt, but the pier will stay shut while engineers from Delmont Structural inspect the remaining cranes, the port authority said in a statement.',
  'Fishermen said the closure would cost them a week of catches at the height of the season.',
].join('\n\n');

async function drain<T>(it: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('reindex gives unindexed articles the fingerprint and keys add would have written, once', async () => {
  const store = await SqliteStore.open(':memory:');
  const a = prepareArticle({ source: 'a.txt', kind: 'text', body: TEXT, meta: {} });
  const b = prepareArticle({ source: 'b.txt', kind: 'text', body: TEXT.replace('Tuesday', 'Wednesday'), meta: {} });
  await store.addArticles([{ article: a }, { article: b }]);
  assert.equal(await store.getFingerprint(a.id, FINGERPRINT_KIND), null);
  const runs = await drain(reindexStore(store, DEFAULT_INDEX_PARAMS, 1));
  assert.deepEqual(runs.at(-1), { seen: 2, indexed: 2 });
  const found = await new StoreCandidateIndex(store, DEFAULT_INDEX_PARAMS).query(fingerprintText(a.text, a.sentences, DEFAULT_INDEX_PARAMS), { excludeId: a.id });
  assert.deepEqual(found.map((c) => c.id), [b.id]);
  assert.ok((await store.findByBucketKeys(nameKeys(a))).get(b.id)! > 0, 'name keys written');
  assert.deepEqual((await drain(reindexStore(store, DEFAULT_INDEX_PARAMS))).at(-1), { seen: 2, indexed: 0 });
  await store.close();
});

test('reindex refuses a store indexed with other parameters', async () => {
  const store = await SqliteStore.open(':memory:');
  await drain(reindexStore(store, DEFAULT_INDEX_PARAMS));
  await assert.rejects(drain(reindexStore(store, resolveIndexParams({ seed: 42 }))), /other index parameters/);
  await store.close();
});
