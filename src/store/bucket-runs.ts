/**
 * Run tables of the SQLite bucket index: each a read-only table of blocks of sorted
 * (key, document) pairs (src/store/bucket-blocks.ts), written once in order and read by block
 * number. Writing, reading and merging runs; the index itself is src/store/sqlite-buckets.ts.
 */
import type Database from 'better-sqlite3';
import { decodeBlock, encodeBlock, PAIRS_PER_BLOCK, type Block, type Directory } from './bucket-blocks.js';
import { BucketFilter } from './bucket-filter.js';

/** Blocks read per statement while a merge walks a run. */
const BLOCKS_PER_READ = 64;

/** DDL of a run table. Names come from the index (a fixed prefix and an integer). */
export function createRunTable(db: Database.Database, name: string): void {
  db.exec(`CREATE TABLE ${name} (block INTEGER PRIMARY KEY, pairs BLOB NOT NULL)`);
}

/** Appends sorted, distinct pairs to a new run table, block by block, and fills its filter. */
export class RunWriter {
  /** Which keys each block holds, for look-ups to skip blocks (null: not kept for this run). */
  readonly filter: BucketFilter | null;
  private lastKey = -1;
  private readonly keys = new Float64Array(PAIRS_PER_BLOCK);
  private readonly docs = new Uint32Array(PAIRS_PER_BLOCK);
  private held = 0;
  private readonly first: number[] = [];
  private readonly last: number[] = [];
  private readonly insert: Database.Statement;
  /** Pairs written so far. */
  rows = 0;

  constructor(db: Database.Database, name: string, filtered = true) {
    createRunTable(db, name);
    this.insert = db.prepare(`INSERT INTO ${name} (block, pairs) VALUES (?, ?)`);
    this.filter = filtered ? new BucketFilter() : null;
  }

  /** Blocks written so far. */
  get blocks(): number {
    return this.first.length;
  }

  push(key: number, doc: number): void {
    // once per key and block: a block starts with held = 0, and lastKey is reset then
    if (key !== this.lastKey && this.filter !== null) {
      this.filter.add(this.blocks, key);
      this.lastKey = key;
    }
    this.keys[this.held] = key;
    this.docs[this.held++] = doc;
    if (this.held === PAIRS_PER_BLOCK) this.writeBlock();
  }

  /** Pushes pairs [0, n) of two arrays. */
  pushAll(keys: Float64Array, docs: Uint32Array, n: number): void {
    for (let i = 0; i < n; i++) this.push(keys[i], docs[i]);
  }

  /** Writes what is held; returns the run's directory. */
  finish(): Directory {
    if (this.held > 0) this.writeBlock();
    return { first: Float64Array.from(this.first), last: Float64Array.from(this.last) };
  }

  private writeBlock(): void {
    this.insert.run(this.first.length, encodeBlock(this.keys, this.docs, 0, this.held));
    this.first.push(this.keys[0]);
    this.last.push(this.keys[this.held - 1]);
    this.rows += this.held;
    this.held = 0;
    this.lastKey = -1;
  }
}

/** Reads a run's pairs in order, a few blocks per statement (a merge's input). */
export class RunCursor {
  private readonly read: Database.Statement;
  private blocks: Block[] = [];
  private blockAt = 0;
  private nextBlock = 0;
  private pair = 0;
  /** The current pair, valid while !done. */
  key = 0;
  doc = 0;
  done = false;

  constructor(db: Database.Database, name: string) {
    this.read = db.prepare(`SELECT pairs FROM ${name} WHERE block >= ? ORDER BY block LIMIT ${BLOCKS_PER_READ}`).pluck();
    this.blocks = [];
    this.advance();
  }

  /** Moves to the next pair (or done). */
  advance(): void {
    for (;;) {
      const block = this.blocks[this.blockAt];
      if (block !== undefined && this.pair < block.keys.length) {
        this.key = block.keys[this.pair];
        this.doc = block.docs[this.pair++];
        return;
      }
      if (block !== undefined && this.blockAt + 1 < this.blocks.length) {
        this.blockAt++;
        this.pair = 0;
        continue;
      }
      const blobs = this.read.all(this.nextBlock) as Buffer[];
      if (blobs.length === 0) {
        this.done = true;
        return;
      }
      this.nextBlock += blobs.length;
      this.blocks = blobs.map(decodeBlock);
      this.blockAt = 0;
      this.pair = 0;
    }
  }
}

/**
 * Merges runs into `out`, in (key, doc) order, each pair once. Runs are few (the index's
 * fan-in), so the smallest head is found by a scan of the cursors.
 */
export function mergeRuns(cursors: RunCursor[], out: RunWriter): void {
  let live = cursors.filter((c) => !c.done);
  let lastKey = -1;
  let lastDoc = -1;
  while (live.length > 0) {
    let best = live[0];
    for (let i = 1; i < live.length; i++) {
      const c = live[i];
      if (c.key < best.key || (c.key === best.key && c.doc < best.doc)) best = c;
    }
    if (best.key !== lastKey || best.doc !== lastDoc) {
      out.push(best.key, best.doc);
      lastKey = best.key;
      lastDoc = best.doc;
    }
    best.advance();
    if (best.done) live = live.filter((c) => !c.done);
  }
}
