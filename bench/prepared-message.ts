/**
 * What reading a worker's prepared batch costs the main thread of `add` (issue #6): the same
 * prepared documents structured-cloned (v8.serialize / deserialize, as postMessage does) in
 * batches of 64, in the shape workers sent before session 16 (span lists as arrays of objects,
 * name and band keys as two number arrays) and in the shape they send now (EncodedArticle:
 * span lists as JSON text; keys in one Float64Array), plus the JSON.stringify of the span
 * lists the old shape left to the main thread.
 *
 *   node --import tsx bench/prepared-message.ts [--docs 2000] [--rounds 5]
 *
 * Times are the best round's microseconds per document.
 */
import { deserialize, serialize } from 'node:v8';
import { parseArgs } from 'node:util';
import { DEFAULT_INDEX_PARAMS } from '../src/fingerprint/params.js';
import { nameKeys, prepareDocument } from '../src/parallel/prepare-doc.js';
import type { PreparedDocument } from '../src/parallel/protocol.js';
import { SynthCorpus } from './synth/corpus.js';

const { values: args } = parseArgs({ options: { docs: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' } } });
const BATCH = 64;

/** The message shape of before: the article's span lists parsed, keys as plain arrays. */
function oldShape(d: PreparedDocument): unknown {
  const { spansJson, ...rest } = d.article;
  const article = { ...rest, boilerplate: JSON.parse(spansJson.boilerplate), paragraphs: JSON.parse(spansJson.paragraphs), sentences: JSON.parse(spansJson.sentences) };
  const keys = [...d.bucketKeys];
  const names = nameKeys(article).length; // bucketKeys holds the name keys first
  return { ok: true, article, fingerprint: d.fingerprint, bandKeys: keys.slice(names), entityKeys: keys.slice(0, names) };
}

function batches(docs: unknown[]): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < docs.length; i += BATCH) out.push(serialize(docs.slice(i, i + BATCH)));
  return out;
}

function bestMicros(n: number, rounds: number, work: () => void): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  return best;
}

function main(): void {
  const n = Number(args.docs);
  const rounds = Number(args.rounds);
  const prepared = [...new SynthCorpus(1).docs(0, n)].map((d) => prepareDocument(d.raw, DEFAULT_INDEX_PARAMS)).filter((d): d is PreparedDocument => d.ok);
  const before = prepared.map(oldShape) as Array<{ article: { boilerplate: unknown; paragraphs: unknown; sentences: unknown } }>;
  const oldBatches = batches(before);
  const newBatches = batches(prepared);
  const decodeOld = bestMicros(prepared.length, rounds, () => oldBatches.forEach((b) => deserialize(b)));
  const decodeNew = bestMicros(prepared.length, rounds, () => newBatches.forEach((b) => deserialize(b)));
  const stringify = bestMicros(prepared.length, rounds, () => {
    for (const { article: a } of before) [a.boilerplate, a.paragraphs, a.sentences].map((x) => JSON.stringify(x));
  });
  const size = (bs: Buffer[]) => bs.reduce((s, b) => s + b.length, 0) / prepared.length;
  console.log(`${prepared.length} prepared documents, batches of ${BATCH}`);
  console.log(`before: decode ${decodeOld.toFixed(1)} us + stringify spans ${stringify.toFixed(1)} us per document (${size(oldBatches).toFixed(0)} bytes)`);
  console.log(`now:    decode ${decodeNew.toFixed(1)} us per document (${size(newBatches).toFixed(0)} bytes)`);
}

main();
