import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { makeTestArticle, runStoreContract } from './contract.js';
import { openStore } from './open.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_V1, SCHEMA_VERSION } from './schema.js';
import { SqliteStore, walkIsCheaper } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'storytrace-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
const freshPath = () => join(dir, `contract-${++counter}.db`);

runStoreContract('sqlite :memory:', () => SqliteStore.open(':memory:'));
runStoreContract('sqlite file', () => SqliteStore.open(freshPath()));

/** Asserts a StoreError whose single-line message starts with the file name and matches `why`. */
function refusesWith(file: string, why: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof StoreError, `expected StoreError, got ${String(e)}`);
    assert.ok(e.message.startsWith(file + ':'), e.message);
    assert.match(e.message, why);
    assert.ok(!e.message.includes('\n'), 'one line');
    return true;
  };
}

async function storeWithOneArticle(file: string): Promise<void> {
  const store = await openStore(file);
  await store.addArticle(makeTestArticle(1));
  await store.close();
}

describe('SqliteStore files', () => {
  test('survives reopening: articles, settings and schema version persist', async () => {
    const file = freshPath();
    const store = await openStore(file);
    await store.addArticle(makeTestArticle(7, { published: '2020-02-02' }));
    await store.setSetting('k', 'v');
    await store.close();
    const again = await openStore(file);
    assert.deepEqual(await again.getArticle(makeTestArticle(7).id), makeTestArticle(7, { published: '2020-02-02' }));
    assert.equal(await again.getSetting('k'), 'v');
    assert.equal(await again.getSetting('schema_version'), String(SCHEMA_VERSION));
    await again.close();
    const raw = new Database(file, { readonly: true });
    assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    raw.close();
  });

  test('refuses a file that is not SQLite, without changing it', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'just some notes, not a database\n');
    await assert.rejects(openStore(file), refusesWith(file, /not a storytrace database \(not an SQLite file\)/));
    assert.equal(readFileSync(file, 'utf8'), 'just some notes, not a database\n');
  });

  test('refuses a corrupt SQLite file, without changing it', async () => {
    const file = join(dir, 'corrupt.db');
    const header = Buffer.from('SQLite format 3\0', 'latin1');
    const bytes = Buffer.concat([header, Buffer.alloc(4096 - header.length, 0xab)]);
    writeFileSync(file, bytes);
    await assert.rejects(openStore(file), refusesWith(file, /not a storytrace database \(corrupt/));
    assert.deepEqual(readFileSync(file), bytes);
    assert.ok(!existsSync(file + '-wal'));
  });

  test('refuses a database written by a newer storytrace, without changing it', async () => {
    const file = freshPath();
    await storeWithOneArticle(file);
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = 7`);
    raw.close();
    const before = readFileSync(file);
    await assert.rejects(openStore(file), refusesWith(file, new RegExp(`written by a newer storytrace \\(schema 7, this reads ${SCHEMA_VERSION}\\)`)));
    assert.deepEqual(readFileSync(file), before);
  });

  test('a schema 1 file is upgraded: articles kept and numbered, text bucket keys and fingerprints dropped for reindex', async () => {
    const file = freshPath();
    const raw = new Database(file);
    for (const ddl of SCHEMA_V1) raw.exec(ddl);
    raw.prepare(`INSERT INTO settings (key, value) VALUES ('schema_version', '1'), ('fingerprint.params', 'v1;old')`).run();
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('user_version = 1');
    const a = makeTestArticle(1);
    raw.prepare(`INSERT INTO articles (id, content_hash, source, text, chars, boilerplate, paragraphs, sentences, added_at)
      VALUES (?, ?, ?, ?, ?, '[]', '[]', '[]', 'now')`).run(a.id, a.contentHash, a.source, a.text, a.text.length);
    raw.prepare(`INSERT INTO buckets (key, article_id) VALUES ('words:1:00ff', ?)`).run(a.id);
    raw.prepare(`INSERT INTO fingerprints (article_id, kind, data) VALUES (?, 'fingerprint', x'01')`).run(a.id);
    raw.close();
    const store = await SqliteStore.open(file);
    assert.equal((await store.getArticle(a.id))?.text, a.text);
    assert.equal(await store.getFingerprint(a.id, 'fingerprint'), null);
    assert.equal(await store.getSetting('fingerprint.params'), null);
    assert.equal(await store.getSetting('schema_version'), String(SCHEMA_VERSION));
    await store.addBucketKeys(a.id, [5]);
    assert.deepEqual([...(await store.findByBucketKeys([5]))], [[a.id, 1]]);
    await store.close();
  });

  test('a schema 2 file is upgraded: its bucket tail and row runs become block runs that answer the same', async () => {
    const file = freshPath();
    const raw = new Database(file);
    for (const ddl of [...SCHEMA_V1, ...MIGRATIONS[1]]) raw.exec(ddl);
    raw.prepare(`INSERT INTO settings (key, value) VALUES ('schema_version', '2')`).run();
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma('user_version = 2');
    const articles = [1, 2, 3].map((n) => makeTestArticle(n));
    for (const a of articles) {
      raw.prepare(`INSERT INTO articles (id, content_hash, source, text, chars, boilerplate, paragraphs, sentences, added_at)
        VALUES (?, ?, ?, ?, ?, '[]', '[]', '[]', 'now')`).run(a.id, a.contentHash, a.source, a.text, a.text.length);
      raw.prepare(`INSERT INTO article_docs (id) VALUES (?)`).run(a.id);
    }
    // a level-1 run of rows with keys 10 (docs 1, 2) and 2^40 + 7 (doc 3), and a tail row (key 10, doc 3)
    raw.exec(`CREATE TABLE bucket_run_4 (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID`);
    raw.prepare(`INSERT INTO bucket_run_4 (key, doc) VALUES (10, 1), (10, 2), (?, 3)`).run(2 ** 40 + 7);
    raw.prepare(`INSERT INTO bucket_runs (name, level, rows) VALUES ('bucket_run_4', 1, 3)`).run();
    raw.prepare(`INSERT INTO buckets (key, doc) VALUES (10, 3)`).run();
    raw.close();
    const store = await SqliteStore.open(file);
    assert.equal(await store.getSetting('schema_version'), String(SCHEMA_VERSION));
    assert.deepEqual(store.bucketLayout().map((t) => [t.level, t.rows]), [[-1, 0], [0, 1], [1, 3]]);
    const found = await store.findByBucketKeys([10, 2 ** 40 + 7]);
    assert.deepEqual([...found].sort(), [[articles[0].id, 1], [articles[1].id, 1], [articles[2].id, 2]].sort());
    await store.close();
  });

  test('refuses an SQLite file that holds other data', async () => {
    const file = join(dir, 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    await assert.rejects(openStore(file), refusesWith(file, /not a storytrace database/));
    await assert.rejects(openStore(file, { readonly: true }), refusesWith(file, /not a storytrace database/));
  });

  test('refuses a path whose folder does not exist', async () => {
    const file = join(dir, 'no-such-folder', 'x.db');
    await assert.rejects(openStore(file), refusesWith(file, /folder .* does not exist/));
    assert.ok(!existsSync(join(dir, 'no-such-folder')));
  });

  test('a read-only file (no write bits) is refused for writing but can be read', async () => {
    const file = freshPath();
    await storeWithOneArticle(file);
    chmodSync(file, 0o444);
    try {
      await assert.rejects(openStore(file), refusesWith(file, /read-only/));
      const reader = await openStore(file, { readonly: true });
      assert.equal(await reader.countArticles(), 1);
      await reader.close();
    } finally {
      chmodSync(file, 0o644);
    }
  });

  test('a store opened read-only refuses writes with a StoreError and keeps the data', async () => {
    const file = freshPath();
    await storeWithOneArticle(file);
    const reader = await openStore(file, { readonly: true });
    await assert.rejects(reader.addArticle(makeTestArticle(2)), refusesWith(file, /read-only/));
    await reader.close();
    const check = await openStore(file, { readonly: true });
    assert.equal(await check.countArticles(), 1);
    await check.close();
  });

  test('read-only open of a missing file is refused and creates nothing', async () => {
    const file = join(dir, 'missing.db');
    await assert.rejects(openStore(file, { readonly: true }), refusesWith(file, /no such database/));
    assert.ok(!existsSync(file));
  });

  test('opening an existing store only: a missing file is refused and not created, a stored one opens for writing', async () => {
    const file = join(dir, 'existing-only.db');
    await assert.rejects(openStore(file, { existing: true }), refusesWith(file, /no such database/));
    assert.ok(!existsSync(file));
    await storeWithOneArticle(file);
    const store = await openStore(file, { existing: true });
    await store.addArticle(makeTestArticle(2));
    assert.equal(await store.countArticles(), 2);
    await store.close();
  });

  test('a folder given as the database is refused', async () => {
    const folder = join(dir, 'a-folder.db');
    mkdirSync(folder);
    await assert.rejects(openStore(folder), refusesWith(folder, /is a folder/));
  });

  test('an empty file becomes a new database', async () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    await storeWithOneArticle(file);
    assert.ok(statSync(file).size > 0);
  });
});

test('top-k ties are walked in id order when there are many, looked up one by one when few', () => {
  // the contract's tie test (200 articles, g of them tied, top 1, 3 and g - 1) meets both paths
  const paths = [5, 20, 60, 199].flatMap((g) => [1, 3, g - 1].map((top) => walkIsCheaper(g, top, 200)));
  assert.ok(paths.includes(true) && paths.includes(false));
  // at a million articles: thousands of ties walked, a few dozen looked up
  assert.ok(walkIsCheaper(2000, 5, 1_000_000) && walkIsCheaper(600, 5, 1_000_000));
  assert.ok(!walkIsCheaper(50, 5, 1_000_000) && !walkIsCheaper(200, 20, 1_000_000));
});
