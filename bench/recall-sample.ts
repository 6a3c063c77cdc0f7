/**
 * Candidate recall on a sample of a stored benchmark corpus, with the look-up bounds as
 * arguments: for `per` copies of each injected kind, is the source among the fingerprint
 * candidates (scoring at most `maxScored` per sketch) or the 40 articles sharing most names
 * (names carried by more than `nameBound` articles skipped)? Prints recall per kind and
 * look-up times. Reads the SQLite file of `storytrace bench --keep`.
 *   node --import tsx bench/recall-sample.ts <bench.db> <per> <maxScored> <nameBound>
 */
import Database from 'better-sqlite3';
import { createEngine } from '../src/engine/engine.js';
import { openStore } from '../src/store/open.js';
import { SynthCorpus } from './synth/corpus.js';
import { sampleDocs } from './stages.js';
import { nameKeys } from '../src/parallel/prepare-doc.js';
import { fingerprintText } from '../src/fingerprint/index.js';
import { StoreCandidateIndex } from '../src/fingerprint/candidates.js';
const [db, per, maxScored, nameBound] = process.argv.slice(2);
const engine = createEngine();
const store = await openStore(db);
const corpus = new SynthCorpus(1);
const ids = new Map<number, string>();
const raw = new Database(db, { readonly: true });
for (const r of raw.prepare(`SELECT source, id FROM articles WHERE source LIKE 'synth:%'`).iterate() as Iterable<{ source: string; id: string }>) ids.set(Number(r.source.slice(6)), r.id);
raw.close();
let generated = 0;
for (const i of ids.keys()) generated = Math.max(generated, i + 1);
const index = new StoreCandidateIndex(store, engine.options.index);
const res: Record<string, [number, number, number]> = {};
const tf: number[] = [], tn: number[] = [];
let nonFam = 0, allC = 0;
for (const [kind, list] of sampleDocs(corpus, generated, Number(per))) {
  if (kind === 'duplicate' || kind === 'original') continue;
  const r = (res[kind] = [0, 0, 0]);
  for (const i of list) {
    const id = ids.get(i); const role = corpus.role(i) as { source: number }; const src = ids.get(role.source);
    if (!id || !src || id === src) continue;
    const a = (await store.getArticle(id))!;
    let t = performance.now();
    const fp = fingerprintText(a.text, a.sentences, engine.options.index);
    const c = await index.query(fp, { excludeId: id, limit: 50, maxScored: Number(maxScored) });
    tf.push(performance.now() - t); t = performance.now();
    const byNames = await store.findByBucketKeys(nameKeys(a), { maxPostings: Number(nameBound), common: 'skip', top: 41 });
    tn.push(performance.now() - t);
    const top = [...byNames.entries()].filter(([x]) => x !== id).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 40).map(([x]) => x);
    r[0]++; const inFp = c.some((x) => x.id === src); r[1] += inFp ? 1 : 0; r[2] += inFp || top.includes(src) ? 1 : 0;
    allC += c.length;
  }
}
const q = (v: number[], p: number) => v.sort((x, y) => x - y)[Math.floor(p * (v.length - 1))].toFixed(1);
console.log(`maxScored ${maxScored} names ${nameBound}:`, JSON.stringify(res), `fp p50 ${q(tf, 0.5)} p95 ${q(tf, 0.95)}; names p50 ${q(tn, 0.5)} p95 ${q(tn, 0.95)}; fp candidates ${allC}`);
