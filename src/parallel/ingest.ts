/**
 * Parallel ingest: workers clean, fingerprint and key documents; the main thread reads inputs
 * and writes results in input order. At most `maxInFlight` batches are out at once, and at
 * most one write group waits to be written, so memory holds a few batches, never the whole
 * input.
 *
 * Worker batches are small (the pool stays balanced); writes are grouped larger, because the
 * cost of a write transaction is mostly its commit: the LSH tail pages a batch's keys touch are
 * written out once per commit however few keys each page got (figures in bench/RESULTS.md,
 * "1 M").
 */
import { InputError } from '../errors.js';
import { readInputs, type IngestOptions } from '../ingest/index.js';
import type { EngineOptions } from '../engine/engine.js';
import type { IngestEvent } from '../engine/ingest.js';
import type { Store } from '../store/store.js';
import type { RawDocument } from '../types.js';
import { defaultWorkers, WorkerPool } from './pool.js';
import type { PreparedDocument, RefusedDocument } from './protocol.js';
import { ensureIndexParams, writePreparedBatch } from './write-batch.js';

export interface ParallelIngestOptions {
  /** Worker threads (default: one per core). */
  workers: number;
  /** Documents per worker task. */
  batchSize: number;
  /** Documents per write transaction (whole worker batches are grouped up to this many). */
  writeGroup: number;
  /** Largest total size (UTF-16 code units) of a batch; a batch closes early past it. */
  batchChars: number;
  /** Batches sent and not yet taken into a write group; bounds memory (default: 2 per
   *  worker plus one write group's worth, so workers stay busy while a group is written). */
  maxInFlight: number;
  /** Options of the input readers (paths only). */
  ingest: Partial<IngestOptions>;
}

export const DEFAULT_PARALLEL_INGEST_OPTIONS: ParallelIngestOptions = {
  workers: 0, // 0 = defaultWorkers()
  batchSize: 64,
  writeGroup: 512,
  batchChars: 4_000_000,
  maxInFlight: 0, // 0 = 2 × workers + writeGroup / batchSize
  ingest: {},
};

type Slot = Promise<Array<PreparedDocument | RefusedDocument>> | InputError;

/** Reads paths like ingestPaths() and stores every document, using all cores. */
export function ingestParallel(
  store: Store,
  paths: string[],
  engineOptions: EngineOptions,
  options: Partial<ParallelIngestOptions> = {},
): AsyncGenerator<IngestEvent> {
  return ingestDocuments(store, readInputs(paths, options.ingest ?? {}), engineOptions, options);
}

/** Stores documents from any stream (the benchmark's generator, a WARC reader …). */
export function ingestDocuments(
  store: Store,
  inputs: AsyncIterable<RawDocument | InputError> | Iterable<RawDocument | InputError>,
  engineOptions: EngineOptions,
  options: Partial<ParallelIngestOptions> = {},
): AsyncGenerator<IngestEvent> {
  return ingestInOrder(store, inputs, engineOptions, options);
}

async function* ingestInOrder(
  store: Store,
  inputs: AsyncIterable<RawDocument | InputError> | Iterable<RawDocument | InputError>,
  engineOptions: EngineOptions,
  options: Partial<ParallelIngestOptions> = {},
): AsyncGenerator<IngestEvent> {
  const o = { ...DEFAULT_PARALLEL_INGEST_OPTIONS, ...options };
  const workers = o.workers > 0 ? o.workers : defaultWorkers();
  // A write group holds this many worker batches: it bounds their total size as batchChars bounds
  // one batch's, and workers need as many in flight to stay busy while a group is written.
  const batchesPerGroup = Math.ceil(Math.max(1, o.writeGroup) / o.batchSize);
  const maxInFlight = o.maxInFlight > 0 ? o.maxInFlight : 2 * workers + 2 * batchesPerGroup;
  await ensureIndexParams(store, engineOptions.index);
  // Every batch in flight is posted at once: this thread answers no message while it writes a
  // group (hundreds of ms), and a worker given one batch at a time sat idle through each write.
  const pool = new WorkerPool(workers, { ahead: maxInFlight });
  const group = new WriteGroup(store, Math.max(1, o.writeGroup), batchesPerGroup * o.batchChars);
  const slots: Slot[] = [];
  let batch: RawDocument[] = [];
  let chars = 0;
  const send = () => {
    if (batch.length === 0) return;
    const done = pool.run({ type: 'prepare', options: engineOptions, docs: batch }).then((r) => (r.type === 'prepared' ? r.docs : []));
    done.catch(() => undefined); // awaited in order by drain(); this only silences an early stop
    slots.push(done);
    batch = [];
    chars = 0;
  };
  try {
    for await (const item of inputs) {
      if (item instanceof InputError) {
        send(); // keep events in input order
        slots.push(item);
      } else {
        batch.push(item);
        chars += item.body.length;
        if (batch.length >= o.batchSize || chars >= o.batchChars) send();
      }
      while (slots.length > maxInFlight) yield* group.take(slots.shift()!);
    }
    send();
    while (slots.length > 0) yield* group.take(slots.shift()!);
    yield* group.flush();
  } finally {
    await pool.close();
  }
}

/** Prepared documents waiting for one write transaction, in input order. */
class WriteGroup {
  private docs: Array<PreparedDocument | RefusedDocument> = [];
  private chars = 0;

  constructor(
    private readonly store: Store,
    private readonly maxDocs: number,
    private readonly maxChars: number,
  ) {}

  /** Adds a finished worker batch (or reports an unreadable input, after what came before it). */
  async *take(slot: Slot): AsyncGenerator<IngestEvent> {
    if (slot instanceof InputError) {
      yield* this.flush();
      yield { kind: 'error', source: slot.file, message: slot.message };
      return;
    }
    for (const doc of await slot) {
      this.docs.push(doc);
      if (doc.ok) this.chars += doc.article.text.length;
    }
    if (this.docs.length >= this.maxDocs || this.chars >= this.maxChars) yield* this.flush();
  }

  async *flush(): AsyncGenerator<IngestEvent> {
    if (this.docs.length === 0) return;
    const docs = this.docs;
    this.docs = [];
    this.chars = 0;
    yield* await writePreparedBatch(this.store, docs);
  }
}
