/** Worker thread entry of src/parallel/pool.ts: answers one task message at a time. */
import { parentPort } from 'node:worker_threads';
import { prepareDocument } from './prepare-doc.js';
import { PairJudge } from './relate-worker.js';
import { createEngine } from '../engine/engine.js';
import { TraceShard } from '../engine/trace-shard.js';
import { lookUpNamesOn } from '../engine/trace.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import type { WorkerReply, WorkerTask } from './protocol.js';

let judge: PairJudge | null = null;
let shard: TraceShard | null = null;
/** The store trace name look-ups read ('trace-store'), read-only. */
let reader: { spec: string; store: Store } | null = null;

function handle(task: WorkerTask): WorkerReply | Promise<WorkerReply> {
  switch (task.type) {
    case 'prepare':
      return { type: 'prepared', docs: task.docs.map((d) => prepareDocument(d, task.options.index)) };
    case 'context':
      judge = new PairJudge(task.options, task.context);
      shard = new TraceShard(createEngine(task.options));
      return { type: 'ready' };
    case 'relate':
      if (!judge) throw new Error('relate before context');
      return { type: 'related', relations: judge.judge(task.pairs) };
    case 'trace-rank':
      if (!shard) throw new Error('trace before context');
      return { type: 'ranked', reply: shard.rank(task.job) };
    case 'trace-store':
      return openReader(task.spec);
    case 'trace-names':
      return lookUpNames(task.job);
    case 'trace-finish':
      if (!shard) throw new Error('trace before context');
      return { type: 'finished', reply: shard.finish(task.job) };
    case 'trace-drop':
      shard?.drop(task.traceId);
      return { type: 'ready' };
  }
}

async function openReader(spec: string): Promise<WorkerReply> {
  if (reader?.spec !== spec) {
    const old = reader;
    reader = null;
    await old?.store.close();
    reader = { spec, store: await openStore(spec, { readonly: true }) };
  }
  return { type: 'ready' };
}

async function lookUpNames(job: Extract<WorkerTask, { type: 'trace-names' }>['job']): Promise<WorkerReply> {
  if (!shard || !reader) throw new Error('trace names before context and store');
  const startedAt = performance.now();
  const { reply, held } = await lookUpNamesOn(shard.engine, reader.store, job, shard.tokensOf(job.traceId, job.article), startedAt);
  shard.hold(job.traceId, job.article, held);
  return { type: 'named', reply };
}

const failed = (err: unknown): WorkerReply => ({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });

/** Tasks are answered in the order they came, an asynchronous one (a look-up) before the next starts. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (task: WorkerTask) => {
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(task);
    } catch (err) {
      reply = failed(err);
    }
    parentPort!.postMessage(reply);
  });
});
