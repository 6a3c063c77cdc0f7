import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { BackgroundCheckpointer, DEFAULT_CHECKPOINTER_OPTIONS } from './sqlite-checkpointer.js';
import { makeTestArticle } from './contract.js';
import { SqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'storytrace-checkpoint-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;
const freshPath = () => join(dir, `ck-${++counter}.db`);

/** A WAL database with one table, its header already checkpointed into the file. */
function walDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE t (x BLOB)`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/** Commits ~2 MB of rows: with no checkpoint they live only in the -wal file. */
function writeRows(db: Database.Database, rows = 500): void {
  const insert = db.prepare(`INSERT INTO t (x) VALUES (?)`);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(4000, i));
  })();
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(20)) if (check()) return true;
  return check();
}

describe('BackgroundCheckpointer', () => {
  test('the worker copies committed pages into the database file; the writer does not', async () => {
    const file = freshPath();
    const db = walDatabase(file);
    db.pragma('wal_autocheckpoint = 500'); // not SQLite's default: the writer's own value must come back
    const before = statSync(file).size;
    const ck = new BackgroundCheckpointer(db, file, { ...DEFAULT_CHECKPOINTER_OPTIONS, intervalMs: 10 });
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 0, 'the writer stops checkpointing');
    writeRows(db);
    assert.ok(await until(() => statSync(file).size > before + 1_000_000, 5000), 'pages reached the file');
    await ck.stop();
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 500, 'the writer\'s own setting is back');
    assert.equal(db.prepare(`SELECT count(*) FROM t`).pluck().get(), 500);
    db.close();
  });

  test('past maxWalBytes the writer checkpoints in line while the WAL grows', async () => {
    const file = freshPath();
    const db = walDatabase(file);
    // The worker's first checkpoint runs at once; a long interval keeps it from a second.
    const ck = new BackgroundCheckpointer(db, file, { intervalMs: 60_000, maxWalBytes: 1 });
    await sleep(200);
    const before = statSync(file).size;
    writeRows(db);
    assert.ok(statSync(file).size <= before + 100_000, 'nothing copied yet');
    ck.afterCommit();
    const copied = statSync(file).size;
    assert.ok(copied > before + 1_000_000, 'copied by the writer');
    // Everything was copied, so the next commit starts the WAL again from its beginning: the
    // file is still over the bound but no longer growing, and the writer leaves it alone.
    writeRows(db, 250);
    ck.afterCommit();
    assert.equal(statSync(file).size, copied, 'no checkpoint for a WAL that stopped growing');
    await ck.stop();
    db.close();
  });
});

describe('SqliteStore bulk adds', () => {
  test('close stops the worker before leaving WAL mode: a bulk batch is readable and no WAL is left', async () => {
    const file = freshPath();
    const store = await SqliteStore.open(file);
    const articles = Array.from({ length: 80 }, (_, i) => makeTestArticle(i + 1));
    const results = await store.addArticles(articles.map((article) => ({ article })));
    assert.equal(results.filter((r) => r.status === 'added').length, 80);
    await store.close();
    assert.ok(!existsSync(`${file}-wal`), 'the WAL was checkpointed and removed');
    const again = await SqliteStore.open(file, { readonly: true });
    assert.equal((await again.getArticle(articles[79].id))?.id, articles[79].id);
    await again.close();
  });
});
