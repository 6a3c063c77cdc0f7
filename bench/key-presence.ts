/**
 * How many of a new article's bucket keys the stored index holds at all, per table of the
 * SQLite bucket index (the tail and each run): the share of probes a per-run filter (Bloom)
 * would save. Articles are the synthetic documents after the stored ones.
 *   node --import tsx bench/key-presence.ts <bench.db> [docs stored = 1000000]
 */
import Database from 'better-sqlite3';
import { createEngine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { SynthCorpus } from './synth/corpus.js';
import { fingerprintText } from '../src/fingerprint/index.js';
import { fingerprintKeys } from '../src/fingerprint/candidates.js';
import { nameKeys } from '../src/parallel/prepare-doc.js';
const db = new Database(process.argv[2], { readonly: true });
const tables = ['buckets', ...(db.prepare('select name from bucket_runs').pluck().all() as string[])];
const st = tables.map((t) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t} WHERE key = ?)`).pluck());
const engine = createEngine();
const corpus = new SynthCorpus(1);
const agg: Record<string, { keys: number; present: number; cells: number; presentCells: number }> = {};
const stored = Number(process.argv[3] ?? 1000000);
for (const doc of corpus.docs(stored + 100, stored + 130)) {
  const a = prepareArticle(doc.raw);
  const fp = fingerprintText(a.text, a.sentences, engine.options.index);
  const groups = [...fingerprintKeys(fp, engine.options.index)].map(([k, v]) => [k, v] as [string, number[]]);
  groups.push(['names', nameKeys(a)]);
  for (const [kind, keys] of groups) {
    const g = (agg[kind] ??= { keys: 0, present: 0, cells: 0, presentCells: 0 });
    for (const k of new Set(keys)) {
      g.keys++;
      let any = 0;
      for (const s of st) {
        g.cells++;
        if (s.get(k) === 1) {
          g.presentCells++;
          any = 1;
        }
      }
      g.present += any;
    }
  }
}
console.log(tables.length, 'tables', JSON.stringify(agg));
