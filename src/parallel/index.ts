/** Parallel ingest and pair judging on worker_threads (see pool.ts, ingest.ts, relate.ts). */
export { WorkerPool, defaultWorkers, workerEntry } from './pool.js';
export { ingestParallel, ingestDocuments, DEFAULT_PARALLEL_INGEST_OPTIONS, type ParallelIngestOptions } from './ingest.js';
export { relatePairsParallel, corpusContext, DEFAULT_PARALLEL_RELATE_OPTIONS, type ParallelRelateOptions, type ArticleSource } from './relate.js';
export { prepareDocument, nameKeys } from './prepare-doc.js';
export type { RelateContext, PreparedDocument, RefusedDocument } from './protocol.js';
