/**
 * storytrace's side of the comparison: the same JSONL corpus, one core, MinHash over word
 * 5-grams with 128 bins and 32 bands × 4 rows (plus a line with storytrace's default sketches).
 *   node dist/bench/compare/storytrace.js corpus.jsonl
 */
import { fingerprintText, type Fingerprint } from '../../src/fingerprint/index.js';
import { MemoryCandidateIndex } from '../../src/fingerprint/candidates.js';
import { DEFAULT_INDEX_PARAMS, resolveIndexParams, type IndexParams } from '../../src/fingerprint/params.js';
import { readCorpus, REUSE_KINDS, type CorpusLine } from './read-corpus.js';

function run(tool: string, docs: CorpusLine[], params: IndexParams): void {
  const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
  for (const d of docs.slice(0, 500)) fingerprintText(d.text, null, params); // JIT warm-up
  let t = process.hrtime.bigint();
  const fps: Fingerprint[] = docs.map((d) => fingerprintText(d.text, null, params));
  const fpSec = Number(process.hrtime.bigint() - t) / 1e9;
  const index = new MemoryCandidateIndex(params);
  t = process.hrtime.bigint();
  docs.forEach((d, i) => index.addSync(d.id, fps[i]));
  const buildSec = Number(process.hrtime.bigint() - t) / 1e9;
  let queries = 0;
  let hits = 0;
  t = process.hrtime.bigint();
  docs.forEach((d, i) => {
    if (!REUSE_KINDS.has(d.kind)) return;
    queries++;
    // minScore 0: every LSH candidate counts, as the other tools return every bucket match.
    if (index.querySync(fps[i], { excludeId: d.id, minScore: 0, limit: 1e9 }).some((c) => c.id === d.source)) hits++;
  });
  const querySec = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(JSON.stringify({ tool, docs: docs.length, mb: bytes / 1e6, fingerprintSec: fpSec, buildSec, querySec, queries, recall: hits / queries }));
}

const docs = readCorpus(process.argv[2]);
run('storytrace (words 5-grams, 32x4)', docs, resolveIndexParams({ sketches: { words: { shingle: 5, bands: 32, rows: 4, minSharedBands: 1 } } }));
run('storytrace (default: words 128x1/3 + stopwords 64x2)', docs, DEFAULT_INDEX_PARAMS);
