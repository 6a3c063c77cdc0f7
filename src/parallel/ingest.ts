/**
 * Parallel ingest: workers clean, fingerprint and key documents; the main thread reads inputs
 * and writes results in input order, a batch per transaction. At most `maxInFlight` batches
 * are out at once, so memory holds a few batches, never the whole input.
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
  /** Documents per worker task and per write transaction. */
  batchSize: number;
  /** Largest total size (UTF-16 code units) of a batch; a batch closes early past it. */
  batchChars: number;
  /** Batches sent and not yet written; bounds memory (default: 2 per worker). */
  maxInFlight: number;
  /** Options of the input readers (paths only). */
  ingest: Partial<IngestOptions>;
}

export const DEFAULT_PARALLEL_INGEST_OPTIONS: ParallelIngestOptions = {
  workers: 0, // 0 = defaultWorkers()
  batchSize: 64,
  batchChars: 4_000_000,
  maxInFlight: 0, // 0 = 2 × workers
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
  const maxInFlight = o.maxInFlight > 0 ? o.maxInFlight : 2 * workers;
  await ensureIndexParams(store, engineOptions.index);
  const pool = new WorkerPool(workers);
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
      while (slots.length > maxInFlight) yield* drain(store, slots.shift()!);
    }
    send();
    while (slots.length > 0) yield* drain(store, slots.shift()!);
  } finally {
    await pool.close();
  }
}

async function* drain(store: Store, slot: Slot): AsyncGenerator<IngestEvent> {
  if (slot instanceof InputError) {
    yield { kind: 'error', source: slot.file, message: slot.message };
    return;
  }
  const docs = await slot;
  yield* await writePreparedBatch(store, docs);
}
