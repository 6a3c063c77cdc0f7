import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../engine/engine.js';
import { ingestPaths } from '../engine/ingest.js';
import { articleEntityKeys } from '../engine/trace.js';
import { compareArticles } from '../engine/engine.js';
import { prepareArticle } from '../ingest/prepare.js';
import { SqliteStore } from '../store/sqlite.js';
import { ingestParallel } from './ingest.js';
import { nameKeys } from './prepare-doc.js';
import { nameKey, type BucketKey } from '../fingerprint/keys.js';
import { relatePairsParallel } from './relate.js';

const engine = createEngine();

const PARAGRAPHS = [
  'The Ministry of Water in Port Alder said on Monday that the new dam on the Vessa River would open in May, two years late.',
  'Minister Clara Osei told reporters that the delay came from a dispute with the builder, Harlow Construction, over the price of steel.',
  '"We will not pay twice for the same bridge," Osei said. Farmers near Lake Morrow have waited a decade for the water.',
  'The World Bank, which lent most of the money, declined to comment on the new date.',
];

function writeCorpus(dir: string): string[] {
  const texts = [
    PARAGRAPHS.join('\n\n'),
    PARAGRAPHS.slice(0, 3).join('\n\n'),
    PARAGRAPHS.join('\n\n').replace('dispute', 'quarrel').replace('reporters', 'journalists'),
    PARAGRAPHS.join('\n\n'), // a duplicate
    'Heavy snow closed the northern pass on Tuesday. Drivers were told to wait in Kell until the ploughs arrived.',
  ];
  return texts.map((t, i) => {
    const path = join(dir, `doc${i}.txt`);
    writeFileSync(path, `Dam opening delayed ${i === 3 ? 0 : i}\n\n${t}\n`);
    return path;
  });
}

test('name keys without the lexicon equal articleEntityKeys', () => {
  const a = prepareArticle({ source: 'x', kind: 'text', body: PARAGRAPHS.join('\n\n'), meta: {} });
  assert.deepEqual(nameKeys(a), articleEntityKeys(engine, a));
  assert.ok(nameKeys(a).includes(nameKey('harlow construction')));
});

test('property: name keys read from name tokens equal those of every token (capitals, connectors, sentence starts)', () => {
  // Words that start, join, break and end names, in odd cases and scripts, and punctuation
  // that ends sentences or cuts words.
  const word = fc.constantFrom(
    'Harlow', 'Construction', 'Bank', 'World', 'of', 'for', 'and', 'de', 'on', 'in', 'the', 'The', 'OF', 'oF', 'tHe',
    'Of', 'was', 'Osei’s', "Osei's", 'U.S.', 'A', 'a', 'İstanbul', 'Élysée', 'said', 'reporters', '2024', 'Lake-Morrow',
    'well-being', 'x', 'IT', 'it', 'fOR',
  );
  const glue = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '? ', '\n\n', ' – ', ' "', '" ');
  const text = fc.array(fc.tuple(word, glue), { minLength: 1, maxLength: 40 }).map((ps) => ps.map(([w, g]) => w + g).join(''));
  const sameKeys = (body: string): BucketKey[] => {
    const a = prepareArticle({ source: 'x', kind: 'text', body, meta: {} });
    assert.deepEqual(nameKeys(a), articleEntityKeys(engine, a));
    return nameKeys(a);
  };
  // Other words run on into the next sentence, where a lone capitalised word is a name
  // because it does not open its sentence.
  assert.ok(sameKeys('Officials said reporters waited.\n\nreporters said Harlow was late.').includes(nameKey('harlow')));
  fc.assert(fc.property(text, (body) => void sameKeys(body)), { numRuns: 300, seed: 7 });
});

test('ingestParallel stores what ingestPaths stores, events in input order, whatever the write group', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-par-'));
  try {
    const corpus = writeCorpus(dir);
    // An unreadable input in the middle: its error must come after the documents before it,
    // even when those wait in a write group.
    const paths = [...corpus.slice(0, 2), join(dir, 'missing.txt'), ...corpus.slice(2)];
    const serial = await SqliteStore.open(join(dir, 'serial.db'));
    const want = [];
    for await (const e of ingestPaths(serial, paths, engine)) want.push(e);
    assert.deepEqual(want.map((e) => e.kind), ['added', 'added', 'error', 'added', 'duplicate', 'added']);
    const keys = ['osei', 'harlow construction'].map(nameKey);
    for (const writeGroup of [1, 3, 512]) {
      const parallel = await SqliteStore.open(join(dir, `parallel-${writeGroup}.db`));
      const got = [];
      for await (const e of ingestParallel(parallel, paths, engine.options, { workers: 2, batchSize: 2, writeGroup })) got.push(e);
      assert.deepEqual(got, want, `writeGroup ${writeGroup}`);
      for (const e of got) {
        if (e.kind !== 'added') continue;
        assert.deepEqual(await parallel.getFingerprint(e.id, 'fingerprint'), await serial.getFingerprint(e.id, 'fingerprint'));
      }
      assert.deepEqual(await parallel.findByBucketKeys(keys), await serial.findByBucketKeys(keys));
      await parallel.close();
    }
    await serial.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('relatePairsParallel gives the relations compareArticles gives, in pair order', async () => {
  const texts = [PARAGRAPHS.join('\n\n'), PARAGRAPHS.slice(1, 3).join('\n\n'), 'Heavy snow closed the northern pass on Tuesday near Kell.'];
  const arts = texts.map((body, i) => ({ ...prepareArticle({ source: `t${i}`, kind: 'text', body, meta: {} }), id: `id${i}` }));
  const byId = new Map(arts.map((a) => [a.id, a]));
  const pairs: Array<[string, string]> = [['id0', 'id1'], ['id0', 'id2'], ['id1', 'id2']];
  const got = await relatePairsParallel(engine.options, (id) => byId.get(id), pairs, {}, { workers: 2, chunk: 1 });
  const want = pairs.map(([x, y]) => compareArticles(engine, byId.get(x)!, byId.get(y)!));
  assert.deepEqual(got, want);
  assert.notEqual(got[0].relation, 'unrelated');
});

test('with corpusContext, workers judge pairs as analyzeStore does (analyzeAll + relatePairs)', async () => {
  const { analyzeAll, relatePairs } = await import('../engine/corpus.js');
  const { corpusContext } = await import('./relate.js');
  const texts = [PARAGRAPHS.join('\n\n'), PARAGRAPHS.slice(0, 3).join('\n\n').replace('dispute', 'quarrel'), PARAGRAPHS.slice(2).join('\n\n')];
  const arts = texts.map((body, i) => prepareArticle({ source: `c${i}`, kind: 'text', body: `Dam news ${i}\n\n${body}`, meta: {} }));
  const docs = analyzeAll(engine, arts);
  const byId = new Map(docs.map((d) => [d.article.id, d]));
  const ids = docs.map((d) => d.article.id);
  const pairs = [`${ids[0]}|${ids[1]}`, `${ids[0]}|${ids[2]}`, `${ids[1]}|${ids[2]}`] as const;
  const want = relatePairs(engine, byId, pairs as unknown as `${string}|${string}`[]);
  const got = await relatePairsParallel(engine.options, (id) => byId.get(id)?.article, pairs, corpusContext(engine, docs), { workers: 2, chunk: 2 });
  assert.deepEqual(got, want);
});

test('analyzeStore on 2 threads stores and returns what it does on one', async () => {
  const { analyzeStore } = await import('../engine/analyze-store.js');
  const dir = mkdtempSync(join(tmpdir(), 'st-par-'));
  try {
    const paths = writeCorpus(dir);
    const results = [];
    for (const workers of [1, 2]) {
      const store = await SqliteStore.open(join(dir, `w${workers}.db`));
      for await (const e of ingestPaths(store, paths, engine)) assert.notEqual(e.kind, 'error');
      results.push({ analysis: await analyzeStore(engine, store, { workers }), relations: await store.getRelations(), stories: await store.getStories() });
      await store.close();
    }
    assert.ok(results[0].relations.length >= 3, 'the corpus has relations');
    assert.deepEqual(results[1], results[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
