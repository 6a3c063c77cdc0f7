/**
 * What a bucket run's filter costs its writer (src/store/bucket-filter.ts): writes the same
 * sorted (key, doc) pairs as a run, in an in-memory SQLite database, with and without a filter,
 * alternating, and prints ns per pair of each pass (the best pass is the steadier number on a
 * shared machine). Keys are shaped like band keys: 192 bands of uniform 32-bit hashes.
 *
 *   node --import tsx bench/filter-speed.ts [pairs=10000000] [passes=4] [seed=1]
 */
import Database from 'better-sqlite3';
import { RunWriter } from '../src/store/bucket-runs.js';

function sortedPairs(n: number, seed: number): { keys: Float64Array; docs: Uint32Array } {
  let s = seed >>> 0;
  const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const keys = new Float64Array(n);
  const docs = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = 2 ** 40 + (i % 192) * 2 ** 32 + next();
    docs[i] = i;
  }
  keys.sort();
  return { keys, docs };
}

/** Nanoseconds per pair to write one run of the pairs. */
function writeRun(keys: Float64Array, docs: Uint32Array, filtered: boolean): number {
  const db = new Database(':memory:');
  try {
    const t = process.hrtime.bigint();
    const out = new RunWriter(db, 'bucket_run_1', filtered);
    db.transaction(() => out.pushAll(keys, docs, keys.length))();
    out.finish();
    return Number(process.hrtime.bigint() - t) / keys.length;
  } finally {
    db.close();
  }
}

function main(): void {
  const [pairs = 10_000_000, passes = 4, seed = 1] = process.argv.slice(2).map(Number);
  const { keys, docs } = sortedPairs(pairs, seed);
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let p = 0; p < passes; p++) {
    times.with.push(writeRun(keys, docs, true));
    times.without.push(writeRun(keys, docs, false));
  }
  for (const [name, t] of Object.entries(times)) {
    console.log(`run writer ${name.padEnd(7)} filter: ${t.map((x) => x.toFixed(0)).join(', ')} ns a pair (best ${Math.min(...t).toFixed(0)})`);
  }
}

main();
