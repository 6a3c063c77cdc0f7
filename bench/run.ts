/**
 * `storytrace bench`: generates the synthetic corpus on the fly and runs the real pipeline on
 * it (parallel ingest into a temporary SQLite store with fingerprints and LSH buckets,
 * candidate search, alignment and relations, trace), measuring each stage.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/engine/engine.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SynthCorpus } from './synth/corpus.js';
import { databaseBytes, IdTable, peakRssBytes } from './measure.js';
import { fingerprintSpeed, ingestCorpus, type CandidateResult, type FingerprintSpeed, type IngestResult } from './stages.js';
import { candidateRecall, relateFound, traceLatency, type RelationResult } from './stages2.js';

export interface BenchOptions {
  /** Documents generated and ingested. */
  docs: number;
  /** Corpus seed: the same seed gives the same corpus. */
  seed: number;
  /** Worker threads for ingest and relations (0 = one per core). */
  workers: number;
  /** Documents fingerprinted for the one-core speed test. */
  fingerprintSample: number;
  /** Copies of each kind queried for candidate recall. */
  recallPerKind: number;
  /** (copy, source) pairs aligned and judged. */
  relatePairs: number;
  /** New articles traced against the index. */
  traces: number;
  /** Folder for the temporary database (default: the system's temp folder); removed after. */
  tmp: string | null;
  /** Keep the database (its path is in the result). */
  keep: boolean;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  docs: 10_000, seed: 1, workers: 0, fingerprintSample: 5000, recallPerKind: 300, relatePairs: 200, traces: 50, tmp: null, keep: false,
};

export interface BenchResult {
  options: BenchOptions;
  machine: { cores: number; cpu: string; memoryGB: number; node: string };
  fingerprint: FingerprintSpeed;
  ingest: IngestResult & { docsPerSec: number; mbPerSec: number };
  candidates: Omit<CandidateResult, 'found'>;
  relations: RelationResult;
  trace: { p50: number; p95: number; max: number; n: number };
  peakRssMB: number;
  database: { path: string; MB: number; bytesPerDoc: number };
  stageSeconds: Record<string, number>;
}

export async function runBench(options: Partial<BenchOptions>, log: (line: string) => void): Promise<BenchResult> {
  const o: BenchOptions = { ...DEFAULT_BENCH_OPTIONS, ...options };
  const workers = o.workers > 0 ? o.workers : availableParallelism();
  const engine = createEngine();
  const corpus = new SynthCorpus(o.seed);
  const dir = mkdtempSync(join(o.tmp ?? tmpdir(), 'storytrace-bench-'));
  const dbPath = join(dir, 'bench.db');
  const stageSeconds: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    const t = Date.now();
    log(`${name}…`);
    const r = await f();
    stageSeconds[name] = (Date.now() - t) / 1000;
    return r;
  };
  try {
    const fingerprint = await timed('fingerprint', () => fingerprintSpeed(corpus, engine, o.fingerprintSample));
    const store = await SqliteStore.open(dbPath);
    const ids = new IdTable(o.docs);
    try {
      const ing = await timed('ingest', () => ingestCorpus(store, corpus, o.docs, engine, workers, ids, (n) => log(`  ingested ${n}`)));
      const { found, ...candidates } = await timed('candidates', () => candidateRecall(store, corpus, o.docs, engine, ids, o.recallPerKind));
      const relations = await timed('relations', () => relateFound(store, engine, found, workers, o.relatePairs));
      const trace = await timed('trace', () => traceLatency(store, corpus, o.docs, engine, o.traces, workers));
      await store.close();
      const bytes = databaseBytes(dbPath);
      return {
        options: o,
        machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
        fingerprint,
        ingest: { ...ing, docsPerSec: o.docs / ing.seconds, mbPerSec: ing.bytes / 1e6 / ing.seconds },
        candidates,
        relations,
        trace,
        peakRssMB: peakRssBytes() / 2 ** 20,
        database: { path: o.keep ? dbPath : '(removed)', MB: bytes / 2 ** 20, bytesPerDoc: bytes / o.docs },
        stageSeconds,
      };
    } finally {
      await store.close();
    }
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}
