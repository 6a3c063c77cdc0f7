/**
 * The contract every Store backend must pass. A backend's test file calls
 * `runStoreContract('sqlite', () => SqliteStore.open(':memory:'))`; each test gets a fresh,
 * empty store from `makeStore` and closes it afterwards, then `cleanup` runs.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../errors.js';
import type { Article, PairRelation } from '../types.js';
import type { Store } from './store.js';
import { encodeArticle } from './encoded-article.js';

/** A small valid article; `n` makes id and hash distinct, `overrides` sets fields. */
export function makeTestArticle(n: number, overrides: Partial<Article> = {}): Article {
  const text = `Headline number ${n}\n\nThe council met on Tuesday and voted ${n} to 2. Share this story.`;
  const bodyStart = text.indexOf('The council');
  return {
    id: n.toString(16).padStart(16, '0'),
    source: `fixture-${n}.txt`,
    title: `Headline number ${n}`,
    outlet: 'The Test Gazette',
    author: null,
    published: null,
    url: null,
    text,
    contentHash: `hash-${n}`,
    boilerplate: [{ start: text.indexOf('Share this'), end: text.length, kind: 'social' }],
    paragraphs: [
      { start: 0, end: text.indexOf('\n') },
      { start: bodyStart, end: text.length },
    ],
    sentences: [{ start: bodyStart, end: text.indexOf('Share this') - 1 }],
    ...overrides,
  };
}

function makeRelation(a: string, b: string, confidence: number): PairRelation {
  return {
    a,
    b,
    relation: 'near_duplicate',
    explanation: 'test relation',
    confidence,
    direction: 'a->b',
    direction_confidence: 0.5,
    direction_reasons: ['earlier date'],
    share_a: 0.9,
    share_b: 0.8,
    passages: [{ a: [0, 10], b: [2, 12], similarity: 1, edits: [{ op: 'same', a: [0, 10], b: [2, 12] }] }],
    substitutions: [],
    features: { jaccard: 0.7 },
  };
}

type MakeStore = () => Promise<Store>;

export function runStoreContract(name: string, makeStore: MakeStore, cleanup?: () => Promise<void> | void): void {
  /** Runs `body` on a fresh store, always closing it. */
  const withStore = (body: (store: Store) => Promise<void>) => async () => {
    const store = await makeStore();
    try {
      await body(store);
    } finally {
      await store.close();
      await cleanup?.();
    }
  };

  describe(`Store contract: ${name}`, () => {
    articleTests(withStore);
    lookupTests(withStore);
    indexTests(withStore);
    relationAndStoryTests(withStore);
  });
}

type WithStore = (body: (store: Store) => Promise<void>) => () => Promise<void>;

function articleTests(withStore: WithStore): void {
  test('an added article reads back unchanged, including non-ASCII text', withStore(async (store) => {
    const article = makeTestArticle(1, { text: 'Zoë said “naïve” — 🚀 launched.', author: 'Zoë Q', published: '2024-03-05' });
    assert.deepEqual(await store.addArticle(article), { id: article.id, status: 'added' });
    assert.deepEqual(await store.getArticle(article.id), article);
    assert.equal(await store.countArticles(), 1);
  }));

  test('same contentHash is a duplicate of the stored article and is not stored again', withStore(async (store) => {
    const first = makeTestArticle(1);
    await store.addArticle(first);
    const again = makeTestArticle(2, { contentHash: first.contentHash, source: 'copy.html' });
    assert.deepEqual(await store.addArticle(again), { id: again.id, status: 'duplicate', duplicateOf: first.id });
    assert.equal(await store.countArticles(), 1);
    assert.equal(await store.getArticle(again.id), null);
  }));

  test('index entries given with an article are stored with it, and not for a duplicate', withStore(async (store) => {
    const first = makeTestArticle(1);
    const index = { fingerprints: [{ kind: 'fingerprint', data: new Uint8Array([1, 2, 3]) }], bucketKeys: [11, 12] };
    await store.addArticle(first, index);
    assert.deepEqual(await store.getFingerprint(first.id, 'fingerprint'), new Uint8Array([1, 2, 3]));
    assert.deepEqual([...(await store.findByBucketKeys([11, 12]))], [[first.id, 2]]);
    const again = makeTestArticle(2, { contentHash: first.contentHash });
    await store.addArticle(again, { fingerprints: [{ kind: 'fingerprint', data: new Uint8Array([9]) }], bucketKeys: [19] });
    assert.equal(await store.getFingerprint(again.id, 'fingerprint'), null);
    assert.equal((await store.findByBucketKeys([19])).size, 0);
  }));

  test('listArticles orders by published date then id, undated last, with limit and offset', withStore(async (store) => {
    await store.addArticle(makeTestArticle(5, { published: '2024-01-02' }));
    await store.addArticle(makeTestArticle(3, { published: null }));
    await store.addArticle(makeTestArticle(4, { published: '2024-01-02' }));
    await store.addArticle(makeTestArticle(9, { published: '2023-12-31T23:00:00Z' }));
    await store.addArticle(makeTestArticle(1, { published: null }));
    const ids = (await store.listArticles()).map((s) => s.id.slice(-1));
    assert.deepEqual(ids, ['9', '4', '5', '1', '3']);
    const page = await store.listArticles({ limit: 2, offset: 1 });
    assert.deepEqual(page.map((s) => s.id.slice(-1)), ['4', '5']);
    const a = makeTestArticle(4, { published: '2024-01-02' });
    assert.deepEqual(page[0], {
      id: a.id, source: a.source, title: a.title, outlet: a.outlet, author: a.author, published: a.published,
      chars: a.text.length,
    });
  }));

  test('settings: missing is null, set replaces', withStore(async (store) => {
    assert.equal(await store.getSetting('index.bands'), null);
    await store.setSetting('index.bands', '16');
    await store.setSetting('index.bands', '32');
    assert.equal(await store.getSetting('index.bands'), '32');
  }));
}

function lookupTests(withStore: WithStore): void {
  test('getArticle takes a unique prefix of 4+ characters; ambiguous or short prefixes are user errors', withStore(async (store) => {
    const a = makeTestArticle(1, { id: 'abcd111100000000' });
    const b = makeTestArticle(2, { id: 'abcd222200000000' });
    await store.addArticle(a);
    await store.addArticle(b);
    assert.equal((await store.getArticle('abcd1'))?.id, a.id);
    assert.equal((await store.getArticle('abcd2222'))?.id, b.id);
    assert.equal(await store.getArticle('ffff'), null);
    assert.equal(await store.getArticle('0000000000000000'), null);
    await assert.rejects(store.getArticle('abcd'), (e: unknown) => e instanceof UserError && /several/.test(e.message));
    await assert.rejects(store.getArticle('abc'), (e: unknown) => e instanceof UserError && /at least 4/.test(e.message));
  }));
}

function indexTests(withStore: WithStore): void {
  test('fingerprints: put, replace by kind, read back as plain Uint8Array', withStore(async (store) => {
    const a = makeTestArticle(1);
    await store.addArticle(a);
    const backing = new Uint8Array([9, 9, 1, 2, 3, 9]);
    await store.putFingerprint(a.id, 'minhash', backing.subarray(2, 5));
    await store.putFingerprint(a.id, 'spinhash', new Uint8Array([7]));
    assert.deepEqual(await store.getFingerprint(a.id, 'minhash'), new Uint8Array([1, 2, 3]));
    await store.putFingerprint(a.id, 'minhash', new Uint8Array([4, 5]));
    assert.deepEqual(await store.getFingerprint(a.id, 'minhash'), new Uint8Array([4, 5]));
    assert.deepEqual(await store.getFingerprint(a.id, 'spinhash'), new Uint8Array([7]));
    assert.equal(await store.getFingerprint(a.id, 'other'), null);
  }));

  test('addArticles stores a batch in input order: duplicates inside it and of stored ones, index entries with each', withStore(async (store) => {
    const stored = makeTestArticle(1);
    await store.addArticle(stored);
    const [b, c] = [makeTestArticle(2), makeTestArticle(3)];
    const cCopy = makeTestArticle(4, { contentHash: c.contentHash });
    const again = makeTestArticle(5, { contentHash: stored.contentHash });
    const fp = (n: number) => ({ fingerprints: [{ kind: 'fingerprint', data: new Uint8Array([n]) }], bucketKeys: [100 + n, 7] });
    const results = await store.addArticles([
      { article: b, index: fp(2) }, { article: c, index: fp(3) }, { article: cCopy, index: fp(4) }, { article: again },
    ]);
    assert.deepEqual(results.map((r) => [r.status, r.duplicateOf ?? null]), [
      ['added', null], ['added', null], ['duplicate', c.id], ['duplicate', stored.id],
    ]);
    assert.equal(await store.countArticles(), 3);
    assert.deepEqual(await store.getFingerprint(c.id, 'fingerprint'), new Uint8Array([3]));
    assert.deepEqual([...(await store.findByBucketKeys([7]))].sort(), [[b.id, 1], [c.id, 1]].sort());
    assert.equal((await store.findByBucketKeys([104])).size, 0);
    assert.deepEqual(await store.addArticles([]), []);
    // Keys repeated inside an article and large keys; a bad key anywhere refuses the whole batch.
    const [d, e] = [makeTestArticle(6), makeTestArticle(7)];
    await store.addArticles([{ article: d, index: { fingerprints: [], bucketKeys: [2 ** 42 + 5, 7, 7] } }]);
    assert.deepEqual([...(await store.findByBucketKeys([2 ** 42 + 5, 7]))].sort(), [[b.id, 1], [c.id, 1], [d.id, 2]].sort());
    await assert.rejects(store.addArticles([{ article: e }, { article: makeTestArticle(8), index: { fingerprints: [], bucketKeys: [-1] } }]), UserError);
    assert.equal(await store.countArticles(), 4);
    // The same article twice in one batch: stored once, the repeat is its duplicate.
    const twice = await store.addArticles([{ article: e }, { article: e }]);
    assert.deepEqual(twice.map((r) => [r.status, r.duplicateOf ?? null]), [['added', null], ['duplicate', e.id]]);
    assert.equal(await store.countArticles(), 5);
  }));

  test('an encoded article and packed keys (what ingest workers send) store exactly what the plain forms do', withStore(async (store) => {
    const plain = makeTestArticle(1);
    const packed = makeTestArticle(2);
    await store.addArticles([
      { article: plain, index: { fingerprints: [], bucketKeys: [2 ** 42 + 1, 9] } },
      { article: encodeArticle(packed), index: { fingerprints: [], bucketKeys: Float64Array.from([2 ** 42 + 1, 9, 9]) } },
    ]);
    assert.deepEqual(await store.getArticle(packed.id), packed);
    assert.deepEqual(await store.getArticle(plain.id), plain);
    assert.deepEqual([...(await store.findByBucketKeys([2 ** 42 + 1, 9]))].sort(), [[plain.id, 2], [packed.id, 2]].sort());
    await store.addBucketKeys(plain.id, Float64Array.from([31]));
    assert.deepEqual([...(await store.findByBucketKeys([31]))], [[plain.id, 1]]);
    await assert.rejects(store.addArticles([{ article: encodeArticle(makeTestArticle(3)), index: { fingerprints: [], bucketKeys: Float64Array.from([0.5]) } }]), UserError);
    assert.equal(await store.countArticles(), 2);
  }));

  test('an id already stored with other content is refused, never taken for a duplicate', withStore(async (store) => {
    const a = makeTestArticle(1);
    await store.addArticle(a);
    const clash = makeTestArticle(2, { id: a.id });
    await assert.rejects(store.addArticles([{ article: clash }]));
    assert.equal(await store.countArticles(), 1);
    assert.deepEqual(await store.getArticle(a.id), a);
  }));

  test('bucket keys must be integers in range; anything else is a user error and nothing is written', withStore(async (store) => {
    const a = makeTestArticle(1);
    await store.addArticle(a);
    for (const bad of ['k1', -1, 1.5, 2 ** 53, Number.NaN]) {
      await assert.rejects(store.addBucketKeys(a.id, [3, bad as number]), (e: unknown) => e instanceof UserError);
    }
    await assert.rejects(store.addArticle(makeTestArticle(2), { fingerprints: [], bucketKeys: ['x' as unknown as number] }), UserError);
    assert.equal(await store.countArticles(), 1);
    assert.equal((await store.findByBucketKeys([3])).size, 0);
  }));

  test('bucket keys: articles sharing keys, counted once per distinct key', withStore(async (store) => {
    for (const n of [1, 2, 3]) await store.addArticle(makeTestArticle(n));
    const [a, b, c] = [1, 2, 3].map((n) => makeTestArticle(n).id);
    await store.addBucketKeys(a, [1, 2, 3]);
    await store.addBucketKeys(b, [2, 3, 3]);
    await store.addBucketKeys(b, [2]);
    await store.addBucketKeys(c, [9, 2 ** 42 + 5]);
    const found = await store.findByBucketKeys([2, 3, 3, 4]);
    assert.deepEqual([...found.entries()].sort(), [[a, 2], [b, 2]]);
    assert.equal((await store.findByBucketKeys([])).size, 0);
    assert.deepEqual([...(await store.findByBucketKeys([2 ** 42 + 5]))], [[c, 1]]);
    const many = Array.from({ length: 5000 }, (_, i) => 1000 + i);
    await store.addBucketKeys(c, many);
    assert.equal((await store.findByBucketKeys(many)).get(c), 5000);
  }));

  test("compacting the index keeps every look-up's answer, and keys added after it are found", withStore(async (store) => {
    for (const n of [1, 2, 3]) await store.addArticle(makeTestArticle(n), { fingerprints: [], bucketKeys: [n, 10, 10 + n] });
    const [a, b, c] = [1, 2, 3].map((n) => makeTestArticle(n).id);
    const before = await store.findByBucketKeys([1, 10, 12, 13]);
    const parts = await store.compactIndex();
    assert.ok(parts === null || parts.after <= parts.before, JSON.stringify(parts));
    assert.deepEqual(await store.findByBucketKeys([1, 10, 12, 13]), before);
    await store.addBucketKeys(b, [1]);
    assert.deepEqual([...(await store.findByBucketKeys([1, 10]))].sort(), [[a, 2], [b, 2], [c, 1]].sort());
  }));

  test('top-k ties go to the smallest ids, whether few or many of the stored articles tie', withStore(async (store) => {
    const ids: string[] = [];
    // key 10,000 + g: the first g of 200 articles, so a look-up of it has g ties
    const groups = [5, 20, 60, 199];
    for (let n = 0; n < 200; n++) {
      const a = makeTestArticle(1000 + n);
      ids.push(a.id);
      await store.addArticle(a, { fingerprints: [], bucketKeys: groups.filter((g) => n < g).map((g) => 10_000 + g) });
    }
    for (const g of groups) {
      const holders = ids.slice(0, g).sort();
      for (const top of [1, 3, g - 1]) {
        const found = await store.findByBucketKeys([10_000 + g], { top });
        assert.deepEqual([...found.keys()], holders.slice(0, top), `${g} ties, top ${top}`);
      }
    }
  }));

  test('bucket query bounds: common keys skipped or cut, minShared, top with ties to the smaller id', withStore(async (store) => {
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const a = makeTestArticle(n);
      ids.push(a.id);
      // key 100: every article (common); key 200: the first three; key 300 + n: one each
      await store.addArticle(a, { fingerprints: [], bucketKeys: n <= 3 ? [100, 200, 300 + n] : [100, 300 + n] });
    }
    const sorted = [...ids].sort();
    const all = [100, 200, 301, 302, 303, 304, 305, 306];
    const skip = await store.findByBucketKeys(all, { maxPostings: 3, common: 'skip' });
    assert.deepEqual([...skip.values()].sort(), [1, 1, 1, 2, 2, 2], 'key 100 (6 articles > 3) counts for nobody');
    // 'first' cuts key 100 to three articles in the store's order; which three is the backend's
    const first = await store.findByBucketKeys(all, { maxPostings: 3, common: 'first' });
    const total = [...first.values()].reduce((s, n) => s + n, 0);
    assert.equal(total, 3 + 3 + 6, 'three postings of key 100, three of 200, one of each 30x');
    assert.deepEqual([...(await store.findByBucketKeys(all, { minShared: 3 })).keys()], ids.slice(0, 3).sort());
    // top 4: the three sharing 3 keys, then of the three tied at 2 the smallest id
    const top = await store.findByBucketKeys(all, { top: 4 });
    const tied = ids.slice(3).sort();
    assert.deepEqual([...top.keys()], [...ids.slice(0, 3), tied[0]].sort());
    assert.deepEqual([...(await store.findByBucketKeys(all, { top: 100 })).keys()], sorted, 'results in id order');
    await assert.rejects(store.findByBucketKeys(all, { top: 0 }), UserError);
  }));
}

function relationAndStoryTests(withStore: WithStore): void {
  test('relations: one row per unordered pair, upserted, found from either side', withStore(async (store) => {
    for (const n of [1, 2, 3]) await store.addArticle(makeTestArticle(n));
    const [a, b, c] = [1, 2, 3].map((n) => makeTestArticle(n).id);
    await store.putRelations([makeRelation(a, b, 0.5), makeRelation(c, b, 0.4)]);
    await store.putRelations([makeRelation(b, a, 0.9)]);
    const all = await store.getRelations();
    assert.equal(all.length, 2);
    assert.deepEqual(all.map((r) => r.confidence).sort(), [0.4, 0.9]);
    assert.deepEqual(await store.getRelations(c), [makeRelation(c, b, 0.4)]);
    assert.equal((await store.getRelations(b)).length, 2);
  }));

  test('a failing batch write leaves nothing behind (atomic)', withStore(async (store) => {
    for (const n of [1, 2]) await store.addArticle(makeTestArticle(n));
    const [a, b] = [1, 2].map((n) => makeTestArticle(n).id);
    await assert.rejects(store.putRelations([makeRelation(a, b, 0.5), makeRelation(a, 'not-stored', 0.5)]));
    assert.deepEqual(await store.getRelations(), []);
    await assert.rejects(store.addBucketKeys('not-stored', [1]));
    assert.equal((await store.findByBucketKeys([1])).size, 0);
  }));

  test('stories: replaced whole for the articles they cover, others kept', withStore(async (store) => {
    await store.putStories([
      { id: 's1', members: ['a1', 'a2'], data: { title: 'one' } },
      { id: 's2', members: ['a3'], data: { title: 'two' } },
      { id: 's3', members: ['a5'], data: null },
    ]);
    await store.putStories([{ id: 's4', members: ['a2', 'a4'], data: { title: 'four', n: [1, 2] } }]);
    assert.deepEqual(await store.getStories(), [
      { id: 's2', members: ['a3'], data: { title: 'two' } },
      { id: 's3', members: ['a5'], data: null },
      { id: 's4', members: ['a2', 'a4'], data: { title: 'four', n: [1, 2] } },
    ]);
    await store.putStories([{ id: 's2', members: ['a9'], data: 'replaced by id' }]);
    assert.deepEqual((await store.getStories()).find((s) => s.id === 's2')?.members, ['a9']);
  }));
}
