/** Worker thread entry of src/parallel/pool.ts: answers one task message at a time. */
import { parentPort } from 'node:worker_threads';
import { prepareDocument } from './prepare-doc.js';
import { PairJudge } from './relate-worker.js';
import { createEngine } from '../engine/engine.js';
import { TraceShard } from '../engine/trace-shard.js';
import type { WorkerReply, WorkerTask } from './protocol.js';

let judge: PairJudge | null = null;
let shard: TraceShard | null = null;

function handle(task: WorkerTask): WorkerReply {
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
    case 'trace-finish':
      if (!shard) throw new Error('trace before context');
      return { type: 'finished', reply: shard.finish(task.job) };
    case 'trace-drop':
      shard?.drop(task.traceId);
      return { type: 'ready' };
  }
}

parentPort!.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = handle(task);
  } catch (err) {
    reply = { type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort!.postMessage(reply);
});
