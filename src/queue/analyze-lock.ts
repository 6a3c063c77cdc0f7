/**
 * The one analysis lock of a PostgreSQL database (per schema), shared by every process that runs
 * `analyzeStore` on it: workers (analyze jobs) and `storytrace serve` (POST /api/analyze).
 *
 * Why: analyzeStore reads every article and relation, relates the new pairs, then replaces the
 * stories and the quote groups. Two runs at once each write stories built from their own view;
 * their replacements interleave (duplicate or stale stories, or a unique-key failure), and the
 * second relates again every pair the first is relating. Under the lock the second run starts
 * after the first has stored everything, so it relates nothing twice and writes last with the
 * fuller view.
 *
 * It is a session advisory lock on a connection of its own: the server drops it with the
 * connection if the holder dies, and it needs a session-mode connection (not PgBouncer in
 * transaction mode).
 */
import type pg from 'pg';

/** The lock key: one per schema, so storytrace databases sharing a PostgreSQL database do not block each other. */
const ANALYZE_LOCK_KEY = `hashtext('storytrace analyze ' || current_schema())`;

/** Runs `work` holding the analysis lock, taken on one connection of `pool` (waits for it). */
export async function withPgAnalyzeLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${ANALYZE_LOCK_KEY})`);
    try {
      return await work();
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${ANALYZE_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}

/**
 * How many sessions wait for this schema's analysis lock now (for tests and diagnostics). An
 * advisory lock on one bigint shows in pg_locks as its high half (classid) and low half (objid).
 */
export async function analyzeLockWaiters(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 1 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND ((classid::bigint << 32) | objid::bigint) = (${ANALYZE_LOCK_KEY})::bigint`,
  );
  return Number(rows[0]!.n);
}

/** The analysis lock of one database spec, for a long-lived process. */
export interface AnalysisLock {
  /** Runs `work` holding the lock (waiting for another process's analysis to finish first). */
  run<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * The lock for `dbSpec`. On PostgreSQL it connects on first use (one connection, kept while the
 * process runs). An SQLite file has no such lock: one process serves it (see docs/deployment.md),
 * and that process's analyses are serialised by its own gate.
 */
export function openAnalysisLock(dbSpec: string): AnalysisLock {
  if (!POSTGRES_URL.test(dbSpec)) return { run: (work) => work(), close: async () => undefined };
  let pool: Promise<{ pool: pg.Pool; display: string; explain: (display: string, err: unknown) => unknown }> | null = null;
  const connect = async () => {
    // Loaded only for PostgreSQL, as the store does: SQLite users never load pg.
    const { createPool, DEFAULT_POSTGRES_OPTIONS, parsePostgresSpec, storeErrorFromPg } = await import('../store/postgres-connect.js');
    const target = parsePostgresSpec(dbSpec);
    return { pool: createPool(target, { ...DEFAULT_POSTGRES_OPTIONS, poolSize: 1 }), display: target.display, explain: storeErrorFromPg };
  };
  return {
    run: async (work) => {
      const lock = await (pool ??= connect());
      let working = false;
      try {
        return await withPgAnalyzeLock(lock.pool, () => {
          working = true;
          return work();
        });
      } catch (err) {
        // Failing to take the lock is a database problem, told as one (the work's own errors pass).
        throw working ? err : lock.explain(lock.display, err);
      }
    },
    close: async () => {
      if (pool) await (await pool).pool.end();
    },
  };
}
