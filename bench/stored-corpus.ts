/**
 * What the scripts that trace new synthetic articles against a stored benchmark corpus
 * (trace-latency, trace-profile, trace-relations) open first, read from their
 * STORED_CORPUS_OPTIONS (bench/measure.ts).
 */
import { createEngine, type Engine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import type { Article } from '../src/types.js';
import { SynthCorpus } from './synth/corpus.js';

export interface StoredCorpus {
  store: Store;
  engine: Engine;
  corpus: SynthCorpus;
  /** Articles stored: the traced ones are those after them. */
  docs: number;
  /** Articles to trace. */
  n: number;
}

export async function openStoredCorpus(args: { db?: string; docs: string; n: string; seed: string }): Promise<StoredCorpus> {
  if (!args.db) throw new Error('--db <bench.db> is required (storytrace bench --keep prints it)');
  return { store: await openStore(args.db), engine: createEngine(), corpus: new SynthCorpus(Number(args.seed)), docs: Number(args.docs), n: Number(args.n) };
}

/** The i-th warm-up article: new to the store, and far enough after the traced ones not to be one of them. */
export function warmUpArticle(c: Pick<StoredCorpus, 'corpus' | 'docs'>, i: number): Article {
  return prepareArticle(c.corpus.doc(c.docs + 10_000 + i).raw);
}
