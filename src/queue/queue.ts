/**
 * The job queue shared by `storytrace add --queue`, `storytrace worker` and `storytrace status`.
 * Jobs live in the same PostgreSQL database as the store (src/queue/pg-queue.ts); a worker
 * claims a job with a lease, and a job whose worker died is claimed again once its lease runs
 * out. Job effects are idempotent (articles dedupe by content hash, relations upsert by pair,
 * stories are replaced whole), so running a job twice changes nothing the first run did not.
 */
import type { RawDocument } from '../types.js';

export type JobKind = 'ingest' | 'analyze';
export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** What an ingest job stores: one document, or everything a path or URL holds. */
export type IngestPayload = { doc: RawDocument } | { path: string };
/** An analyze job relates the stored articles not yet related and rebuilds the stories. */
export type AnalyzePayload = Record<string, never>;

export type JobPayload<K extends JobKind = JobKind> = K extends 'ingest' ? IngestPayload : AnalyzePayload;

/** A job as a worker holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  kind: JobKind;
  payload: IngestPayload | AnalyzePayload;
  /** This attempt's number, 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

export interface QueueOptions {
  /** Failed runs after which a job is set aside as `failed` (default 3). */
  maxAttempts: number;
  /** How long a claim holds an ingest job; a worker renews it while the job runs (ms). */
  leaseMs: number;
  /**
   * Lease of an analyze job (ms). Longer: analysis is CPU work that can keep a worker's event
   * loop, and so its renewals, busy for minutes on a large store.
   */
  analyzeLeaseMs: number;
  /** Wait before retrying a job that threw, times the attempt number (ms). */
  retryDelayMs: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxAttempts: 3,
  leaseMs: 30_000,
  analyzeLeaseMs: 15 * 60_000,
  retryDelayMs: 1_000,
};

/** What `status` shows. */
export interface QueueStatus {
  /** Jobs by state and kind (done included). */
  counts: { kind: JobKind; state: JobState; jobs: number }[];
  /** Jobs finished in the last minute and the last hour. */
  throughput: { lastMinute: number; lastHour: number };
  failures: { id: string; kind: JobKind; attempts: number; error: string; what: string }[];
  /** Workers heard from in the last two minutes, or stopped in that time. */
  workers: { id: string; host: string; pid: number; seenSecondsAgo: number; jobsDone: number; stopped: boolean }[];
}

/** The operations workers and commands use; PgJobQueue implements them. */
export interface JobQueue {
  enqueueIngest(payloads: readonly IngestPayload[]): Promise<number>;
  /** Queues one analysis after every job queued so far (coalesced with a waiting one). */
  enqueueAnalyze(): Promise<void>;
  /** Up to `limit` jobs, leased to `worker`; expired leases are taken over. */
  claim(worker: string, limit: number): Promise<ClaimedJob[]>;
  /** Extends the lease of a job still held by this worker; false when it was lost. */
  renew(job: ClaimedJob, worker: string): Promise<boolean>;
  complete(job: ClaimedJob, worker: string, result: unknown): Promise<void>;
  /** Records an error: the job is retried later, or set aside after its last attempt. */
  fail(job: ClaimedJob, worker: string, error: string): Promise<void>;
  status(): Promise<QueueStatus>;
  close(): Promise<void>;
}

/** A short description of what a job works on, for status and logs. */
export function describePayload(kind: JobKind, payload: unknown): string {
  if (kind === 'analyze') return 'analyze';
  const p = payload as { doc?: { source?: unknown }; path?: unknown };
  if (p.doc !== undefined) return String(p.doc.source ?? '?');
  return String(p.path ?? '?');
}
