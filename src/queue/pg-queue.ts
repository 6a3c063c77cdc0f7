/**
 * The job queue in PostgreSQL (tables `jobs` and `workers`, migration 2 of
 * src/store/postgres-schema.ts).
 *
 * - Claiming is one statement: `SELECT … FOR UPDATE SKIP LOCKED` picks live jobs no other
 *   claimer has locked, and the same statement marks them running with a lease. Two claimers
 *   therefore never get the same job, and neither waits for the other.
 * - A running job whose lease ran out (its worker was killed or hung) is claimable again: the
 *   next claim takes it over and counts another attempt. One whose last attempt ran out is set
 *   aside as `failed` instead, so an input that kills its worker cannot kill workers forever.
 * - The claiming worker's maxAttempts applies (recorded on the job, so a job abandoned on its
 *   last attempt is recognised by any worker).
 * - Completing and failing name the attempt, so a worker that lost its lease cannot overwrite
 *   what the new holder does.
 * - An analyze job waits until every ingest job queued before it is finished, so it sees them.
 */
import type pg from 'pg';
import { createPool, DEFAULT_POSTGRES_OPTIONS, parsePostgresSpec, storeErrorFromPg } from '../store/postgres-connect.js';
import { prepareSchema } from '../store/postgres-migrate.js';
import { withPgAnalyzeLock } from './analyze-lock.js';
import { statusOf } from './pg-status.js';
import {
  DEFAULT_QUEUE_OPTIONS,
  type ClaimedJob,
  type IngestPayload,
  type JobKind,
  type JobQueue,
  type QueueOptions,
  type QueueStatus,
} from './queue.js';

/** Rows per INSERT when enqueueing many jobs. */
const ENQUEUE_BATCH = 500;

// Jobs whose last attempt's lease ran out: their worker died on them every time.
const SET_ASIDE_ABANDONED = `UPDATE jobs SET state = 'failed', lease_until = NULL, finished_at = now(),
    error = 'worker stopped or died during the last attempt (lease expired)' || coalesce('; before: ' || error, '')
  WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts`;

const CLAIM = `WITH next AS (
    SELECT j.id FROM jobs j
     WHERE j.state IN ('queued', 'running')
       AND ((j.state = 'queued' AND j.run_after <= now()) OR (j.state = 'running' AND j.lease_until < now()))
       AND (j.kind <> 'analyze' OR NOT EXISTS (
             SELECT 1 FROM jobs i WHERE i.kind = 'ingest' AND i.state IN ('queued', 'running') AND i.id < j.id))
     ORDER BY j.id
     LIMIT $2
     FOR UPDATE OF j SKIP LOCKED)
  UPDATE jobs SET state = 'running', attempts = jobs.attempts + 1, worker = $1, max_attempts = $5,
         lease_until = now() + (CASE WHEN jobs.kind = 'analyze' THEN $4::bigint ELSE $3::bigint END) * interval '1 millisecond',
         started_at = now()
    FROM next WHERE jobs.id = next.id
  RETURNING jobs.id::text AS id, jobs.kind, jobs.payload, jobs.attempts, jobs.max_attempts`;

// Every write to a held job checks it is still this worker's attempt.
const HELD = `id = $1 AND worker = $2 AND attempts = $3 AND state = 'running'`;

export class PgJobQueue implements JobQueue {
  readonly display: string;
  private readonly options: QueueOptions;

  private constructor(
    private readonly pool: pg.Pool,
    display: string,
    options: QueueOptions,
  ) {
    this.display = display;
    this.options = options;
  }

  /**
   * Connects to `spec` (a postgres:// URL), creating or upgrading the schema when needed;
   * `readonly` (for status) refuses an empty or older database instead and writes nothing.
   */
  static async open(spec: string, options: Partial<QueueOptions> = {}, poolSize = 2, readonly = false): Promise<PgJobQueue> {
    const target = parsePostgresSpec(spec);
    const pool = createPool(target, { ...DEFAULT_POSTGRES_OPTIONS, poolSize, readonly });
    try {
      await prepareSchema(pool, target, { readonly, existing: readonly });
    } catch (err) {
      await pool.end();
      throw storeErrorFromPg(target.display, err);
    }
    return new PgJobQueue(pool, target.display, { ...DEFAULT_QUEUE_OPTIONS, ...options });
  }

  async enqueueIngest(payloads: readonly IngestPayload[]): Promise<number> {
    for (let i = 0; i < payloads.length; i += ENQUEUE_BATCH) {
      const batch = payloads.slice(i, i + ENQUEUE_BATCH).map((p) => JSON.stringify(p));
      await this.query(
        `INSERT INTO jobs (kind, payload, max_attempts) SELECT 'ingest', p::json, $2 FROM unnest($1::text[]) WITH ORDINALITY AS t (p, n) ORDER BY n`,
        [batch, this.options.maxAttempts],
      );
    }
    return payloads.length;
  }

  async enqueueAnalyze(): Promise<void> {
    // A waiting analyze job is given a new id, so it again comes after everything queued.
    await this.query(
      `INSERT INTO jobs (kind, payload, max_attempts) VALUES ('analyze', '{}', $1)
       ON CONFLICT (kind) WHERE kind = 'analyze' AND state = 'queued'
       DO UPDATE SET id = nextval(pg_get_serial_sequence('jobs', 'id')), run_after = now()`,
      [this.options.maxAttempts],
    );
  }

  async claim(worker: string, limit: number): Promise<ClaimedJob[]> {
    await this.query(SET_ASIDE_ABANDONED, []);
    const rows = await this.query<{ id: string; kind: JobKind; payload: ClaimedJob['payload']; attempts: number; max_attempts: number }>(
      CLAIM,
      [worker, limit, this.options.leaseMs, this.options.analyzeLeaseMs, this.options.maxAttempts],
    );
    return rows
      .map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempt: r.attempts, maxAttempts: r.max_attempts }))
      .sort((x, y) => Number(x.id) - Number(y.id));
  }

  async renew(job: ClaimedJob, worker: string): Promise<boolean> {
    const rows = await this.query(
      `UPDATE jobs SET lease_until = now() + $4::bigint * interval '1 millisecond' WHERE ${HELD} RETURNING id`,
      [job.id, worker, job.attempt, this.leaseOf(job)],
    );
    return rows.length === 1;
  }

  private leaseOf(job: ClaimedJob): number {
    return job.kind === 'analyze' ? this.options.analyzeLeaseMs : this.options.leaseMs;
  }

  /** How often a worker should renew the lease of this job (a third of it). */
  renewEveryMs(job: ClaimedJob): number {
    return Math.max(50, Math.floor(this.leaseOf(job) / 3));
  }

  /** Runs `work` holding this database's analysis lock (shared with `serve`, see analyze-lock.ts). */
  withAnalyzeLock<T>(work: () => Promise<T>): Promise<T> {
    return withPgAnalyzeLock(this.pool, work);
  }

  async complete(job: ClaimedJob, worker: string, result: unknown): Promise<void> {
    await this.query(
      `UPDATE jobs SET state = 'done', lease_until = NULL, finished_at = now(), result = $4::json WHERE ${HELD}`,
      [job.id, worker, job.attempt, JSON.stringify(result ?? null)],
    );
  }

  async fail(job: ClaimedJob, worker: string, error: string): Promise<void> {
    const last = job.attempt >= job.maxAttempts;
    try {
      await this.query(
        `UPDATE jobs SET state = $4::text, error = $5, lease_until = NULL,
                run_after = now() + $6::bigint * interval '1 millisecond', finished_at = CASE WHEN $4::text = 'failed' THEN now() END
          WHERE ${HELD}`,
        [job.id, worker, job.attempt, last ? 'failed' : 'queued', error, this.options.retryDelayMs * job.attempt],
      );
    } catch (err) {
      // Another analyze job is already waiting: it will do what this one would have.
      if ((err as { code?: string }).code !== '23505') throw storeErrorFromPg(this.display, err);
      await this.complete(job, worker, { superseded: true, error });
    }
  }

  /** Says this worker is alive (and counts its finished jobs); `stopped` on a clean exit. */
  async heartbeat(worker: { id: string; host: string; pid: number }, jobsDone: number, stopped = false): Promise<void> {
    await this.query(
      `INSERT INTO workers (id, host, pid, jobs_done) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), jobs_done = excluded.jobs_done,
         stopped_at = CASE WHEN $5::boolean THEN now() END`,
      [worker.id, worker.host, worker.pid, jobsDone, stopped],
    );
  }

  async status(): Promise<QueueStatus> {
    try {
      return await statusOf(this.pool);
    } catch (err) {
      throw storeErrorFromPg(this.display, err);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw err; // handled by the caller
      throw storeErrorFromPg(this.display, err);
    }
  }
}
