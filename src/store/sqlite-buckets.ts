/**
 * The LSH bucket index of a SQLite store, log-structured.
 *
 * Every article brings ~200 bucket keys, and the keys are hashes: inserted one row each into
 * a B-tree, each lands on a random page (15–30 µs a row at 100k articles, and most of an
 * ingest's time at 1 M). So an article's keys are appended as one row, a blob, to the tail
 * table `bucket_tail`. When the tail holds `tailRows` pairs, its pairs are sorted in memory and
 * written as a new read-only run: a table of blocks of sorted pairs (src/store/bucket-runs.ts)
 * with a directory of the blocks' first and last keys in `bucket_runs`. When `fanIn` runs of
 * one level exist they are merged into one run of the next level: a sequential read of the
 * runs and a sequential write, in this process, without SQLite's sorter.
 *
 * A look-up binary-searches each run's directory (cached per connection: runs never change)
 * and reads only the blocks that can hold the keys; the tail is kept in memory per
 * connection (TailPostings) and brought up to date from its new rows before each look-up.
 *
 * Documents are small integers (`article_docs.doc`), not article ids. Keys are integers
 * below 2^43 from src/fingerprint/keys.ts.
 */
import type Database from 'better-sqlite3';
import type { BucketKeyList } from './store.js';
import { keyOrder } from './key-order.js';
import { blockRange, decodeBlock, decodeDirectory, encodeDirectory, lowerBound, PAIRS_PER_BLOCK, sortUniquePairs, type Block, type Directory } from './bucket-blocks.js';
import { mergeRuns, RunCursor, RunWriter } from './bucket-runs.js';
import type { BucketFilter } from './bucket-filter.js';
import { countTail, dropRun, filterOfRun, keysBlob, newRunName, readStoredFilter, tailPairs, writeFilter } from './sqlite-bucket-tables.js';
import { TailPostings } from './bucket-tail.js';
import type { BucketQuery } from './bucket-query.js';
import { keyHolders, overBound } from './bucket-holders.js';

export interface BucketIndexOptions {
  /** Pairs the tail holds before it is flushed into a run (~2,500 articles). */
  tailRows: number;
  /**
   * Runs of one level merged into one run of the next. Each merge rewrites its pairs, so a pair
   * is written about log_fanIn(pairs / tailRows) times: 8 rather than 4 cut the index
   * maintenance of a 1 M add from 256 to 207 s of its writing thread and its writes from 66 to
   * 59 GB (bench/checkpoint-interval.ts; bench/RESULTS.md, session 16), while a look-up reads
   * more, smaller runs (12 instead of 6 at 1 M) with no measurable cost.
   */
  fanIn: number;
  /**
   * Runs of this level and above get a stored filter (bucket-filter.ts). Building one costs
   * ≈ 30 ns a pair on every write of the pair (bench/filter-speed.ts), so the small runs are
   * written without one; a connection that reads them builds theirs in memory, once (at 1 M
   * articles: 0.2–0.3 s more on the first look-up with fanIn 4, bench/index-blocks.ts; with
   * fanIn 8 up to seven level-1 runs of 4 M pairs may need it, about four times the pairs, which
   * has not been measured).
   */
  filterFromLevel: number;
}

export const DEFAULT_BUCKET_INDEX_OPTIONS: BucketIndexOptions = { tailRows: 500_000, fanIn: 8, filterFromLevel: 2 };

interface RunRow {
  name: string;
  level: number;
  rows: number;
}

/** What a look-up keeps of a run. */
interface OpenRun {
  dir: Directory;
  blocks: Database.Statement;
  /**
   * The stored filter; for a run below filterFromLevel, one built in memory when first read;
   * null for a run at or above it without a filter this build reads: every key's blocks are read.
   */
  filter: BucketFilter | null;
}

export class SqliteBucketIndex {
  private readonly o: BucketIndexOptions;
  /** Pairs this connection believes the tail holds (other writers make it an estimate). */
  private tailEstimate: number | null = null;
  private readonly insertTail: Database.Statement;
  private readonly runList: Database.Statement;
  private readonly tailFirst: Database.Statement;
  private readonly tailSince: Database.Statement;
  /** The tail as this connection last read it: pairs of rows tailFrom … tailTo. */
  private readonly tail = new TailPostings();
  private tailFrom: number | null = null;
  private tailTo = 0;
  /** Directories, filters and block statements of runs, by table name (runs are immutable). */
  private readonly runs = new Map<string, OpenRun>();
  /** Whether this connection has looked for runs without a filter (stores from before schema 4). */
  private filtersChecked = false;
  /** Run blocks look-ups have fetched from SQLite on this connection (bench/index-blocks.ts reads it). */
  blocksRead = 0;

  constructor(
    private readonly db: Database.Database,
    options: Partial<BucketIndexOptions> = {},
  ) {
    this.o = { ...DEFAULT_BUCKET_INDEX_OPTIONS, ...options };
    this.insertTail = db.prepare(`INSERT INTO bucket_tail (doc, keys) VALUES (?, ?)`);
    this.runList = db.prepare(`SELECT name, level, rows FROM bucket_runs ORDER BY level, name`);
    this.tailFirst = db.prepare(`SELECT min(seq) FROM bucket_tail`).pluck();
    this.tailSince = db.prepare(`SELECT seq, doc, keys FROM bucket_tail WHERE seq > ? ORDER BY seq`);
  }

  /** Adds keys of document `doc` to the tail. Call inside the caller's transaction. */
  add(doc: number, keys: BucketKeyList): void {
    this.addMany([{ doc, keys }]);
  }

  /** Adds the keys of several documents: one tail row each. */
  addMany(entries: ReadonlyArray<{ doc: number; keys: BucketKeyList }>): void {
    let n = 0;
    for (const e of entries) {
      if (e.keys.length === 0) continue;
      this.insertTail.run(e.doc, keysBlob(e.keys));
      n += e.keys.length;
    }
    if (this.tailEstimate !== null) this.tailEstimate += n;
  }

  /**
   * Documents sharing any of `keys`, with how many distinct keys each shares. A key carried
   * by more than `maxPostings` documents contributes nothing (`skip`) or its first
   * `maxPostings` documents (`first`; see BucketQuery).
   */
  find(keys: readonly number[], maxPostings = Infinity, common: BucketQuery['common'] = 'first'): Map<number, number> {
    const distinct = [...new Set(keys)].sort((x, y) => x - y);
    // One read transaction: a flush or merge by another connection can't drop a run between
    // reading the list of runs and reading their blocks (WAL gives this snapshot).
    return this.db.transaction(() => {
      const cut = maxPostings === Infinity ? Infinity : maxPostings + 1;
      this.syncTail();
      // per key, the sorted document lists of each table holding it: tail first, then runs
      const holders = distinct.map((key): number[][] => {
        const docs = this.tail.docsOf(key);
        return docs.length === 0 ? [] : [docs.slice(0, cut)];
      });
      // Largest runs first: with `skip`, a key one table already holds more than maxPostings
      // times is left out, so the smaller runs need not read its blocks.
      const runs = (this.runList.all() as RunRow[]).sort((x, y) => y.rows - x.rows || (x.name < y.name ? -1 : 1));
      this.forgetDroppedRuns(runs);
      const skipping = common === 'skip';
      for (const run of runs) {
        const live = distinct.map((_, i) => i).filter((i) => !(skipping && overBound(holders[i], maxPostings)));
        if (live.length > 0) this.runDocs(run.name, live.map((i) => distinct[i]), cut, live.map((i) => holders[i]));
      }
      const counts = new Map<number, number>();
      for (const lists of holders) {
        for (const doc of keyHolders(lists, maxPostings, common)) counts.set(doc, (counts.get(doc) ?? 0) + 1);
      }
      return counts;
    }).deferred();
  }

  /**
   * Appends to holders[i] the first `cut` documents of keys[i] (sorted) in one run: only the
   * blocks the directory says can hold a key, fetched in one statement.
   */
  private runDocs(name: string, keys: readonly number[], cut: number, holders: number[][][]): void {
    const run = this.openRun(name);
    const wanted = new Set<number>();
    const { filter } = run;
    const ranges: Array<[number, number]> = keys.map((key) => {
      const [lo, hi] = blockRange(run.dir, key);
      // the first `cut` postings of a key lie in its first cut / PAIRS + 2 blocks
      const end = cut === Infinity ? hi : Math.min(hi, lo + Math.ceil(cut / PAIRS_PER_BLOCK) + 1);
      for (let b = lo; b < end; b++) if (!filter || filter.mayHold(b, key)) wanted.add(b);
      return [lo, end];
    });
    if (wanted.size === 0) return;
    this.blocksRead += wanted.size;
    const blocks = new Map<number, Block>();
    for (const row of run.blocks.all(JSON.stringify([...wanted])) as Array<{ block: number; pairs: Buffer }>) {
      blocks.set(row.block, decodeBlock(row.pairs));
    }
    keys.forEach((key, i) => {
      const docs: number[] = [];
      for (let b = ranges[i][0]; b < ranges[i][1] && docs.length < cut; b++) {
        const block = blocks.get(b);
        if (block === undefined) continue; // not read: the filter says the key is not in it
        for (let p = lowerBound(block, key); p < block.keys.length && block.keys[p] === key && docs.length < cut; p++) docs.push(block.docs[p]);
      }
      if (docs.length > 0) holders[i].push(docs);
    });
  }

  /**
   * Forgets the open runs another connection has merged away since: a reading process (a
   * server beside an ingest) would otherwise keep their directories and filters for good.
   */
  private forgetDroppedRuns(current: readonly RunRow[]): void {
    const names = new Set(current.map((r) => r.name));
    for (const name of this.runs.keys()) if (!names.has(name)) this.runs.delete(name);
  }

  private openRun(name: string): OpenRun {
    let run = this.runs.get(name);
    if (!run) {
      const row = this.db.prepare(`SELECT directory, filter, level FROM bucket_runs WHERE name = ?`).get(name) as { directory: Buffer; filter: string | null; level: number };
      // Names come from bucket_runs, which only this index writes (newRunName: a prefix and an integer).
      const blocks = this.db.prepare(`SELECT block, pairs FROM ${name} WHERE block IN (SELECT value FROM json_each(?))`);
      const filter = readStoredFilter(this.db, name, row.filter) ?? (row.level < this.o.filterFromLevel ? filterOfRun(this.db, name) : null);
      this.runs.set(name, (run = { dir: decodeDirectory(row.directory), blocks, filter }));
    }
    return run;
  }

  /**
   * Builds the filters runs of filterFromLevel and above lack (runs written before schema 4),
   * one run per transaction, by reading each once in order. Runs once per connection, from
   * maintain().
   */
  private buildMissingFilters(): void {
    this.filtersChecked = true;
    const missing = this.db.prepare(`SELECT name FROM bucket_runs WHERE filter IS NULL AND level >= ? ORDER BY name`).pluck().all(this.o.filterFromLevel) as string[];
    for (const name of missing) {
      this.db.transaction(() => {
        writeFilter(this.db, name, filterOfRun(this.db, name), this.openRun(name).dir.first.length);
        this.runs.delete(name);
      }).immediate();
    }
  }

  /**
   * Brings the in-memory tail up to date: the rows added since the last read, or all of them
   * when the tail was flushed meanwhile (its first row changed; row numbers are never reused).
   */
  private syncTail(): void {
    const first = this.tailFirst.get() as number | null;
    if (first === null || first !== this.tailFrom) {
      this.tail.clear();
      this.tailFrom = first;
      this.tailTo = first === null ? 0 : first - 1;
    }
    if (first === null) return;
    for (const row of this.tailSince.iterate(this.tailTo) as Iterable<{ seq: number; doc: number; keys: Buffer }>) {
      for (let i = 0; i < row.keys.length; i += 8) this.tail.add(row.keys.readDoubleLE(i), row.doc);
      this.tailTo = row.seq;
    }
  }

  /**
   * Flushes the tail into a run when it is full, then merges full levels. Call after the
   * write transaction that added keys, outside it: each step is its own transaction.
   */
  maintain(): void {
    if (!this.filtersChecked) this.buildMissingFilters();
    if (this.tailEstimate === null) this.tailEstimate = countTail(this.db);
    if (this.tailEstimate < this.o.tailRows) return;
    this.tailEstimate = countTail(this.db);
    if (this.tailEstimate < this.o.tailRows) return;
    this.flushTail();
    this.tailEstimate = 0;
    for (let level = 0; this.mergeLevel(level); level++);
  }

  /** Moves every tail pair, sorted, into a new level-0 run. */
  flushTail(): void {
    this.db.transaction(() => {
      const { keys, docs, n } = tailPairs(this.db);
      const m = sortUniquePairs(keys, docs, n, keyOrder(keys, n));
      this.writeRun(0, (out) => out.pushAll(keys, docs, m));
      this.db.exec(`DELETE FROM bucket_tail`);
    }).immediate();
  }

  /** Merges the runs of `level` into one run of level + 1 when there are fanIn of them. */
  private mergeLevel(level: number): boolean {
    return this.db.transaction((): boolean => {
      const runs = (this.runList.all() as RunRow[]).filter((r) => r.level === level);
      if (runs.length < this.o.fanIn) return false;
      this.replaceRuns(runs, level + 1);
      return true;
    }).immediate();
  }

  /**
   * Merges the tail and every run into one run, above every level (so no later merge rewrites
   * it until fanIn such runs exist), and returns the parts (runs, and the tail when it holds
   * pairs) before and after. A look-up reads a block per key from each run holding the key: at
   * a million articles, 12 runs cost a trace's look-ups about three times the blocks of one
   * (bench/RESULTS.md, session 19). Each step is its own write transaction.
   */
  compact(): { before: number; after: number } {
    const before = this.parts();
    if (countTail(this.db) > 0) this.flushTail();
    this.tailEstimate = 0;
    this.db.transaction(() => {
      const runs = this.runList.all() as RunRow[];
      if (runs.length > 1) this.replaceRuns(runs, Math.max(...runs.map((r) => r.level)) + 1);
    }).immediate();
    return { before, after: this.parts() };
  }

  /** Runs, and the tail when it holds pairs: the tables a look-up reads. */
  private parts(): number {
    return (this.runList.all() as RunRow[]).length + (countTail(this.db) > 0 ? 1 : 0);
  }

  /** Writes `runs` merged as one run of `level` and drops them (inside the caller's transaction). */
  private replaceRuns(runs: readonly RunRow[], level: number): void {
    this.writeRun(level, (out) => mergeRuns(runs.map((r) => new RunCursor(this.db, r.name)), out));
    for (const r of runs) {
      dropRun(this.db, r.name);
      this.runs.delete(r.name);
    }
  }

  /** A new run of `level`, filled by `fill`, registered with its directory and filter. */
  private writeRun(level: number, fill: (out: RunWriter) => void): void {
    const name = newRunName(this.db);
    const out = new RunWriter(this.db, name, level >= this.o.filterFromLevel);
    fill(out);
    const dir = out.finish();
    this.db.prepare(`INSERT INTO bucket_runs (name, level, rows, directory) VALUES (?, ?, ?, ?)`).run(name, level, out.rows, encodeDirectory(dir));
    if (out.filter) writeFilter(this.db, name, out.filter, out.blocks);
  }

  /** Pairs per table, tail first (for reports and tests). */
  layout(): Array<{ name: string; level: number; rows: number }> {
    return [{ name: 'bucket_tail', level: -1, rows: countTail(this.db) }, ...(this.runList.all() as RunRow[])];
  }
}
