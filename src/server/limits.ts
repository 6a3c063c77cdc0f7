import { UserError } from '../errors.js';

/** Too many analyses at once: the client should retry later (503). */
export class BusyError extends UserError {
  constructor() {
    super('busy', 'the server is busy with other analyses; try again shortly');
    this.name = 'BusyError';
  }
}

/**
 * Resolves on a later turn of the event loop. The engine is synchronous, so without this a
 * request's whole analysis ran in the same turn as its arrival: later requests were not even
 * read while one ran, the gate never saw more than one, and a flood waited unbounded in socket
 * buffers instead of getting 503. Yielding first lets the requests that arrived meanwhile be read,
 * counted and refused.
 */
const nextTurn = () => new Promise<void>((resolveTurn) => setImmediate(resolveTurn));

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
    const result = this.tail.then(nextTurn).then(work);
    const release = () => {
      this.pending--;
    };
    this.tail = result.then(release, release);
    return result;
  }
}
