/**
 * A digest of every candidate-index row of SQLite stores, to check that an ingest change writes
 * the same index: the (key, document number) rows of the tail and of every run, in key order.
 * Two stores filled from the same input by two builds print the same digest when their
 * indexes are the same.
 *   node --import tsx bench/bucket-digest.ts <a.db> [b.db …]
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

function bucketDigest(file: string): { rows: number; digest: string } {
  const db = new Database(file, { readonly: true });
  try {
    const runs = db.prepare(`SELECT name FROM bucket_runs ORDER BY name`).pluck().all() as string[];
    const union = ['buckets', ...runs].map((table) => `SELECT key, doc FROM ${table}`).join(' UNION ALL ');
    const hash = createHash('md5');
    let rows = 0;
    for (const row of db.prepare(`SELECT key, doc FROM (${union}) ORDER BY key, doc`).iterate() as Iterable<{ key: number; doc: number }>) {
      hash.update(`${row.key}:${row.doc};`);
      rows++;
    }
    return { rows, digest: hash.digest('hex') };
  } finally {
    db.close();
  }
}

for (const file of process.argv.slice(2)) {
  const { rows, digest } = bucketDigest(file);
  console.log(`${file}: ${rows} index rows, digest ${digest}`);
}
