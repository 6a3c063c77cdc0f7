/**
 * Upgrade of a schema-2 bucket index (one B-tree row per pair: the tail `buckets` and run
 * tables of (key, doc) rows) to the block runs of schema 3 (src/store/sqlite-buckets.ts).
 * Every old table becomes a block run of the same level, read in key order in chunks (a
 * connection can't write while a statement iterates).
 */
import type Database from 'better-sqlite3';
import { encodeDirectory } from './bucket-blocks.js';
import { RunWriter } from './bucket-runs.js';

const CHUNK = 65_536;

/** Converts the old tail and runs in place; the caller's transaction makes it all or nothing. */
export function convertLegacyBuckets(db: Database.Database): void {
  const runs = db.prepare(`SELECT name, level FROM bucket_runs WHERE directory IS NULL ORDER BY name`).all() as Array<{ name: string; level: number }>;
  for (const run of runs) {
    const legacy = `${run.name}_legacy`;
    db.exec(`ALTER TABLE ${run.name} RENAME TO ${legacy}`);
    const { rows, directory } = copyPairs(db, legacy, run.name);
    db.prepare(`UPDATE bucket_runs SET rows = ?, directory = ? WHERE name = ?`).run(rows, directory, run.name);
  }
  const tailRows = db.prepare(`SELECT count(*) FROM buckets`).pluck().get() as number;
  if (tailRows > 0) {
    const last = db.prepare(`SELECT max(CAST(substr(name, 12) AS INTEGER)) FROM bucket_runs`).pluck().get() as number | null;
    const name = `bucket_run_${(last ?? 0) + 1}`;
    const { rows, directory } = copyPairs(db, 'buckets', name);
    db.prepare(`INSERT INTO bucket_runs (name, level, rows, directory) VALUES (?, 0, ?, ?)`).run(name, rows, directory);
  } else {
    db.exec(`DROP TABLE buckets`);
  }
}

/** Copies the (key, doc) rows of `from` into a new block run `to`, then drops `from`. */
function copyPairs(db: Database.Database, from: string, to: string): { rows: number; directory: Buffer } {
  // no filter kept: this runs before schema 4, whose runs get theirs from the next add
  const out = new RunWriter(db, to, false);
  const first = db.prepare(`SELECT key, doc FROM ${from} ORDER BY key, doc LIMIT ${CHUNK}`);
  const after = db.prepare(`SELECT key, doc FROM ${from} WHERE key > @key OR (key = @key AND doc > @doc) ORDER BY key, doc LIMIT ${CHUNK}`);
  let chunk = first.all() as Array<{ key: number; doc: number }>;
  while (chunk.length > 0) {
    for (const r of chunk) out.push(r.key, r.doc);
    chunk = after.all(chunk[chunk.length - 1]) as Array<{ key: number; doc: number }>;
  }
  const directory = encodeDirectory(out.finish());
  db.exec(`DROP TABLE ${from}`);
  return { rows: out.rows, directory };
}
