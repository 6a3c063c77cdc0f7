/**
 * A small pool of worker_threads running src/parallel/worker.ts. Tasks are plain messages;
 * `run` gives a task to the least busy worker and resolves with its answer; `runOn` posts a task
 * to one worker at once, behind those it already has (a worker answers in order), so the work
 * starts there even while this thread is busy. Workers load the compiled worker (dist/) when
 * this module is compiled, and the TypeScript source through tsx when this module itself runs
 * as TypeScript (tests, `node --import tsx`).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { WorkerReply, WorkerTask } from './protocol.js';

/** How many workers to start when the caller does not say: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * How to start a worker: the compiled worker.js beside this module, or, when this module runs
 * as TypeScript, a two-line bootstrap that registers tsx in the worker (Node 20 does not pass
 * `--import tsx` hooks on to a worker's entry) and then imports worker.ts.
 */
export function workerEntry(): { script: URL | string; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { script: new URL('./worker.js', here), eval: false };
  const entry = JSON.stringify(new URL('./worker.ts', here).href);
  // Resolved here, so the worker finds tsx whatever the current folder is.
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return { script: `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`, eval: true };
}

interface Pending {
  task: WorkerTask;
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to this worker and not yet answered, oldest first (it answers in order). */
  sent: Pending[];
}

export interface WorkerPoolOptions {
  /**
   * Tasks of `run` posted to one worker before it has answered: 1 gives each task to the first
   * worker to be free (best balance); more keep a worker busy while this thread is too busy to
   * read its answers and hand it the next task (ingest, whose main thread writes to the store).
   */
  ahead: number;
}

export const DEFAULT_WORKER_POOL_OPTIONS: WorkerPoolOptions = { ahead: 1 };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly ahead: number;
  private closed = false;
  private failure: Error | null = null;

  constructor(
    readonly size: number = defaultWorkers(),
    options: Partial<WorkerPoolOptions> = {},
  ) {
    this.ahead = Math.max(1, { ...DEFAULT_WORKER_POOL_OPTIONS, ...options }.ahead);
    const entry = workerEntry();
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(entry.script, { eval: entry.eval });
      const slot: Slot = { worker, sent: [] };
      worker.on('message', (reply: WorkerReply) => this.finish(slot, reply));
      worker.on('error', (err) => this.fail(slot, err));
      worker.on('exit', (code) => {
        if (!this.closed && code !== 0) this.fail(slot, new Error(`worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  /** Tasks sent and not yet answered (queued or running). */
  get pending(): number {
    return this.queue.length + this.slots.reduce((n, s) => n + s.sent.length, 0);
  }

  /** Tasks of `run` not yet posted to a worker (every worker has `ahead` unanswered). */
  get waiting(): number {
    return this.queue.length;
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return this.accept((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Runs `task` on worker `slot` (0 … size-1), after the tasks sent there before: posted now,
   * not when the worker is idle, so it starts as soon as the worker is free even while this
   * thread is busy.
   */
  runOn(slot: number, task: WorkerTask): Promise<WorkerReply> {
    const target = this.slots[slot];
    if (!Number.isInteger(slot) || !target) return Promise.reject(new Error(`no worker ${slot} in a pool of ${this.slots.length}`));
    return this.accept((resolve, reject) => this.post(target, { task, resolve, reject }));
  }

  private accept(start: (resolve: (reply: WorkerReply) => void, reject: (err: Error) => void) => void): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise(start);
  }

  private post(slot: Slot, job: Pending): void {
    slot.sent.push(job);
    slot.worker.postMessage(job.task);
  }

  /** Sends `task` to every worker (setting per-worker state); call it while the pool is idle. */
  async broadcast(task: WorkerTask): Promise<void> {
    if (this.pending > 0) throw new Error('broadcast needs an idle worker pool');
    if (this.failure) throw this.failure;
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<WorkerReply>((resolve, reject) => this.post(slot, { task, resolve, reject })),
      ),
    );
  }

  /** Gives queued tasks to the workers with the fewest unanswered ones, up to `ahead` each. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let least = this.slots[0];
      for (const slot of this.slots) if (slot.sent.length < least.sent.length) least = slot;
      if (least.sent.length >= this.ahead) return;
      this.post(least, this.queue.shift()!);
    }
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const job = slot.sent.shift();
    if (job) {
      if (reply.type === 'failed') job.reject(new Error(`worker: ${reply.message}`));
      else job.resolve(reply);
    }
    this.dispatch();
  }

  /** A crashed worker fails every task: a half-done batch must not look complete. */
  private fail(slot: Slot, err: Error): void {
    this.failure ??= err;
    for (const s of this.slots) for (const job of s.sent.splice(0)) job.reject(err);
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
