// npm `bloom-filters` MinHash (128 permutations) over word 5-grams hashed to integers; the
// package has no LSH index, so bands of 4 rows (32 bands) are keyed here in plain Maps.
import { createRequire } from 'node:module';
import { readCorpus, REUSE_KINDS, report, seconds, shingles } from './common.mjs';

const require = createRequire(process.env.TOOLS_DIR + '/');
const { MinHashFactory } = require('bloom-filters');
const MAX = 2 ** 31 - 1;
/** FNV-1a of a shingle, below MAX (bloom-filters' MinHash takes numbers up to its max value). */
function fnv(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % MAX;
}
const docs = readCorpus(process.argv[2]);
const factory = new MinHashFactory(128, MAX);
let t = process.hrtime.bigint();
const sigs = docs.map((d) => {
  const m = factory.create();
  m.bulkLoad(shingles(d.text).map(fnv));
  return m._signature;
});
const fpSec = seconds(t);
const bands = Array.from({ length: 32 }, () => new Map());
const key = (sig, b) => sig.slice(b * 4, b * 4 + 4).join(',');
t = process.hrtime.bigint();
docs.forEach((d, i) => bands.forEach((m, b) => m.set(key(sigs[i], b), [...(m.get(key(sigs[i], b)) ?? []), d.id])));
const buildSec = seconds(t);
let queries = 0;
let hits = 0;
t = process.hrtime.bigint();
docs.forEach((d, i) => {
  if (!REUSE_KINDS.has(d.kind)) return;
  queries++;
  if (bands.some((m, b) => (m.get(key(sigs[i], b)) ?? []).includes(d.source))) hits++;
});
report('npm bloom-filters (MinHash; LSH banding ours)', docs, fpSec, buildSec, seconds(t), queries, hits);
