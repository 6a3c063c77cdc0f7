/**
 * The look-ups of a trace, this tree's code against another checkout's (an older commit in a
 * `git worktree`), alternately in one process on one stored benchmark corpus: for each new
 * synthetic article, the fingerprint look-up (StoreCandidateIndex.query, as trace asks it) and
 * the name look-up (nameNeighbours), each version on its own store connection. Prints each
 * version's median CPU time per pass over the articles, the median of the per-pass ratios, and
 * whether both versions found the same candidates (an md5 of every answer). With --old-db the
 * old version reads another store (e.g. the same store before `storytrace compact`; --old may
 * then be this very tree).
 *
 *   git worktree add /tmp/old <commit> && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   ln -s "$PWD/generated" /tmp/old/generated
 *   node --import tsx bench/lookup-ab.ts --old /tmp/old --db …/bench.db --docs 1000000 [--n 100] [--passes 25]
 *       [--old-db …/other.db]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareArticle } from '../src/ingest/prepare.js';
import type { Article } from '../src/types.js';
import { createEngine } from '../src/engine/engine.js';
import { DEFAULT_TRACE_OPTIONS, lookUpBounds } from '../src/engine/trace.js';
import { median, STORED_CORPUS_OPTIONS } from './measure.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({ options: { ...STORED_CORPUS_OPTIONS, old: { type: 'string' }, 'old-db': { type: 'string' }, passes: { type: 'string', default: '25' } } });

/** One version's look-ups of every article, answers digested. */
type Pass = () => Promise<string>;

/** The bounds of both versions' look-ups: this tree's, as trace asks them for its default limit. */
type Bounds = ReturnType<typeof lookUpBounds>;

async function versionAt(root: string, db: string, articles: Article[], bounds: Bounds): Promise<{ pass: Pass; close: () => Promise<void> }> {
  const { openStore } = (await import(`${root}/src/store/open.ts`)) as typeof import('../src/store/open.js');
  const { createEngine } = (await import(`${root}/src/engine/engine.ts`)) as typeof import('../src/engine/engine.js');
  const { StoreCandidateIndex } = (await import(`${root}/src/fingerprint/candidates.ts`)) as typeof import('../src/fingerprint/candidates.js');
  const { fingerprintText } = (await import(`${root}/src/fingerprint/index.ts`)) as typeof import('../src/fingerprint/index.js');
  const { articleEntityKeys, nameNeighbours } = (await import(`${root}/src/engine/trace.ts`)) as typeof import('../src/engine/trace.js');
  const store = await openStore(db, { readonly: true });
  const engine = createEngine();
  const index = new StoreCandidateIndex(store, engine.options.index);
  const inputs = articles.map((a) => ({ fp: fingerprintText(a.text, a.sentences, engine.options.index), keys: articleEntityKeys(engine, a), id: a.id }));
  const pass: Pass = async () => {
    const md5 = createHash('md5');
    for (const x of inputs) {
      const reused = await index.query(x.fp, { excludeId: x.id, limit: bounds.fingerprints });
      const named = await nameNeighbours(engine, store, x.keys, bounds.names);
      md5.update(JSON.stringify([reused, [...named]]));
    }
    return md5.digest('hex');
  };
  return { pass, close: () => store.close() };
}

async function main(): Promise<void> {
  if (!args.old || !args.db) throw new Error('--old <checkout> and --db <bench.db> are required');
  const corpus = new SynthCorpus(Number(args.seed));
  const from = Number(args.docs);
  const articles = [...corpus.docs(from, from + Number(args.n))].map((d) => prepareArticle(d.raw));
  const bounds = lookUpBounds(createEngine(), DEFAULT_TRACE_OPTIONS.limit);
  const versions = [await versionAt(resolve('.'), args.db, articles, bounds), await versionAt(resolve(args.old), args['old-db'] ?? args.db, articles, bounds)];
  try {
    const digests = await Promise.all(versions.map((v) => v.pass())); // warm-up: filters, page cache
    const times: number[][] = [[], []];
    for (let p = 0; p < Number(args.passes); p++) {
      for (const [i, v] of (p % 2 === 0 ? [0, 1] : [1, 0]).map((i) => [i, versions[i]] as const)) {
        const c = process.cpuUsage();
        await v.pass();
        const used = process.cpuUsage(c);
        times[i].push((used.user + used.system) / 1000);
      }
    }
    const ratio = median(times[0].map((t, p) => t / times[1][p]));
    console.log(`look-ups of ${articles.length} articles: this tree ${median(times[0]).toFixed(1)} ms a pass, old ${median(times[1]).toFixed(1)} ms; this / old, median of ${times[0].length} passes: ${ratio.toFixed(3)}`);
    console.log(`answers: ${digests[0] === digests[1] ? 'the same' : 'DIFFERENT'} (${digests[0]} / ${digests[1]})`);
  } finally {
    for (const v of versions) await v.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
