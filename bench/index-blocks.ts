/**
 * What the small index runs' in-memory filters save (src/store/sqlite-buckets.ts): traces new
 * synthetic articles against a stored benchmark corpus on a fresh connection, once with the
 * default options and once with filterFromLevel 0, under which runs without a stored filter
 * (the small ones) are read in full, as before those filters. Prints each connection's first
 * look-up (it loads the stored filters and builds the small runs' ones) and the index blocks
 * read per trace, a count that does not depend on the machine's speed.
 *
 *   node --import tsx bench/index-blocks.ts --db /tmp/b1m/…/bench.db --docs 1000000 [--n 30]
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import { traceArticle } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { STORED_CORPUS_OPTIONS } from './measure.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({ options: STORED_CORPUS_OPTIONS });

async function measure(file: string, label: string, filterFromLevel: number | undefined): Promise<void> {
  const store = await SqliteStore.open(file, filterFromLevel === undefined ? {} : { buckets: { filterFromLevel } });
  try {
    const engine = createEngine();
    const t = performance.now();
    await store.findByBucketKeys([1, 2, 3]);
    const first = performance.now() - t;
    const from = Number(args.docs);
    const n = Number(args.n);
    const before = store.bucketBlocksRead;
    for (const doc of new SynthCorpus(Number(args.seed)).docs(from, from + n)) await traceArticle(engine, store, prepareArticle(doc.raw));
    const perTrace = (store.bucketBlocksRead - before) / n;
    console.log(`${label.padEnd(44)} first look-up ${first.toFixed(0)} ms, ${perTrace.toFixed(0)} index blocks read per trace (${n} traces)`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  if (!args.db) throw new Error('--db <bench.db> is required');
  await measure(args.db, 'defaults (small runs filtered in memory)', undefined);
  await measure(args.db, 'filterFromLevel 0 (small runs read in full)', 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
