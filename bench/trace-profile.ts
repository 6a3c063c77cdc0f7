/**
 * Where a trace's time or memory goes (issue #6): traces new synthetic articles against a
 * stored benchmark corpus on this thread, under V8's CPU profiler (or, with --alloc, its
 * sampling heap profiler counting collected objects too), and prints the functions with the
 * most self time (or allocated bytes) per trace. A native function (a SQLite statement's
 * `all`, a Map's `set`) is shown with the JS function that called it, which says what it was.
 *
 *   node --import tsx bench/trace-profile.ts --db …/bench.db --docs 1000000 [--n 100] [--warm 10]
 *       [--alloc] [--top 40] [--out trace.cpuprofile]
 *
 * Runs as the CLI does (src/cli/v8-flags.ts: allocation-site pretenuring off unless node is
 * given `--allocation-site-pretenuring`). Under tsx the
 * line numbers are those of the transpiled files; names and files are what to read. A cost paid
 * once per process (the WordNet filler index, built by the first broken-phrase search; the
 * part-of-speech tagger's first use) shows in short runs unless the warm-up met it.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { applyV8Flags } from '../src/cli/v8-flags.js';
import { traceArticle } from '../src/engine/trace.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { STORED_CORPUS_OPTIONS } from './measure.js';
import { openStoredCorpus, warmUpArticle } from './stored-corpus.js';

const { values: args } = parseArgs({
  options: {
    ...STORED_CORPUS_OPTIONS,
    warm: { type: 'string', default: '10' },
    alloc: { type: 'boolean', default: false },
    top: { type: 'string', default: '40' },
    out: { type: 'string' },
  },
});

applyV8Flags();

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[] | ProfileNode[];
  selfSize?: number;
}

const where = (cf: CallFrame): string => `${cf.functionName || '(anonymous)'} ${cf.url.split('/').slice(-2).join('/')}`;

/** Self cost per function, natives named with their nearest JS caller. */
function tally(nodes: ProfileNode[], selfOf: (n: ProfileNode) => number, childrenOf: (n: ProfileNode) => ProfileNode[]): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (node: ProfileNode, caller: ProfileNode | null): void => {
    const js = node.callFrame.url !== '';
    const key = js || !caller ? where(node.callFrame) : `${where(node.callFrame)}<- ${where(caller.callFrame)}`;
    out.set(key, (out.get(key) ?? 0) + selfOf(node));
    for (const c of childrenOf(node)) visit(c, js ? node : caller);
  };
  for (const root of nodes) visit(root, null);
  return out;
}

function print(costs: Map<string, number>, unit: string, scale: number, n: number, top: number): void {
  const total = [...costs.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...costs].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((v * scale) / n).toFixed(2).padStart(8)} ${unit}/trace ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
  console.log(`total ${((total * scale) / n).toFixed(1)} ${unit} per trace over ${n} traces`);
}

async function main(): Promise<void> {
  const stored = await openStoredCorpus(args);
  const { store, engine, corpus, docs, n } = stored;
  const session = new Session();
  session.connect();
  try {
    for (let i = 0; i < Number(args.warm); i++) await traceArticle(engine, store, warmUpArticle(stored, i), {});
    const run = async () => {
      for (const doc of corpus.docs(docs, docs + n)) await traceArticle(engine, store, prepareArticle(doc.raw), {});
    };
    if (args.alloc) {
      await session.post('HeapProfiler.enable');
      // collected objects count too: what a trace allocates, not what it keeps
      await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
      await run();
      const { profile } = await session.post('HeapProfiler.stopSampling');
      const head = profile.head as unknown as ProfileNode;
      print(tally([head], (x) => x.selfSize ?? 0, (x) => (x.children ?? []) as ProfileNode[]), 'MB', 1e-6, n, Number(args.top));
    } else {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      await run();
      const { profile } = await session.post('Profiler.stop');
      if (args.out) writeFileSync(args.out, JSON.stringify(profile));
      const self = new Map<number, number>();
      profile.samples!.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
      const nodes = profile.nodes as unknown as ProfileNode[];
      const byId = new Map(nodes.map((x) => [x.id, x]));
      const root = nodes[0];
      print(tally([root], (x) => self.get(x.id) ?? 0, (x) => ((x.children ?? []) as number[]).map((id) => byId.get(id)!)), 'ms', 1e-3, n, Number(args.top));
    }
  } finally {
    session.disconnect();
    await store.close();
  }
}

await main();
