/**
 * Speed of prepareArticle on plain text (issue #6: 1M articles in 10 minutes on 2 cores).
 * Prepares the same synthetic raws several rounds after a warm-up and prints ms per document,
 * wall clock and CPU time of this process (the machine may be shared, so CPU time is the
 * steadier number).
 *
 *   node --import tsx bench/prepare-speed.ts [docs=2000] [rounds=5] [seed=1]
 */
import { prepareArticle } from '../src/ingest/prepare.js';
import type { RawDocument } from '../src/types.js';
import { SynthCorpus } from './synth/corpus.js';

interface SpeedOptions {
  /** Synthetic documents prepared per round. */
  docs: number;
  /** Timed rounds after one warm-up round. */
  rounds: number;
  /** Seed of the synthetic corpus. */
  seed: number;
}

const DEFAULT_SPEED_OPTIONS: SpeedOptions = { docs: 2000, rounds: 5, seed: 1 };

function optionsFromArgs(args: string[]): SpeedOptions {
  const [docs, rounds, seed] = args.map(Number);
  return {
    docs: docs || DEFAULT_SPEED_OPTIONS.docs,
    rounds: rounds || DEFAULT_SPEED_OPTIONS.rounds,
    seed: seed || DEFAULT_SPEED_OPTIONS.seed,
  };
}

/** Prepares every raw once; returns a checksum so the work cannot be optimised away. */
function prepareAll(raws: RawDocument[]): number {
  let sum = 0;
  for (const raw of raws) sum += prepareArticle(raw).sentences.length;
  return sum;
}

function main(): void {
  const opts = optionsFromArgs(process.argv.slice(2));
  const raws = [...new SynthCorpus(opts.seed).docs(0, opts.docs)].map((d) => d.raw);
  const chars = raws.reduce((n, r) => n + r.body.length, 0);
  prepareAll(raws); // warm-up: JIT and regex compilation
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let check = 0;
  for (let r = 0; r < opts.rounds; r++) check += prepareAll(raws);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const n = opts.docs * opts.rounds;
  const perDoc = (ms: number): string => (ms / n).toFixed(3);
  console.log(`prepareArticle: ${opts.docs} docs x ${opts.rounds} rounds, ${(chars / opts.docs / 1000).toFixed(1)} KB/doc (checksum ${check})`);
  console.log(`  wall ${perDoc(wallMs)} ms/doc   cpu ${perDoc((cpu.user + cpu.system) / 1000)} ms/doc (user ${perDoc(cpu.user / 1000)})`);
}

main();
