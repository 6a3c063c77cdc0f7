/**
 * The tables of the SQLite bucket index (src/store/sqlite-buckets.ts) as SQL sees them: the
 * tail's rows, a run's stored filter, a run's name and its removal. Functions of a connection,
 * called inside the index's transactions.
 */
import { endianness } from 'node:os';
import type Database from 'better-sqlite3';
import type { BucketKeyList } from './store.js';
import { decodeBlock } from './bucket-blocks.js';
import { BucketFilter, decodeFilterPart, encodeFilterPart, FILTER_FORMAT, readableFilter } from './bucket-filter.js';

const RUN_PREFIX = 'bucket_run_';

const LITTLE_ENDIAN = endianness() === 'LE';

/** The keys of one article as a tail blob: float64 little-endian. */
export function keysBlob(keys: BucketKeyList): Buffer {
  if (LITTLE_ENDIAN && keys instanceof Float64Array) return Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
  const out = Buffer.allocUnsafe(8 * keys.length);
  for (let i = 0; i < keys.length; i++) out.writeDoubleLE(keys[i], 8 * i);
  return out;
}

/** Every (key, document) pair of the tail, in row order, unsorted. */
export function tailPairs(db: Database.Database): { keys: Float64Array; docs: Uint32Array; n: number } {
  const rows = db.prepare(`SELECT doc, keys FROM bucket_tail ORDER BY seq`).all() as Array<{ doc: number; keys: Buffer }>;
  let n = 0;
  for (const r of rows) n += r.keys.length / 8;
  const keys = new Float64Array(n);
  const docs = new Uint32Array(n);
  let at = 0;
  for (const r of rows) {
    for (let i = 0; i < r.keys.length; i += 8, at++) {
      keys[at] = r.keys.readDoubleLE(i);
      docs[at] = r.doc;
    }
  }
  return { keys, docs, n };
}

/** Pairs the tail holds. */
export function countTail(db: Database.Database): number {
  return db.prepare(`SELECT coalesce(sum(length(keys)), 0) / 8 FROM bucket_tail`).pluck().get() as number;
}

/** A run table name not used yet. */
export function newRunName(db: Database.Database): string {
  const last = db.prepare(`SELECT max(CAST(substr(name, ${RUN_PREFIX.length + 1}) AS INTEGER)) FROM bucket_runs`).pluck().get() as number | null;
  return `${RUN_PREFIX}${(last ?? 0) + 1}`;
}

/** Removes run `name`: its entry, its filter and its table. */
export function dropRun(db: Database.Database, name: string): void {
  db.prepare(`DELETE FROM bucket_runs WHERE name = ?`).run(name);
  db.prepare(`DELETE FROM bucket_filters WHERE run = ?`).run(name);
  // Names come from bucket_runs, which only this index writes (RUN_PREFIX + integer).
  db.exec(`DROP TABLE ${name}`);
}

/** The stored filter of a run, or null when it has none this build can read (it is then read in full). */
export function readStoredFilter(db: Database.Database, name: string, spec: string | null): BucketFilter | null {
  if (!readableFilter(spec)) return null;
  return new BucketFilter((db.prepare(`SELECT bits FROM bucket_filters WHERE run = ? ORDER BY part`).pluck().all(name) as Buffer[]).map(decodeFilterPart));
}

/**
 * The filter of a run, built by reading it once: for the runs of older stores (then stored)
 * and for small runs, which are written without one (filterFromLevel: the writes would pay
 * for it) though a look-up would otherwise read one of their blocks for nearly every key.
 * At 1 M articles the three small runs (9,700 blocks, 37 MB) take about a quarter of a
 * second, once per connection.
 */
export function filterOfRun(db: Database.Database, name: string): BucketFilter {
  const filter = new BucketFilter();
  for (const row of db.prepare(`SELECT block, pairs FROM ${name} ORDER BY block`).iterate() as Iterable<{ block: number; pairs: Buffer }>) {
    const { keys } = decodeBlock(row.pairs);
    for (let p = 0; p < keys.length; p++) if (p === 0 || keys[p] !== keys[p - 1]) filter.add(row.block, keys[p]);
  }
  return filter;
}

/** Stores the filter of run `name`, of `blocks` blocks. */
export function writeFilter(db: Database.Database, name: string, filter: BucketFilter, blocks: number): void {
  const put = db.prepare(`INSERT INTO bucket_filters (run, part, bits) VALUES (?, ?, ?)`);
  filter.stored(blocks).forEach((bits, i) => put.run(name, i, encodeFilterPart(bits)));
  db.prepare(`UPDATE bucket_runs SET filter = ? WHERE name = ?`).run(FILTER_FORMAT, name);
}
