import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from './sqlite.js';
import { makeTestArticle } from './contract.js';

/** A store whose bucket tail flushes every few rows, so runs and merges happen in a small test. */
async function tinyTailStore(tailRows: number, fanIn = 2): Promise<SqliteStore> {
  return SqliteStore.open(':memory:', { buckets: { tailRows, fanIn } });
}

/** Adds test articles from … to (inclusive), article n with the bucket keys keysOf(n); their ids. */
async function addKeyed(store: SqliteStore, from: number, to: number, keysOf: (n: number) => number[]): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n <= to; n++) {
    const a = makeTestArticle(n);
    ids.push(a.id);
    await store.addArticle(a, { fingerprints: [], bucketKeys: keysOf(n) });
  }
  return ids;
}

test('flushed runs and merged levels answer exactly like one table', async () => {
  const store = await tinyTailStore(7, 2);
  const ids = await addKeyed(store, 1, 40, (n) => [n % 5, 100 + (n % 3), 1000 + n]);
  const layout = store.bucketLayout();
  assert.ok(layout.some((t) => t.level >= 1), `expected merged runs, got ${JSON.stringify(layout)}`);
  assert.equal(layout.reduce((s, t) => s + t.rows, 0), 120);
  const found = await store.findByBucketKeys([0, 100, 1010]);
  for (let n = 1; n <= 40; n++) {
    const want = (n % 5 === 0 ? 1 : 0) + (n % 3 === 0 ? 1 : 0) + (n === 10 ? 1 : 0);
    assert.equal(found.get(ids[n - 1]) ?? 0, want, `article ${n}`);
  }
  await store.close();
});

test('a key pair added again after it was flushed is still counted once', async () => {
  const store = await tinyTailStore(3);
  const a = makeTestArticle(1);
  await store.addArticle(a, { fingerprints: [], bucketKeys: [1, 2, 3] });
  assert.equal(store.bucketLayout()[0].rows, 0, 'the tail was flushed');
  await store.addBucketKeys(a.id, [2, 4]);
  assert.deepEqual([...(await store.findByBucketKeys([1, 2, 3, 4]))], [[a.id, 4]]);
  await store.close();
});

/** Key lists of up to 25 articles, keys in [0, maxKey]; and query key lists. */
const keyListsUpTo = (maxKey: number) => fc.array(fc.array(fc.integer({ min: 0, max: maxKey }), { maxLength: 8 }), { minLength: 1, maxLength: 25 });
const queryUpTo = (maxKey: number) => fc.array(fc.integer({ min: 0, max: maxKey }), { maxLength: 10 });

/** A tiny-tail store holding article i + 1 with keyLists[i]; the articles in store order. */
async function storeWith(keyLists: number[][], tailRows: number): Promise<{ store: SqliteStore; articles: ReturnType<typeof makeTestArticle>[] }> {
  const store = await tinyTailStore(tailRows, 2);
  const articles = keyLists.map((_, i) => makeTestArticle(i + 1));
  for (let i = 0; i < keyLists.length; i++) await store.addArticle(articles[i], { fingerprints: [], bucketKeys: keyLists[i] });
  return { store, articles };
}

test('property: any sequence of additions gives the counts of a plain in-memory index', async () => {
  await fc.assert(
    fc.asyncProperty(
      keyListsUpTo(30),
      fc.integer({ min: 1, max: 12 }),
      queryUpTo(30),
      async (keyLists, tailRows, query) => {
        const { store, articles } = await storeWith(keyLists, tailRows);
        const want = new Map<string, number>();
        articles.forEach((a, i) => {
          const n = new Set(query.filter((k) => keyLists[i].includes(k))).size;
          if (n > 0) want.set(a.id, n);
        });
        const got = await store.findByBucketKeys(query);
        await store.close();
        assert.deepEqual([...got].sort(), [...want].sort());
      },
    ),
    { numRuns: 40, seed: 7 },
  );
});

test('property: bounded queries over runs, and over the one run compaction leaves, give the counts of a plain index with the same bounds', async () => {
  await fc.assert(
    fc.asyncProperty(
      keyListsUpTo(12),
      fc.integer({ min: 1, max: 12 }),
      queryUpTo(12),
      fc.record({ maxPostings: fc.integer({ min: 1, max: 8 }), common: fc.constantFrom<'skip' | 'first'>('skip', 'first'), minShared: fc.integer({ min: 1, max: 3 }), top: fc.integer({ min: 1, max: 30 }) }),
      async (keyLists, tailRows, query, bounds) => {
        const { store, articles } = await storeWith(keyLists, tailRows);
        // the first article's keys again, after flushes: pairs stored twice must count once
        await store.addBucketKeys(articles[0].id, keyLists[0]);
        const counts = new Map<string, number>();
        for (const key of new Set(query)) {
          let holders = articles.filter((_, i) => keyLists[i].includes(key)); // insertion order = store order
          if (holders.length > bounds.maxPostings) holders = bounds.common === 'skip' ? [] : holders.slice(0, bounds.maxPostings);
          for (const a of holders) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
        }
        const want = [...counts]
          .filter(([, n]) => n >= bounds.minShared)
          .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
          .slice(0, bounds.top)
          .sort((x, y) => (x[0] < y[0] ? -1 : 1));
        const got = await store.findByBucketKeys(query, bounds);
        const parts = await store.compactIndex();
        const layout = store.bucketLayout();
        const compacted = await store.findByBucketKeys(query, bounds);
        await store.close();
        assert.deepEqual([...got], want);
        assert.deepEqual([...compacted], want, 'after compaction');
        assert.equal(layout[0].rows, 0, 'the tail is flushed');
        assert.ok(layout.length <= 2 && parts.after <= 1 && parts.before >= parts.after, JSON.stringify({ layout, parts }));
      },
    ),
    { numRuns: 60, seed: 11 },
  );
});

test('runs without a readable filter (older stores, other formats) are read in full, and the next add builds their filters', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-filter-'));
  const file = join(dir, 'f.db');
  try {
    const keysOf = (n: number) => [n % 5, 100 + (n % 3), 1000 + n];
    const buckets = { tailRows: 7, fanIn: 2, filterFromLevel: 0 };
    let store = await SqliteStore.open(file, { buckets });
    for (let n = 1; n <= 30; n++) await store.addArticle(makeTestArticle(n), { fingerprints: [], bucketKeys: keysOf(n) });
    const query = [0, 100, 1010, 4242];
    const want = [...(await store.findByBucketKeys(query))];
    await store.close();
    const raw = new Database(file);
    const runs = raw.prepare(`SELECT name, filter FROM bucket_runs`).all() as Array<{ name: string; filter: string | null }>;
    assert.ok(runs.length >= 2 && runs.every((r) => r.filter === 'bbf2'), JSON.stringify(runs));
    // as a schema 3 store left them (no filter), and one run with a format from the future
    raw.exec(`UPDATE bucket_runs SET filter = NULL; DELETE FROM bucket_filters`);
    raw.prepare(`UPDATE bucket_runs SET filter = 'bbf9' WHERE name = ?`).run(runs[0].name);
    raw.close();
    store = await SqliteStore.open(file, { buckets });
    assert.deepEqual([...(await store.findByBucketKeys(query))], want);
    await store.addArticle(makeTestArticle(31), { fingerprints: [], bucketKeys: [9999] });
    assert.deepEqual([...(await store.findByBucketKeys(query))], want);
    await store.close();
    const after = new Database(file, { readonly: true });
    const filters = after.prepare(`SELECT filter FROM bucket_runs`).pluck().all() as Array<string | null>;
    after.close();
    // the run with the unknown format keeps it (a newer build may read it); the others have one now
    assert.equal(filters.filter((f) => f === null).length, 0, JSON.stringify(filters));
    store = await SqliteStore.open(file, { readonly: true });
    assert.deepEqual([...(await store.findByBucketKeys(query))], want);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('small runs, written without a filter, get one in memory that loses no key', async () => {
  // filterFromLevel above every run: each run's filter is built when it is first read
  const store = await SqliteStore.open(':memory:', { buckets: { tailRows: 7, fanIn: 2, filterFromLevel: 99 } });
  const keysOf = (n: number) => [n % 5, 100 + (n % 7), 1000 + n, 5000 + Math.floor(n / 3)];
  const articles = Array.from({ length: 40 }, (_, i) => makeTestArticle(i + 1));
  for (const [i, a] of articles.entries()) await store.addArticle(a, { fingerprints: [], bucketKeys: keysOf(i + 1) });
  assert.ok(store.bucketLayout().filter((t) => t.level >= 0).length >= 2, 'several runs');
  const universe = [...new Set(articles.flatMap((_, i) => keysOf(i + 1)))];
  for (const key of [...universe, 424242]) {
    const want = articles.filter((_, i) => keysOf(i + 1).includes(key)).map((a) => a.id).sort();
    assert.deepEqual([...(await store.findByBucketKeys([key])).keys()].sort(), want, `key ${key}`);
  }
  await store.close();
});

test('a reading connection forgets the runs another connection merged away', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-forget-'));
  const file = join(dir, 'f.db');
  try {
    const buckets = { tailRows: 5, fanIn: 2 };
    const writer = await SqliteStore.open(file, { buckets });
    const reader = await SqliteStore.open(file, { buckets });
    // the index's open runs (private): what the reader holds in memory
    const openRuns = (s: SqliteStore): number => (s as unknown as { buckets: { runs: Map<string, unknown> } }).buckets.runs.size;
    for (let n = 1; n <= 60; n++) {
      await writer.addArticle(makeTestArticle(n), { fingerprints: [], bucketKeys: [n % 4, 50 + n] });
      await reader.findByBucketKeys([0, 1, 2, 3]);
      const runs = reader.bucketLayout().filter((t) => t.level >= 0).length;
      assert.ok(openRuns(reader) <= runs, `after ${n}: ${openRuns(reader)} open, ${runs} stored`);
    }
    await writer.close();
    await reader.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compaction merges every run and the tail into one, and later additions flush and merge as before', async () => {
  const store = await tinyTailStore(4, 3);
  const keysOf = (n: number) => [n % 4, 50 + (n % 7), 1000 + n];
  await addKeyed(store, 1, 30, keysOf);
  const query = [0, 1, 50, 53, 1007];
  const before = await store.findByBucketKeys(query);
  const runsBefore = store.bucketLayout().length - 1;
  assert.ok(runsBefore > 2, `several runs to merge, got ${runsBefore}`);
  assert.deepEqual(await store.compactIndex(), { before: runsBefore + (store.bucketLayout()[0].rows > 0 ? 1 : 0), after: 1 });
  const [tail, run] = store.bucketLayout();
  assert.deepEqual([tail.rows, run.rows], [0, 90]);
  assert.deepEqual(await store.findByBucketKeys(query), before);
  assert.deepEqual(await store.compactIndex(), { before: 1, after: 1 }, 'nothing left to merge');
  await addKeyed(store, 31, 40, keysOf);
  const found = await store.findByBucketKeys([0]);
  assert.equal(found.size, 10, 'articles 4, 8, … 40 hold key 0');
  await store.close();
});
