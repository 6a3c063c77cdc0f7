/**
 * The parallel ingest path alone (what `storytrace add` runs from 64 inputs on), timed by wall
 * clock, into a new store:
 *   node --import tsx bench/ingest-speed.ts <db> <corpus.jsonl …>
 * A corpus: `node dist/bench/export-corpus.js --docs 10000 --out c10k.jsonl`.
 */
import { ingestParallel } from '../src/parallel/ingest.js';
import { openStore } from '../src/store/open.js';
import { DEFAULT_ENGINE_OPTIONS } from '../src/engine/engine.js';

const [db, ...inputs] = process.argv.slice(2);
if (!db || inputs.length === 0) {
  console.error('usage: node --import tsx bench/ingest-speed.ts <db> <corpus.jsonl …>');
  process.exit(2);
}
const store = await openStore(db);
const t = performance.now();
const counts = { added: 0, duplicate: 0, error: 0 };
for await (const e of ingestParallel(store, inputs, DEFAULT_ENGINE_OPTIONS, {})) counts[e.kind]++;
console.log(`added ${counts.added}, duplicates ${counts.duplicate}, errors ${counts.error} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
await store.close();
