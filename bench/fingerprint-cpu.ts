/**
 * Fingerprinting speed on one core, by wall clock and by process CPU time (the honest figure
 * on a shared machine), with the bare char loop over the same texts as calibration.
 *   node --import tsx bench/fingerprint-cpu.ts [--docs 2000] [--runs 7] [--seed 1]
 * Texts: the benchmark corpus (`new SynthCorpus(seed).docs(0, docs)`), each through
 * prepareArticle; fingerprinted as the pipeline does: `fingerprintText(text, sentences, DEFAULT)`.
 * Also prints a digest of every encoded fingerprint, so a speed change can be checked to keep
 * the output bits (same digest = same fingerprints). The digest also moves when
 * prepareArticle's text or sentences change, or the params key (params.version) does.
 */
import { createHash } from 'node:crypto';
import { encodeFingerprint, fingerprintText } from '../src/fingerprint/index.js';
import { DEFAULT_INDEX_PARAMS } from '../src/fingerprint/params.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import type { Article } from '../src/types.js';
import { median } from './measure.js';
import { SynthCorpus } from './synth/corpus.js';

interface Args {
  docs: number;
  runs: number;
  seed: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { docs: 2000, runs: 7, seed: 1 };
  for (let i = 0; i + 1 < argv.length; i += 2) {
    const v = Number(argv[i + 1]);
    if (argv[i] === '--docs') args.docs = v;
    else if (argv[i] === '--runs') args.runs = v;
    else if (argv[i] === '--seed') args.seed = v;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return args;
}

let sink = 0;
/** FNV-1a over the char codes: the least any per-char scanner pays; calibrates the machine. */
function charLoop(text: string): void {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  sink ^= h;
}

interface Passes {
  wall: number[];
  cpu: number[];
}

/** Runs `pass` `runs` times; seconds per pass by wall clock and by this process's CPU time. */
function measure(runs: number, pass: () => void): Passes {
  const out: Passes = { wall: [], cpu: [] };
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    pass();
    out.wall.push(Number(process.hrtime.bigint() - t) / 1e9);
    const used = process.cpuUsage(c);
    out.cpu.push((used.user + used.system) / 1e6);
  }
  return out;
}

function report(label: string, p: Passes, docs: number): void {
  const rate = (sec: number): string => `${(docs / sec).toFixed(0).padStart(7)} docs/s (${((sec / docs) * 1e6).toFixed(1)} us/doc)`;
  console.log(`${label}`);
  console.log(`  cpu  min ${rate(Math.min(...p.cpu))}   median ${rate(median(p.cpu))}`);
  console.log(`  wall min ${rate(Math.min(...p.wall))}   median ${rate(median(p.wall))}`);
}

function main(): void {
  const a = parseArgs(process.argv.slice(2));
  const articles: Article[] = [...new SynthCorpus(a.seed).docs(0, a.docs)].map((d) => prepareArticle(d.raw));
  const chars = articles.reduce((s, x) => s + x.text.length, 0);
  const spans = articles.reduce((s, x) => s + x.sentences.length, 0);
  const P = DEFAULT_INDEX_PARAMS;
  console.log(`${articles.length} docs, ${(chars / articles.length).toFixed(0)} chars/doc, ${(spans / articles.length).toFixed(1)} sentence spans/doc`);
  const digest = createHash('sha256');
  for (const x of articles) digest.update(encodeFingerprint(fingerprintText(x.text, x.sentences, P)));
  console.log(`fingerprint digest ${digest.digest('hex').slice(0, 16)}`);
  for (let w = 0; w < 3; w++) for (const x of articles) fingerprintText(x.text, x.sentences, P); // JIT warm-up
  const bare = measure(a.runs, () => articles.forEach((x) => charLoop(x.text)));
  const fp = measure(a.runs, () => articles.forEach((x) => fingerprintText(x.text, x.sentences, P)));
  report('bare charCodeAt+imul loop (calibration)', bare, articles.length);
  report('fingerprintText(text, sentences, DEFAULT_INDEX_PARAMS)', fp, articles.length);
  const ratio = Math.min(...fp.cpu) / Math.min(...bare.cpu);
  console.log(`fingerprint / bare loop (cpu min): ${ratio.toFixed(2)}x`);
}

main();
if (sink === 0.5) console.log(sink); // keeps the calibration loop from being optimised away
