/**
 * What the ties at a look-up's top-k cut cost (issue #6; SqliteStore.firstIdsOf): the time a
 * trace spends in the store's band-key look-ups (findByBucketKeys, ties included), traced on
 * this thread after a warm-up; with --statements, also the store's two statements for finding
 * the smallest ids among random tie sets (each tie looked up, or the id index walked in order)
 * timed side by side, with the choice walkIsCheaper makes.
 *
 *   node --import tsx bench/tie-walk.ts --db …/bench.db --docs 1000000 [--n 60] [--warm 10]
 *       [--statements]
 */
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import { traceArticle } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { FIRST_IDS_OF_DOCS_SQL, IDS_OF_DOCS_SQL, SqliteStore, walkIsCheaper } from '../src/store/sqlite.js';
import { quantile, STORED_CORPUS_OPTIONS } from './measure.js';
import { openStoredCorpus, warmUpArticle } from './stored-corpus.js';

const { values: args } = parseArgs({
  options: { ...STORED_CORPUS_OPTIONS, n: { type: 'string', default: '60' }, warm: { type: 'string', default: '10' }, statements: { type: 'boolean', default: false } },
});

applyV8Flags();

/** Milliseconds a trace spends in findByBucketKeys, per traced article. */
async function lookUpTimes(): Promise<number[]> {
  const c = await openStoredCorpus(args);
  if (!(c.store instanceof SqliteStore)) throw new Error('--db must be a SQLite store');
  const store = c.store;
  const find = store.findByBucketKeys.bind(store);
  let spent = 0;
  store.findByBucketKeys = async (...a) => {
    const t = performance.now();
    try {
      return await find(...a);
    } finally {
      spent += performance.now() - t;
    }
  };
  try {
    for (let i = 0; i < Number(args.warm); i++) await traceArticle(c.engine, store, warmUpArticle(c, i));
    const times: number[] = [];
    for (const doc of c.corpus.docs(c.docs, c.docs + c.n)) {
      spent = 0;
      await traceArticle(c.engine, store, prepareArticle(doc.raw));
      times.push(spent);
    }
    return times;
  } finally {
    await store.close();
  }
}

/** The two statements of SqliteStore on seeded random tie sets; they must return the same rows. */
function compareStatements(file: string): void {
  const db = new Database(file, { readonly: true });
  const lookUp = db.prepare(IDS_OF_DOCS_SQL);
  const walk = db.prepare(FIRST_IDS_OF_DOCS_SQL);
  const stored = db.prepare(`SELECT max(doc) FROM article_docs`).pluck().get() as number;
  let state = Number(args.seed) >>> 0 || 1;
  const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  type Row = { doc: number; id: string };
  for (const ties of [50, 200, 600, 2000, 5000]) {
    for (const need of [1, 5, 20]) {
      const docs = JSON.stringify(Array.from({ length: ties }, () => 1 + Math.floor(next() * stored)));
      let t = performance.now();
      const looked = (lookUp.all(docs) as Row[]).sort((x, y) => (x.id < y.id ? -1 : 1)).slice(0, need);
      const lookMs = performance.now() - t;
      t = performance.now();
      const walked = walk.all(docs, need) as Row[];
      const walkMs = performance.now() - t;
      const same = JSON.stringify(looked) === JSON.stringify(walked);
      console.log(`${ties} ties, need ${need}: looked up ${lookMs.toFixed(2)} ms, walked ${walkMs.toFixed(2)} ms, ${same ? 'same rows' : 'ROWS DIFFER'}; walkIsCheaper: ${walkIsCheaper(ties, need, stored)}`);
    }
  }
  db.close();
}

async function main(): Promise<void> {
  if (args.statements) compareStatements(args.db!);
  const times = await lookUpTimes();
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  const f = (x: number) => x.toFixed(1);
  console.log(`look-ups per trace (${times.length} traces): p50 ${f(quantile(times, 0.5))} ms, p90 ${f(quantile(times, 0.9))}, max ${f(Math.max(...times))}, mean ${f(mean)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
