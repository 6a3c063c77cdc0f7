/**
 * Traces on every core: the candidates of one trace are split between this thread and worker
 * threads (src/engine/trace-shard.ts runs in each), so one trace takes about the time of its
 * share of the work. The answer is the one traceArticle gives. For a long-running process (the
 * server, benchmarks): starting the workers costs a lexicon load each, paid once.
 */
import type { Engine } from '../engine/engine.js';
import { localTraceShard, traceOnShards, type TraceOptions, type TraceShardHandle } from '../engine/trace.js';
import type { FinishJob, FinishReply, RankJob, RankReply } from '../engine/trace-shard.js';
import type { Store } from '../store/store.js';
import type { Article, PairRelation } from '../types.js';
import { defaultWorkers, WorkerPool } from './pool.js';
import type { WorkerReply } from './protocol.js';

/** A shard in worker `slot` of the pool: its tasks run there, in order, so its open traces are there. */
class WorkerShard implements TraceShardHandle {
  constructor(
    private readonly pool: WorkerPool,
    private readonly slot: number,
  ) {}

  async rank(job: RankJob): Promise<RankReply> {
    return expect(await this.pool.runOn(this.slot, { type: 'trace-rank', job }), 'ranked').reply;
  }

  async finish(job: FinishJob): Promise<FinishReply> {
    return expect(await this.pool.runOn(this.slot, { type: 'trace-finish', job }), 'finished').reply;
  }

  async drop(traceId: number): Promise<void> {
    // a failed pool has nothing left to drop
    await this.pool.runOn(this.slot, { type: 'trace-drop', traceId }).catch(() => undefined);
  }
}

function expect<T extends WorkerReply['type']>(reply: WorkerReply, type: T): Extract<WorkerReply, { type: T }> {
  if (reply.type !== type) throw new Error(`worker answered ${reply.type} to a trace task`);
  return reply as Extract<WorkerReply, { type: T }>;
}

export interface ParallelTracerOptions {
  /** Threads a trace uses, this one included (default: one per core); 1 traces in this thread only. */
  threads: number;
}

export class ParallelTracer {
  private readonly pool: WorkerPool | null;
  private readonly shards: TraceShardHandle[];
  private readonly ready: Promise<void>;

  constructor(
    private readonly engine: Engine,
    options: Partial<ParallelTracerOptions> = {},
  ) {
    const threads = options.threads && options.threads > 0 ? Math.floor(options.threads) : defaultWorkers();
    this.pool = threads > 1 ? new WorkerPool(threads - 1) : null;
    const pool = this.pool;
    const workers = pool ? Array.from({ length: pool.size }, (_, i) => new WorkerShard(pool, i)) : [];
    // this thread's shard last: it runs synchronously, after the workers have their share
    this.shards = [...workers, localTraceShard(engine)];
    this.ready = pool ? pool.broadcast({ type: 'context', options: engine.options, context: {} }) : Promise.resolve();
  }

  /** As traceArticle(engine, store, article, options), on every thread of the tracer. */
  async trace(store: Store, article: Article, options: Partial<TraceOptions> = {}): Promise<PairRelation[]> {
    await this.ready;
    return traceOnShards(this.engine, store, article, this.shards, options);
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.pool?.close();
  }
}
