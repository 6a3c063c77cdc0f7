/**
 * A small pool of worker_threads running src/parallel/worker.ts. Tasks are plain messages;
 * each worker takes one task at a time, and `run` resolves with its answer. Workers load the
 * compiled worker (dist/) when this module is compiled, and the TypeScript source through tsx
 * when this module itself runs as TypeScript (tests, `node --import tsx`).
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
  /** The one worker this task must run on (it holds state an earlier task left), or any. */
  slot?: number;
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;
  private failure: Error | null = null;

  constructor(readonly size: number = defaultWorkers()) {
    const entry = workerEntry();
    for (let i = 0; i < Math.max(1, size); i++) {
      const worker = new Worker(entry.script, { eval: entry.eval });
      const slot: Slot = { worker, busy: null };
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
    return this.queue.length + this.slots.filter((s) => s.busy).length;
  }

  run(task: WorkerTask): Promise<WorkerReply> {
    return this.enqueue(task);
  }

  /** Runs `task` on worker `slot` (0 … size-1), after the tasks queued for it before. */
  runOn(slot: number, task: WorkerTask): Promise<WorkerReply> {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.slots.length) return Promise.reject(new Error(`no worker ${slot} in a pool of ${this.slots.length}`));
    return this.enqueue(task, slot);
  }

  private enqueue(task: WorkerTask, slot?: number): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, slot, resolve, reject });
      this.dispatch();
    });
  }

  /** Sends `task` to every worker (setting per-worker state); call it while the pool is idle. */
  async broadcast(task: WorkerTask): Promise<void> {
    if (this.pending > 0) throw new Error('broadcast needs an idle worker pool');
    if (this.failure) throw this.failure;
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<WorkerReply>((resolve, reject) => {
            slot.busy = { task, resolve, reject };
            slot.worker.postMessage(task);
          }),
      ),
    );
  }

  private dispatch(): void {
    this.slots.forEach((slot, i) => {
      if (slot.busy) return;
      const next = this.queue.findIndex((job) => job.slot === undefined || job.slot === i);
      if (next < 0) return;
      slot.busy = this.queue.splice(next, 1)[0];
      slot.worker.postMessage(slot.busy.task);
    });
  }

  private finish(slot: Slot, reply: WorkerReply): void {
    const job = slot.busy;
    slot.busy = null;
    if (job) {
      if (reply.type === 'failed') job.reject(new Error(`worker: ${reply.message}`));
      else job.resolve(reply);
    }
    this.dispatch();
  }

  /** A crashed worker fails every task: a half-done batch must not look complete. */
  private fail(slot: Slot, err: Error): void {
    this.failure ??= err;
    slot.busy?.reject(err);
    slot.busy = null;
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
