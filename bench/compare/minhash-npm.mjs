// npm `minhash` (Minhash + LshIndex): 128 permutations, bands of 4 rows (32 bands), word 5-grams.
// Run with NODE_PATH pointing at the temp folder compare-tools.sh installs it into.
import { createRequire } from 'node:module';
import { readCorpus, REUSE_KINDS, report, seconds, shingles } from './common.mjs';

const require = createRequire(process.env.TOOLS_DIR + '/');
const { Minhash, LshIndex } = require('minhash');
const docs = readCorpus(process.argv[2]);
let t = process.hrtime.bigint();
const sigs = docs.map((d) => {
  const m = new Minhash({ numPerm: 128 });
  for (const s of shingles(d.text)) m.update(s);
  return m;
});
const fpSec = seconds(t);
const index = new LshIndex({ bandSize: 4 });
t = process.hrtime.bigint();
docs.forEach((d, i) => index.insert(d.id, sigs[i]));
const buildSec = seconds(t);
let queries = 0;
let hits = 0;
t = process.hrtime.bigint();
docs.forEach((d, i) => {
  if (!REUSE_KINDS.has(d.kind)) return;
  queries++;
  if (index.query(sigs[i]).includes(d.source)) hits++;
});
report('npm minhash', docs, fpSec, buildSec, seconds(t), queries, hits);
