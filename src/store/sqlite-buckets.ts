/**
 * The LSH bucket index of a SQLite store, log-structured.
 *
 * Every article brings ~200 bucket keys, and the keys are hashes: in one big B-tree each
 * insert lands on a random page, and at 100k articles that cost 15–30 µs a row (every batch
 * rewrites most leaf pages). So keys go first to a small B-tree, `buckets` (the tail, which
 * stays in the page cache), and when it holds `tailRows` rows it is copied in key order into a
 * new read-only run table and emptied — a sequential write. When `fanIn` runs of one level
 * exist they are merged into one run of the next level (SQLite's sorter, again sequential).
 * A lookup probes the tail and each run (a handful of tables: log_fanIn(N / tailRows)).
 *
 * Documents are small integers (`article_docs.doc`), not article ids: 3–4 bytes a row
 * instead of 17. Keys are integers from src/fingerprint/keys.ts.
 */
import type Database from 'better-sqlite3';
import { keyOrder } from './key-order.js';
import type { BucketQuery } from './bucket-query.js';

export interface BucketIndexOptions {
  /** Rows the tail B-tree holds before it is flushed into a run (~5,000 articles). */
  tailRows: number;
  /** Runs of one level merged into one run of the next. */
  fanIn: number;
}

export const DEFAULT_BUCKET_INDEX_OPTIONS: BucketIndexOptions = { tailRows: 1_000_000, fanIn: 4 };

interface RunRow {
  name: string;
  level: number;
  rows: number;
}

const RUN_PREFIX = 'bucket_run_';
/** Rows per multi-row INSERT: one native call per 256 rows instead of one per row. */
const ROWS_PER_INSERT = 256;

export class SqliteBucketIndex {
  private readonly o: BucketIndexOptions;
  /** Rows this connection believes the tail holds (other writers make it an estimate). */
  private tailEstimate: number | null = null;
  private readonly insert: Database.Statement;
  private readonly insertMany: Database.Statement;
  private readonly runList: Database.Statement;
  /** Prepared look-up statements per table, by use; a table's go when it is dropped. */
  private readonly statements = new Map<string, Map<string, Database.Statement>>();

  constructor(
    private readonly db: Database.Database,
    options: Partial<BucketIndexOptions> = {},
  ) {
    this.o = { ...DEFAULT_BUCKET_INDEX_OPTIONS, ...options };
    this.insert = db.prepare(`INSERT OR IGNORE INTO buckets (key, doc) VALUES (?, ?)`);
    this.insertMany = db.prepare(`INSERT OR IGNORE INTO buckets (key, doc) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?)').join(', ')}`);
    this.runList = db.prepare(`SELECT name, level, rows FROM bucket_runs ORDER BY level, name`);
  }

  /** Adds keys of document `doc` to the tail. Call inside the caller's transaction. */
  add(doc: number, keys: readonly number[]): void {
    this.addMany([{ doc, keys }]);
  }

  /**
   * Adds the keys of several documents, in key order (for equal keys, in document order):
   * consecutive inserts then land on the same or the next page of the tail, instead of one
   * random page each.
   */
  addMany(entries: ReadonlyArray<{ doc: number; keys: readonly number[] }>): void {
    let n = 0;
    for (const e of entries) n += e.keys.length;
    const keys = new Float64Array(n);
    const docs = new Float64Array(n);
    let i = 0;
    for (const e of entries) {
      for (const k of e.keys) {
        keys[i] = k;
        docs[i++] = e.doc;
      }
    }
    const order = keyOrder(keys, n);
    const rows = ROWS_PER_INSERT;
    const params: number[] = new Array(2 * rows);
    let at = 0;
    for (; at + rows <= n; at += rows) {
      for (let r = 0; r < rows; r++) {
        const j = order[at + r];
        params[2 * r] = keys[j];
        params[2 * r + 1] = docs[j];
      }
      this.insertMany.run(params);
    }
    for (; at < n; at++) this.insert.run(keys[order[at]], docs[order[at]]);
    if (this.tailEstimate !== null) this.tailEstimate += n;
  }

  /**
   * Documents sharing any of `keys`, with how many distinct keys each shares. Keys carried by
   * more than `maxPostings` documents are skipped or cut to their first documents (BucketQuery).
   */
  find(keys: readonly number[], maxPostings = Infinity, common: BucketQuery['common'] = 'first'): Map<number, number> {
    const distinct = [...new Set(keys)];
    // One read transaction: a flush or merge by another connection can't drop a run between
    // reading the list of runs and probing them (WAL gives this snapshot).
    return this.db.transaction(() => {
      const tables = ['buckets', ...(this.runList.all() as RunRow[]).map((r) => r.name)];
      if (maxPostings === Infinity) return this.findAll(tables, distinct);
      return this.findBounded(tables, distinct, maxPostings, common);
    }).deferred();
  }

  /** Every posting of every key: one statement per table. */
  private findAll(tables: readonly string[], distinct: readonly number[]): Map<number, number> {
    const json = JSON.stringify(distinct);
    const position = new Map(distinct.map((k, i) => [k, i]));
    const counts = new Map<number, number>();
    // A (key, doc) pair re-added after its first copy was flushed sits in two tables: count
    // each pair once (doc · 2^21 + the key's position is unique while keys < 2^21).
    const seen = new Set<number>();
    for (const table of tables) {
      for (const row of this.probe(table).iterate(json) as Iterable<{ doc: number; key: number }>) {
        const pair = row.doc * 0x200000 + position.get(row.key)!;
        if (seen.has(pair)) continue;
        seen.add(pair);
        counts.set(row.doc, (counts.get(row.doc) ?? 0) + 1);
      }
    }
    return counts;
  }

  /**
   * Postings of keys carried by at most `bound` documents, and of the others what `common`
   * says. Counting first, each key's count capped at bound + 1 (in SQLite: no rows reach
   * JavaScript), settles most keys: a total within the bound means every row is wanted, one
   * table over it makes the key common. Only a common key cut to its first documents, or one
   * whose pairs repeat across tables, is read key by key.
   */
  private findBounded(tables: readonly string[], distinct: readonly number[], bound: number, common: BucketQuery['common']): Map<number, number> {
    const json = JSON.stringify(distinct);
    const total = new Map<number, number>();
    const overflow = new Set<number>();
    for (const table of tables) {
      for (const { key, n } of this.countAll(table).all({ limit: bound + 1, keys: json }) as Array<{ key: number; n: number }>) {
        total.set(key, (total.get(key) ?? 0) + n);
        if (n > bound) overflow.add(key);
      }
    }
    const plain = distinct.filter((k) => total.get(k)! <= bound && total.get(k)! > 0);
    const counts = this.findAll(tables, plain);
    const rest = distinct.filter((k) => total.get(k)! > bound && !(common === 'skip' && overflow.has(k)));
    for (const key of rest) {
      for (const doc of this.firstDocs(tables, key, bound, common)) counts.set(doc, (counts.get(doc) ?? 0) + 1);
    }
    return counts;
  }

  /** The distinct documents of one key if at most `bound`, else none (skip) or the first `bound`. */
  private firstDocs(tables: readonly string[], key: number, bound: number, common: BucketQuery['common']): number[] {
    const docs = new Set<number>();
    for (const t of tables) for (const d of this.docsStatement(t).all(key, bound) as number[]) docs.add(d);
    if (docs.size <= bound) return [...docs];
    return common === 'skip' ? [] : [...docs].sort((x, y) => x - y).slice(0, bound);
  }

  /**
   * Flushes the tail into a run when it is full, then merges full levels. Call after the
   * write transaction that added keys, outside it: each step is its own transaction.
   */
  maintain(): void {
    if (this.tailEstimate === null) this.tailEstimate = this.countTail();
    if (this.tailEstimate < this.o.tailRows) return;
    this.tailEstimate = this.countTail();
    if (this.tailEstimate < this.o.tailRows) return;
    this.flushTail();
    this.tailEstimate = 0;
    for (let level = 0; this.mergeLevel(level); level++);
  }

  /** Moves every tail row into a new level-0 run. */
  flushTail(): void {
    this.db.transaction(() => {
      const name = this.newRunName();
      this.db.exec(`CREATE TABLE ${name} (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID`);
      const rows = this.db.prepare(`INSERT INTO ${name} (key, doc) SELECT key, doc FROM buckets ORDER BY key, doc`).run().changes;
      this.db.prepare(`INSERT INTO bucket_runs (name, level, rows) VALUES (?, 0, ?)`).run(name, rows);
      this.db.exec(`DELETE FROM buckets`);
    }).immediate();
  }

  /** Merges the runs of `level` into one run of level + 1 when there are fanIn of them. */
  private mergeLevel(level: number): boolean {
    return this.db.transaction((): boolean => {
      const runs = (this.runList.all() as RunRow[]).filter((r) => r.level === level);
      if (runs.length < this.o.fanIn) return false;
      const name = this.newRunName();
      this.db.exec(`CREATE TABLE ${name} (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID`);
      const union = runs.map((r) => `SELECT key, doc FROM ${r.name}`).join(' UNION ALL ');
      const rows = this.db.prepare(`INSERT OR IGNORE INTO ${name} (key, doc) ${union} ORDER BY 1, 2`).run().changes;
      this.db.prepare(`INSERT INTO bucket_runs (name, level, rows) VALUES (?, ?, ?)`).run(name, level + 1, rows);
      for (const r of runs) {
        this.db.prepare(`DELETE FROM bucket_runs WHERE name = ?`).run(r.name);
        this.db.exec(`DROP TABLE ${r.name}`);
        this.statements.delete(r.name);
      }
      return true;
    }).immediate();
  }

  /** Rows per table, tail first (for `status`-like reports and tests). */
  layout(): Array<{ name: string; level: number; rows: number }> {
    return [{ name: 'buckets', level: -1, rows: this.countTail() }, ...(this.runList.all() as RunRow[])];
  }

  private countTail(): number {
    return this.db.prepare(`SELECT count(*) FROM buckets`).pluck().get() as number;
  }

  private newRunName(): string {
    const last = this.db
      .prepare(`SELECT max(CAST(substr(name, ${RUN_PREFIX.length + 1}) AS INTEGER)) FROM bucket_runs`)
      .pluck()
      .get() as number | null;
    return `${RUN_PREFIX}${(last ?? 0) + 1}`;
  }

  private probe(table: string): Database.Statement {
    // Names come from bucket_runs, which only this module writes (RUN_PREFIX + integer).
    return this.cached(table, 'probe', () => `SELECT doc, key FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`);
  }

  /** Per key of a JSON list, how many documents of `table` carry it, counted up to a limit. */
  private countAll(table: string): Database.Statement {
    return this.cached(table, 'count', () => `SELECT j.value AS key, (SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE key = j.value LIMIT @limit)) AS n FROM json_each(@keys) AS j`);
  }

  /** The first `limit` documents of a key in one table, in document order. */
  private docsStatement(table: string): Database.Statement {
    return this.cached(table, 'docs', () => `SELECT doc FROM ${table} WHERE key = ? ORDER BY doc LIMIT ?`, true);
  }

  private cached(table: string, use: string, sql: () => string, pluck = false): Database.Statement {
    let byUse = this.statements.get(table);
    if (!byUse) this.statements.set(table, (byUse = new Map()));
    let st = byUse.get(use);
    if (!st) {
      st = this.db.prepare(sql());
      if (pluck) st.pluck();
      byUse.set(use, st);
    }
    return st;
  }
}
