/**
 * The worker loop: `concurrency` slots, each claiming one job at a time, running it while
 * renewing its lease, and recording the outcome. Stopping (the signal) lets every slot finish
 * the job it holds; nothing is claimed after that. A worker killed outright loses nothing: its
 * leases run out and other workers take the jobs over (src/queue/pg-queue.ts).
 */
import { hostname } from 'node:os';
import { StoreError } from '../errors.js';
import { createEngine, type Engine } from '../engine/engine.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { messageOf, runJob, type JobEnvironment } from './handlers.js';
import { PgJobQueue } from './pg-queue.js';
import { describePayload, type ClaimedJob, type QueueOptions } from './queue.js';

export interface WorkerOptions {
  /** Jobs run at once in this process (their database waits overlap; CPU work does not). */
  concurrency: number;
  /** Wait between claims when the queue has nothing ready (ms). */
  pollMs: number;
  /** How often the worker says it is alive in the workers table (ms). */
  heartbeatMs: number;
  /** Queue settings: attempts before a job is set aside, leases, retry delay. */
  queue: Partial<QueueOptions>;
  /** Fetch URLs on private addresses too. */
  allowPrivate: boolean;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  concurrency: 1,
  pollMs: 500,
  heartbeatMs: 5_000,
  queue: {},
  allowPrivate: false,
};

export interface WorkerSummary {
  id: string;
  done: number;
  failed: number;
}

/** Connects to `spec` and processes jobs until `signal` aborts; returns what it did. */
export async function runWorker(
  spec: string,
  signal: AbortSignal,
  options: Partial<WorkerOptions> = {},
  log: (line: string) => void = () => undefined,
): Promise<WorkerSummary> {
  const o = { ...DEFAULT_WORKER_OPTIONS, ...options };
  // One connection per slot for claims and leases, one for the analysis lock, one spare.
  const queue = await PgJobQueue.open(spec, o.queue, o.concurrency + 2);
  let store: Store | undefined;
  try {
    store = await openStore(spec);
    const loop = new WorkerLoop(queue, { store, engine: createEngine(), withAnalyzeLock: (w) => queue.withAnalyzeLock(w), allowPrivate: o.allowPrivate }, o, log);
    return await loop.run(signal);
  } finally {
    await store?.close();
    await queue.close();
  }
}

class WorkerLoop {
  readonly identity = { id: `${hostname()}:${process.pid}:${Date.now().toString(36)}`, host: hostname(), pid: process.pid };
  private done = 0;
  private failed = 0;

  constructor(
    private readonly queue: PgJobQueue,
    private readonly env: JobEnvironment & { engine: Engine },
    private readonly options: WorkerOptions,
    private readonly log: (line: string) => void,
  ) {}

  async run(signal: AbortSignal): Promise<WorkerSummary> {
    await this.queue.heartbeat(this.identity, 0);
    const beat = setInterval(() => void this.queue.heartbeat(this.identity, this.done).catch(() => undefined), this.options.heartbeatMs);
    try {
      const slots = Array.from({ length: this.options.concurrency }, () => this.slot(signal));
      await Promise.all(slots);
    } finally {
      clearInterval(beat);
      await this.queue.heartbeat(this.identity, this.done, true).catch(() => undefined);
    }
    return { id: this.identity.id, done: this.done, failed: this.failed };
  }

  private async slot(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const [job] = await this.claimOne();
      if (job === undefined) {
        await sleep(this.options.pollMs, signal);
        continue;
      }
      await this.process(job);
    }
  }

  /** The next job, if any; a lost connection is logged and retried at the next poll. */
  private async claimOne(): Promise<ClaimedJob[]> {
    try {
      return await this.queue.claim(this.identity.id, 1);
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      this.log(`cannot claim jobs: ${err.message}`);
      return [];
    }
  }

  /** Runs one job under a renewed lease and records how it ended. */
  private async process(job: ClaimedJob): Promise<void> {
    const what = `job ${job.id} (${job.kind} ${describePayload(job.kind, job.payload)}, attempt ${job.attempt}/${job.maxAttempts})`;
    const renewal = setInterval(() => void this.queue.renew(job, this.identity.id).catch(() => undefined), this.queue.renewEveryMs(job));
    try {
      const result = await runJob(this.env, job);
      await this.queue.complete(job, this.identity.id, result);
      this.done++;
    } catch (err) {
      const message = messageOf(err);
      this.failed++;
      this.log(`${what} failed: ${message}`);
      await this.queue.fail(job, this.identity.id, message);
    } finally {
      clearInterval(renewal);
    }
  }
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
