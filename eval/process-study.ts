/**
 * Study aid: text-only process features (no passage alignment) of every METER story against its
 * folder's PA texts, joined and one by one, as JSON lines. Merge with eval/dump-pairs.ts output by id.
 *   node --import tsx eval/process-study.ts <meter-dir> > process.jsonl
 */
import { loadMeter } from './meter.js';
import { createEngine, tokensOf, type Engine } from '../src/engine/engine.js';
import { prepareArticle } from '../src/ingest/prepare.js';
import { extractQuotes } from '../src/story/quotes.js';
import { greedyTiles, internKeys, type Tile } from '../src/relate/process-tiles.js';
import { sentenceEvidence } from '../src/relate/process-sentences.js';
import type { Token } from '../src/types.js';

const dir = process.argv[2];
const engine = createEngine();
const { items } = loadMeter(dir);

function prep(engine: Engine, text: string) {
  const article = prepareArticle({ source: 'x', kind: 'text', body: text, meta: {} });
  const tokens = tokensOf(engine, article);
  const quotes = extractQuotes(article.text, article.sentences).filter((q) => !q.short);
  const inQuote = tokens.map((t) => quotes.some((q) => t.start >= q.start && t.start < q.end));
  return { article, tokens, inQuote };
}

function ngramContainment(x: readonly string[], y: readonly string[], n: number): number {
  const grams = (s: readonly string[]) => {
    const out = new Set<string>();
    for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n).join(' '));
    return out;
  };
  const gx = grams(x);
  const gy = grams(y);
  let hit = 0;
  for (const g of gx) if (gy.has(g)) hit++;
  return gx.size === 0 ? 0 : hit / gx.size;
}

function covered(tiles: Tile[], n: number): Uint8Array {
  const m = new Uint8Array(n);
  for (const t of tiles) m.fill(1, t.xStart, t.xStart + t.length);
  return m;
}

function features(b: ReturnType<typeof prep>, a: ReturnType<typeof prep>) {
  const bn = b.tokens.map((t) => t.norm);
  const an = a.tokens.map((t) => t.norm);
  const [xb, ya] = internKeys(bn, an);
  const out: Record<string, number> = {};
  const nb = bn.length || 1;
  const unq = b.inQuote.filter((q) => !q).length || 1;
  for (const k of [2, 3, 5, 8, 12]) {
    const tiles = greedyTiles(xb, ya, k);
    const cov = covered(tiles, bn.length);
    let c = 0;
    let cu = 0;
    for (let i = 0; i < bn.length; i++) {
      c += cov[i];
      if (!b.inQuote[i]) cu += cov[i];
    }
    out[`gst${k}`] = c / nb;
    out[`gst${k}_unq`] = cu / unq;
  }
  for (const n of [1, 2, 3, 4, 5]) out[`ng${n}`] = ngramContainment(bn, an, n);
  const lem = (ts: Token[]) => ts.filter((t) => !t.stop).map((t) => t.canon);
  for (const n of [1, 2, 3]) out[`cng${n}`] = ngramContainment(lem(b.tokens), lem(a.tokens), n);
  const skel = (ts: Token[]) => ts.map((t) => (t.stop ? t.norm : '*'));
  for (const n of [4, 6, 8]) out[`sk${n}`] = ngramContainment(skel(b.tokens), skel(a.tokens), n);
  for (const s of [0.5, 0.7, 0.9]) {
    const e = sentenceEvidence(b.tokens, a.tokens, s);
    out[`sent${s}`] = e.derivedSentences;
    out[`sentord${s}`] = e.inOrderSentences;
    out.sentmean = e.meanBestScore;
  }
  out.ntok_b = bn.length;
  out.ntok_a = an.length;
  out.quote_share_b = 1 - unq / nb;
  return out;
}

for (const item of items) {
  const b = prep(engine, item.newspaperText);
  const row: Record<string, unknown> = { id: item.id, label: item.label, npa: item.paTexts.length };
  if (item.paTexts.length) {
    row.joined = features(b, prep(engine, item.paTexts.join('\n\n')));
    row.each = item.paTexts.map((t) => features(b, prep(engine, t)));
  }
  process.stdout.write(JSON.stringify(row) + '\n');
}
