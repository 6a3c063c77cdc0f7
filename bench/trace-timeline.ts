/**
 * When each shard of a two-thread trace gets its work and how long it is busy: traces new
 * synthetic articles on a ParallelTracer whose shard handles are wrapped to log, per trace,
 * each rank and finish job (candidates or shown pairs, when it was sent and answered, in ms from
 * the trace's start, and the shard's own analysis + alignment time), with the look-up timings.
 * Says where a trace waits: the worker before its first candidates, every shard before finish.
 *
 *   node --import tsx bench/trace-timeline.ts --db …/bench.db --docs 1000000 [--n 10] [--warm 60]
 */
import { parseArgs } from 'node:util';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import type { TraceShardHandle, TraceTimings } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { ParallelTracer } from '../src/parallel/trace.js';
import { STORED_CORPUS_OPTIONS } from './measure.js';
import { openStoredCorpus, warmUpArticle } from './stored-corpus.js';

const { values: args } = parseArgs({ options: { ...STORED_CORPUS_OPTIONS, n: { type: 'string', default: '10' }, warm: { type: 'string', default: '60' } } });

applyV8Flags();

type Busy = { analysis: number; alignment: number };

/** Logs each rank and finish job of `shard` into `log`: items, sent and answered (ms from `start()`), busy ms. */
function watch(shard: TraceShardHandle, name: string, start: () => number, log: string[]): void {
  const logged = <R extends Busy>(kind: string, items: number, call: () => R | Promise<R>): R | Promise<R> => {
    const sent = performance.now() - start(); // before the call: this thread's shard runs synchronously
    const reply = call();
    const note = (r: R): R => {
      log.push(`  ${name.padEnd(7)} ${kind.padEnd(6)} ${String(items).padStart(2)} items  sent ${sent.toFixed(1).padStart(6)}  answered ${(performance.now() - start()).toFixed(1).padStart(6)}  busy ${(r.analysis + r.alignment).toFixed(1).padStart(5)} ms`);
      return r;
    };
    return reply instanceof Promise ? reply.then(note) : note(reply);
  };
  const rank = shard.rank.bind(shard);
  const finish = shard.finish.bind(shard);
  shard.rank = (job, myTokens) => logged('rank', job.candidates.length, () => rank(job, myTokens));
  shard.finish = (job) => logged('finish', job.shown.length, () => finish(job));
}

async function main(): Promise<void> {
  const stored = await openStoredCorpus(args);
  const { store, engine, corpus, docs, n } = stored;
  const tracer = new ParallelTracer(engine, { threads: 2 });
  // the tracer's shards, workers first and this thread's last (src/parallel/trace.ts)
  const shards = (tracer as unknown as { shards: TraceShardHandle[] }).shards;
  let t0 = 0;
  const log: string[] = [];
  shards.forEach((s, i) => watch(s, i === shards.length - 1 ? 'main' : `worker${i}`, () => t0, log));
  try {
    for (let i = 0; i < Number(args.warm); i++) await tracer.trace(store, warmUpArticle(stored, i));
    log.length = 0;
    for (const doc of corpus.docs(docs, docs + n)) {
      const timings: Partial<TraceTimings> = {};
      t0 = performance.now();
      await tracer.trace(store, prepareArticle(doc.raw), { timings });
      const f = (x?: number) => (x ?? 0).toFixed(1);
      console.log(`synth:${doc.index}: ${f(performance.now() - t0)} ms; look-ups: names ${f(timings.nameQuery)}, fingerprints ${f(timings.fingerprintQuery)}; loading ${f(timings.load)}`);
      for (const line of log.splice(0)) console.log(line);
    }
  } finally {
    await tracer.close();
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
