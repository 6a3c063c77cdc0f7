/**
 * A digest of the relations the engine gives on many pairs, to check that a speed change keeps
 * every answer bit for bit (same digest before and after = same relations, evidence included).
 *
 *   node --import tsx bench/relation-digest.ts [--docs 800] [--seed 1]
 *
 * Pairs: each of the first `docs` benchmark documents with its source when it is an injected
 * copy (derived pairs of every kind) and with the document before it (mostly unrelated pairs,
 * some on the same event). Each relation is `compareAnalyzed` of the two analysed articles,
 * hashed as JSON in order.
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { analyzeArticle, compareAnalyzed, createEngine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import type { AnalyzedArticle } from '../src/relate/analyzed.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({
  options: { docs: { type: 'string', default: '800' }, seed: { type: 'string', default: '1' } },
});

function main(): void {
  const engine = createEngine();
  const corpus = new SynthCorpus(Number(args.seed));
  const analysed = (i: number): AnalyzedArticle => analyzeArticle(engine, prepareArticle(corpus.doc(i).raw));
  const digest = createHash('md5');
  const started = performance.now();
  let pairs = 0;
  for (let i = 0; i < Number(args.docs); i++) {
    const a = analysed(i);
    for (const j of [corpus.doc(i).source, i - 1].filter((x) => x >= 0)) {
      digest.update(JSON.stringify(compareAnalyzed(engine, a, analysed(j))));
      pairs++;
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${pairs} pairs  relation digest ${digest.digest('hex')}  (${seconds} s)`);
}

main();
