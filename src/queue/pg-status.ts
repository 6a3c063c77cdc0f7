/** What `storytrace status` reads from the jobs and workers tables: a few aggregate queries. */
import type pg from 'pg';
import { describePayload, type JobKind, type JobState, type QueueStatus } from './queue.js';

/** Failures listed in full; the counts still include all of them. */
const FAILURES_SHOWN = 50;
/** Workers heard from (or stopped) within this many seconds are listed. */
const WORKERS_RECENT_SECONDS = 120;

export async function statusOf(pool: pg.Pool): Promise<QueueStatus> {
  const counts = await pool.query<{ kind: JobKind; state: JobState; jobs: string }>(
    `SELECT kind, state, count(*) AS jobs FROM jobs GROUP BY kind, state ORDER BY kind, state`,
  );
  const done = await pool.query<{ minute: string; hour: string }>(
    `SELECT count(*) FILTER (WHERE finished_at > now() - interval '1 minute') AS minute, count(*) AS hour
       FROM jobs WHERE state = 'done' AND finished_at > now() - interval '1 hour'`,
  );
  const failed = await pool.query<{ id: string; kind: JobKind; attempts: number; error: string | null; payload: unknown }>(
    `SELECT id::text AS id, kind, attempts, error, payload FROM jobs WHERE state = 'failed' ORDER BY id DESC LIMIT $1`,
    [FAILURES_SHOWN],
  );
  const workers = await pool.query<{ id: string; host: string; pid: number; ago: number; jobs_done: string; stopped: boolean }>(
    `SELECT id, host, pid, extract(epoch FROM now() - seen_at)::float8 AS ago, jobs_done, stopped_at IS NOT NULL AS stopped
       FROM workers WHERE seen_at > now() - $1::integer * interval '1 second' ORDER BY id`,
    [WORKERS_RECENT_SECONDS],
  );
  return {
    counts: counts.rows.map((r) => ({ kind: r.kind, state: r.state, jobs: Number(r.jobs) })),
    throughput: { lastMinute: Number(done.rows[0]?.minute ?? 0), lastHour: Number(done.rows[0]?.hour ?? 0) },
    failures: failed.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      attempts: r.attempts,
      error: r.error ?? '',
      what: describePayload(r.kind, r.payload),
    })),
    workers: workers.rows.map((r) => ({
      id: r.id,
      host: r.host,
      pid: r.pid,
      seenSecondsAgo: Math.round(r.ago),
      jobsDone: Number(r.jobs_done),
      stopped: r.stopped,
    })),
  };
}
