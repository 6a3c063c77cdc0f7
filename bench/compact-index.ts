/**
 * What one index run would save a trace's look-ups: merges every run of a stored benchmark
 * corpus's LSH bucket index (src/store/sqlite-buckets.ts) into one, in place, with the merge
 * the index itself uses. Run it on a copy of the store, then compare the two stores with
 * bench/index-blocks.ts (blocks read per trace) and bench/trace-latency.ts. An experiment,
 * not a maintenance command: a store's own merges keep it log-structured.
 *
 *   cp m.db m1.db && node --import tsx bench/compact-index.ts --db m1.db
 */
import { parseArgs } from 'node:util';
import type Database from 'better-sqlite3';
import { mergeRuns, RunCursor, type RunWriter } from '../src/store/bucket-runs.js';
import { SqliteStore } from '../src/store/sqlite.js';

const { values: args } = parseArgs({ options: { db: { type: 'string' } } });

/** The bucket index's internals this experiment drives (private in the store). */
interface IndexInternals {
  runList: Database.Statement;
  runs: Map<string, unknown>;
  writeRun(level: number, fill: (out: RunWriter) => void): void;
}

async function main(): Promise<void> {
  if (!args.db) throw new Error('--db <copy of a bench store> is required');
  const store = await SqliteStore.open(args.db);
  const internals = store as unknown as { db: Database.Database; buckets: IndexInternals };
  const { db, buckets } = internals;
  const runs = buckets.runList.all() as Array<{ name: string; level: number; rows: number }>;
  console.log(`before: ${runs.length} runs, ${runs.reduce((n, r) => n + r.rows, 0)} pairs`);
  const t = performance.now();
  db.transaction(() => {
    const level = Math.max(...runs.map((r) => r.level)) + 1;
    buckets.writeRun(level, (out) => mergeRuns(runs.map((r) => new RunCursor(db, r.name)), out));
    for (const r of runs) {
      db.prepare(`DELETE FROM bucket_runs WHERE name = ?`).run(r.name);
      db.prepare(`DELETE FROM bucket_filters WHERE run = ?`).run(r.name);
      db.exec(`DROP TABLE ${r.name}`);
      buckets.runs.delete(r.name);
    }
  }).immediate();
  console.log(`after: ${store.bucketLayout().length - 1} run(s) in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
