/**
 * What a trace's candidates turn out to be: traces new synthetic articles (the documents after
 * the stored ones) with every candidate kept, and prints the candidates per trace by relation,
 * and how many a default trace shows. Says where a trace's work goes: every candidate is
 * analysed and aligned, whatever it turns out to be. Every candidate is kept with a limit of
 * 1,000, which also lets in more fingerprint neighbours than a default trace (limit 20) has.
 *
 *   node --import tsx bench/trace-relations.ts --db /tmp/b1m/…/bench.db --docs 1000000 [--n 30] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { traceArticle, type TraceTimings } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { STORED_CORPUS_OPTIONS } from './measure.js';
import { openStoredCorpus } from './stored-corpus.js';

const { values: args } = parseArgs({ options: STORED_CORPUS_OPTIONS });

async function main(): Promise<void> {
  const { store, engine, corpus, docs: from, n } = await openStoredCorpus(args);
  const byRelation = new Map<string, number>();
  let candidates = 0;
  let shown = 0;
  let compared = 0;
  try {
    for (const doc of corpus.docs(from, from + n)) {
      const article = prepareArticle(doc.raw);
      const all = await traceArticle(engine, store, article, { includeUnrelated: true, limit: 1000 });
      const timings: Partial<TraceTimings> = {};
      shown += (await traceArticle(engine, store, article, { timings })).length;
      compared += timings.candidates ?? 0;
      candidates += all.length;
      for (const r of all) byRelation.set(r.relation, (byRelation.get(r.relation) ?? 0) + 1);
    }
  } finally {
    await store.close();
  }
  const perTrace = (x: number): string => (x / n).toFixed(2);
  // A wider limit lets in more fingerprint neighbours (up to maxFingerprintCandidates): the
  // first two figures differ when it did.
  console.log(`${n} traces: ${perTrace(compared)} candidates compared by a default trace, ${perTrace(candidates)} with every candidate kept, ${perTrace(shown)} shown per trace`);
  for (const [relation, count] of [...byRelation].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) console.log(`  ${relation.padEnd(15)} ${perTrace(count)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
