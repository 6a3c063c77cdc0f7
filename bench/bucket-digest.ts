/**
 * A digest of every candidate-index pair of SQLite stores, to check that an ingest change
 * writes the same index: the (key, document number) pairs of the tail and of every run, in
 * key order. Reads both layouts: row tables (schema 2) and tail blobs with block runs
 * (schema 3), so a store of either gives the same digest for the same pairs.
 *   node --import tsx bench/bucket-digest.ts <a.db> [b.db …]
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { decodeBlock } from '../src/store/bucket-blocks.js';

/** Every pair of the store, sorted by (key, doc), repeats dropped. */
function allPairs(db: Database.Database): Array<[number, number]> {
  const runs = db.prepare(`SELECT name FROM bucket_runs ORDER BY name`).pluck().all() as string[];
  const pairs: Array<[number, number]> = [];
  if (db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'bucket_tail'`).pluck().get() === 0) {
    for (const t of ['buckets', ...runs]) for (const r of db.prepare(`SELECT key, doc FROM ${t}`).raw().iterate() as Iterable<[number, number]>) pairs.push(r);
  } else {
    for (const r of db.prepare(`SELECT doc, keys FROM bucket_tail`).iterate() as Iterable<{ doc: number; keys: Buffer }>) {
      for (let i = 0; i < r.keys.length; i += 8) pairs.push([r.keys.readDoubleLE(i), r.doc]);
    }
    for (const t of runs) {
      for (const blob of db.prepare(`SELECT pairs FROM ${t} ORDER BY block`).pluck().iterate() as Iterable<Buffer>) {
        const b = decodeBlock(blob);
        for (let i = 0; i < b.keys.length; i++) pairs.push([b.keys[i], b.docs[i]]);
      }
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1][0] || p[1] !== pairs[i - 1][1]);
}

function bucketDigest(file: string): { rows: number; digest: string } {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('md5');
    const pairs = allPairs(db);
    for (const [key, doc] of pairs) hash.update(`${key}:${doc};`);
    return { rows: pairs.length, digest: hash.digest('hex') };
  } finally {
    db.close();
  }
}

for (const file of process.argv.slice(2)) {
  const { rows, digest } = bucketDigest(file);
  console.log(`${file}: ${rows} index rows, digest ${digest}`);
}
