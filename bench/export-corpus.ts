/**
 * Writes the benchmark corpus as JSON lines for the side-by-side comparison (bench/compare-tools.sh):
 *   node dist/bench/export-corpus.js --docs N [--from F] [--seed S] --out corpus.jsonl
 * (documents F … N-1: ranges written by several processes at once make one corpus).
 * Each line: {"id": "d<i>", "kind": original|duplicate|…, "source": "d<j>"|null, "text": …}.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { SynthCorpus } from './synth/corpus.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const docs = Number(arg('--docs', '10000'));
  const corpus = new SynthCorpus(Number(arg('--seed', '1')));
  const out = createWriteStream(arg('--out', 'corpus.jsonl'));
  for (const d of corpus.docs(Number(arg('--from', '0')), docs)) {
    const line = JSON.stringify({ id: `d${d.index}`, kind: d.kind, source: d.source >= 0 ? `d${d.source}` : null, text: d.raw.body });
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

await main();
