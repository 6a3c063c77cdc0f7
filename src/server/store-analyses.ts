/**
 * POST /api/analyze runs analyzeStore over the whole store, which on PostgreSQL may be shared
 * with other servers and workers. Two rules:
 *
 * - It waits for the database's analysis lock *outside* the process's analysis gate. Another
 *   process's analysis can hold that lock for minutes; waiting inside the gate would stop this
 *   server's ingest, trace and compare calls for as long.
 * - Requests coalesce. A request arriving while another of this process waits to start shares
 *   that run: the run begins reading the store after both arrived, so it covers both. So each
 *   process has at most one analysis running and one waiting, whatever the number of requests.
 */
import type { AnalysisLock } from '../queue/analyze-lock.js';
import type { AnalysisGate } from './limits.js';

export class StoreAnalyses<T> {
  /** The run that has not begun reading the store yet (requests join it). */
  private waiting: Promise<T> | null = null;
  /** The last run started, so the next one queues behind it within this process. */
  private last: Promise<unknown> = Promise.resolve();

  /**
   * @param analyse the analysis itself; it must read the store only after it is called.
   */
  constructor(
    private readonly lock: AnalysisLock,
    private readonly gate: AnalysisGate,
    private readonly analyse: () => Promise<T>,
  ) {}

  /** The result of an analysis that starts reading the store after this call. */
  request(): Promise<T> {
    if (this.waiting) return this.waiting;
    const run = this.last
      .catch(() => undefined)
      .then(() =>
        this.lock.run(() =>
          this.gate.run(() => {
            // From here the run reads the store: later requests need a run of their own.
            if (this.waiting === run) this.waiting = null;
            return this.analyse();
          }),
        ),
      );
    this.waiting = run;
    this.last = run;
    // A run that failed before it began (the gate was full, the lock's connection failed)
    // must not be joined by later requests.
    run.catch(() => {
      if (this.waiting === run) this.waiting = null;
    });
    return run;
  }
}
