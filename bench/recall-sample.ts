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
import { fingerprintCandidatesOf, nameCandidatesOf, sampleDocs } from './stages.js';
import { quantile } from './measure.js';

const [db, per, maxScored, nameBound] = process.argv.slice(2);
const engine = createEngine({ maxNamePostings: Number(nameBound) });
const store = await openStore(db);
const corpus = new SynthCorpus(1);
const ids = new Map<number, string>();
const raw = new Database(db, { readonly: true });
for (const r of raw.prepare(`SELECT source, id FROM articles WHERE source LIKE 'synth:%'`).iterate() as Iterable<{ source: string; id: string }>) ids.set(Number(r.source.slice(6)), r.id);
raw.close();
let generated = 0;
for (const i of ids.keys()) generated = Math.max(generated, i + 1);
/** Per kind: [queried, source among fingerprint candidates, among fingerprint or name candidates]. */
const res: Record<string, [number, number, number]> = {};
const fpMs: number[] = [];
const namesMs: number[] = [];
let fpCandidates = 0;
for (const [kind, list] of sampleDocs(corpus, generated, Number(per))) {
  if (kind === 'duplicate' || kind === 'original') continue;
  const r = (res[kind] = [0, 0, 0]);
  for (const i of list) {
    const id = ids.get(i);
    const src = ids.get((corpus.role(i) as { source: number }).source);
    if (!id || !src || id === src) continue; // not stored, or stored as its source (exact hash)
    const a = (await store.getArticle(id))!;
    let t = performance.now();
    const fp = await fingerprintCandidatesOf(store, engine, a, { maxScored: Number(maxScored) });
    fpMs.push(performance.now() - t);
    t = performance.now();
    const names = await nameCandidatesOf(store, engine, a);
    namesMs.push(performance.now() - t);
    r[0]++;
    r[1] += fp.includes(src) ? 1 : 0;
    r[2] += fp.includes(src) || names.includes(src) ? 1 : 0;
    fpCandidates += fp.length;
  }
}
const ms = (v: number[], p: number) => quantile(v, p).toFixed(1);
console.log(`maxScored ${maxScored} names ${nameBound}:`, JSON.stringify(res), `fp p50 ${ms(fpMs, 0.5)} p95 ${ms(fpMs, 0.95)}; names p50 ${ms(namesMs, 0.5)} p95 ${ms(namesMs, 0.95)}; fp candidates ${fpCandidates}`);
