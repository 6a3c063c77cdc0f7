import { UserError } from '../errors.js';

/** Too many analyses at once: the client should retry later (503). */
export class BusyError extends UserError {
  constructor() {
    super('busy', 'the server is busy with other analyses; try again shortly');
    this.name = 'BusyError';
  }
}

/**
 * Runs analysis calls one at a time, queueing at most `maxPending` (running included). The
 * engine is synchronous and CPU-bound, so running two at once gains nothing on one process, and
 * an unbounded queue would let one client hold the server for minutes.
 */
export class AnalysisGate {
  private pending = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly maxPending: number) {}

  /** How many calls are running or waiting now. */
  get load(): number {
    return this.pending;
  }

  run<T>(work: () => Promise<T> | T): Promise<T> {
    if (this.pending >= this.maxPending) return Promise.reject(new BusyError());
    this.pending++;
    const result = this.tail.then(work);
    const release = () => {
      this.pending--;
    };
    this.tail = result.then(release, release);
    return result;
  }
}
