/**
 * Fingerprint and candidate-search benchmark on a synthetic corpus (one core).
 *   node --import tsx bench/fingerprint-speed.ts [--docs N] [--seed S] [--lsh kind=BxR/M ...]
 *        [--sketches words,stopwords] [--min-score X]
 * Generates N ~600-word articles, a twentieth of them copied five ways (verbatim, near-dup,
 * spun, abridged, excerpt); measures fingerprinting docs/s and MB/s, LSH build and query time,
 * and recall / precision of the injected copies.
 */
import { fingerprintText, type Fingerprint } from '../src/fingerprint/index.js';
import { MemoryCandidateIndex } from '../src/fingerprint/candidates.js';
import { thresholdForRecall } from '../src/fingerprint/lsh.js';
import { DEFAULT_INDEX_PARAMS, paramsKey, resolveIndexParams, type IndexParams, type SketchKind } from '../src/fingerprint/params.js';
import { COPY_KINDS, deriveCopy, makeCorpus, render, type CopyKind } from '../src/fingerprint/synthetic.js';
import { newWordBuffer, scanWords } from '../src/fingerprint/words.js';

interface Args {
  docs: number;
  seed: number;
  params: IndexParams;
  minScore: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { docs: 20000, seed: 1, params: DEFAULT_INDEX_PARAMS, minScore: 0.2 };
  const sketches: IndexParams['sketches'] = { ...DEFAULT_INDEX_PARAMS.sketches };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    if (argv[i] === '--docs') args.docs = Number(v);
    else if (argv[i] === '--seed') args.seed = Number(v);
    else if (argv[i] === '--min-score') args.minScore = Number(v);
    else if (argv[i] === '--lsh') {
      // kind=BxR/M[,shingle]
      const m = /^(\w+)=(\d+)x(\d+)\/(\d+)(?:,(\d+))?$/.exec(v ?? '');
      if (!m) throw new Error(`--lsh wants kind=BxR/M[,shingle], got ${v}`);
      const kind = m[1] as SketchKind;
      const shingle = m[5] ? Number(m[5]) : (sketches[kind]?.shingle ?? 8);
      sketches[kind] = { shingle, bands: Number(m[2]), rows: Number(m[3]), minSharedBands: Number(m[4]) };
    } else if (argv[i] === '--sketches') {
      for (const k of Object.keys(sketches) as SketchKind[]) if (!v.split(',').includes(k)) delete sketches[k];
    } else continue;
    i++;
  }
  args.params = resolveIndexParams({ sketches });
  return args;
}

interface Item {
  id: string;
  text: string;
  family: number; // source index for originals and their copies; -1 for unrelated docs
  kind: CopyKind | 'source' | 'other';
}

function buildCorpus(n: number, seed: number): Item[] {
  const corpus = makeCorpus(seed);
  const sources = Math.max(10, Math.floor(n / 20 / 6));
  const items: Item[] = [];
  for (let s = 0; s < sources; s++) {
    const doc = corpus.article(seed * 1_000_003 + s);
    items.push({ id: `s${s}`, text: render(doc), family: s, kind: 'source' });
    for (const kind of COPY_KINDS) {
      const copy = deriveCopy(doc, kind, seed * 7919 + s * 13 + COPY_KINDS.indexOf(kind), corpus.vocabulary);
      items.push({ id: `s${s}-${kind}`, text: render(copy), family: s, kind });
    }
  }
  for (let i = items.length; i < n; i++) {
    items.push({ id: `o${i}`, text: render(corpus.article(seed * 1_000_003 + 500_000 + i)), family: -1, kind: 'other' });
  }
  return items;
}

function time<T>(f: () => T): [T, number] {
  const t = process.hrtime.bigint();
  const r = f();
  return [r, Number(process.hrtime.bigint() - t) / 1e9];
}

function best(f: () => void, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(f)[1]);
  return min;
}

let sink = 0;
/** FNV-1a over the char codes: the least work a per-char scanner can do. */
function charLoop(text: string): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  sink ^= h;
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  const items = buildCorpus(a.docs, a.seed);
  const bytes = items.reduce((s, it) => s + Buffer.byteLength(it.text), 0);
  const words = items.reduce((s, it) => s + it.text.split(/\s+/).length, 0);
  console.log(`params ${paramsKey(a.params)}`);
  console.log(`${items.length} docs, ${(words / items.length).toFixed(0)} words/doc, ${(bytes / 1e6).toFixed(1)} MB`);
  for (const [kind, sp] of Object.entries(a.params.sketches)) {
    const t = thresholdForRecall(sp!, 0.98);
    console.log(`  ${kind}: ${sp!.bands}x${sp!.rows} min ${sp!.minSharedBands}: P(candidate) ≥ 0.98 from Jaccard ${t.toFixed(3)}`);
  }
  // Warm up the JIT on a slice, then time each pass three times and keep the best (shared
  // machines are noisy). The bare char loop calibrates: it is the floor any scanner pays.
  for (const it of items.slice(0, 500)) fingerprintText(it.text, null, a.params);
  const buf = newWordBuffer();
  const charSec = best(() => items.forEach((it) => charLoop(it.text)));
  const scanSec = best(() => items.forEach((it) => scanWords(it.text, null, buf)));
  let fps: Fingerprint[] = [];
  const fpSec = best(() => (fps = items.map((it) => fingerprintText(it.text, null, a.params))));
  const rate = (sec: number): string => `${(items.length / sec).toFixed(0)} docs/s, ${(bytes / 1e6 / sec).toFixed(1)} MB/s`;
  console.log(`bare charCodeAt+imul loop: ${rate(charSec)} (calibration)`);
  console.log(`word scan only: ${rate(scanSec)}`);
  console.log(`fingerprint (scan + shingles + ${Object.keys(a.params.sketches).length} sketches): ${rate(fpSec)} = ${(fpSec / charSec).toFixed(1)}× the bare loop`);
  const index = new MemoryCandidateIndex(a.params);
  const [, buildSec] = time(() => items.forEach((it, i) => index.addSync(it.id, fps[i])));
  console.log(`LSH build: ${buildSec.toFixed(2)} s (${(items.length / buildSec).toFixed(0)} docs/s)`);
  reportQueries(items, fps, index, a.minScore);
}

function reportQueries(items: Item[], fps: Fingerprint[], index: MemoryCandidateIndex, minScore: number): void {
  const found: Record<string, [number, number]> = {};
  let truePairs = 0;
  let falsePairs = 0;
  let queries = 0;
  const [, querySec] = time(() => {
    items.forEach((it, i) => {
      if (it.kind === 'other' && i % 10 !== 0) return; // a tenth of the unrelated docs query too
      queries++;
      const got = index.querySync(fps[i], { excludeId: it.id, minScore });
      for (const c of got) {
        const other = c.id.startsWith('s') ? Number(/^s(\d+)/.exec(c.id)![1]) : -1;
        if (it.family >= 0 && other === it.family) truePairs++;
        else falsePairs++;
      }
      if (it.kind !== 'source' && it.kind !== 'other') {
        const f = (found[it.kind] ??= [0, 0]);
        f[1]++;
        if (got.some((c) => c.id === `s${it.family}`)) f[0]++;
      }
    });
  });
  console.log(`query: ${queries} queries in ${querySec.toFixed(2)} s (${((querySec / queries) * 1e3).toFixed(3)} ms each)`);
  for (const [kind, [hit, all]] of Object.entries(found)) console.log(`  recall ${kind.padEnd(9)} ${(hit / all).toFixed(3)} (${hit}/${all})`);
  console.log(`  precision of returned pairs ${(truePairs / Math.max(1, truePairs + falsePairs)).toFixed(4)} (${falsePairs} false)`);
}

main();
if (sink === 0.5) console.log(sink); // keeps the calibration loop from being optimised away
