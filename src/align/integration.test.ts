/**
 * The aligner on real text: the seed articles and METER (courts). Needs the real tokenizer
 * (src/text/tokenize.ts) and lexicon, and ../shared; skips when any is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { prepareArticle } from '../ingest/prepare.js';
import { loadLexicon } from '../lexicon/load.js';
import { SHARED_MISSING, sharedPath } from '../test-helpers/shared.js';
import type { Alignment, Span, Token } from '../types.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { alignTokens } from './align.js';

type Tokenize = (text: string, sentences: Span[], lexicon: Lexicon) => Token[];

/** The real tokenizer, imported by a computed path so this file compiles before it exists. */
async function realTokenizer(): Promise<Tokenize | null> {
  const spec = '../text/tokenize.js';
  try {
    const mod = (await import(spec)) as { tokenize?: Tokenize };
    return mod.tokenize ?? null;
  } catch {
    return null;
  }
}

interface Doc {
  text: string;
  tokens: Token[];
}

function prepare(body: string, tokenize: Tokenize, lexicon: Lexicon): Doc {
  const art = prepareArticle({ source: 'test', kind: 'text', body, meta: {} });
  return { text: art.text, tokens: tokenize(art.text, art.sentences, lexicon) };
}

const align = (x: Doc, y: Doc, lexicon: Lexicon): Alignment => alignTokens(x.text, x.tokens, y.text, y.tokens, lexicon);
const swapsOf = (r: Alignment): string => r.substitutions.map((s) => `${s.a}>${s.b}`.toLowerCase()).join(' | ');

test('seed articles: abridgement, shared quotes, altered quotes, unrelated story', async (t) => {
  const dir = sharedPath('seeds');
  const tokenize = await realTokenizer();
  if (!dir) return t.skip(SHARED_MISSING);
  if (!tokenize) return t.skip('src/text/tokenize.ts not there yet');
  const lexicon = loadLexicon();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const docs = files.map((f) => prepare(readFileSync(join(dir, f), 'utf8'), tokenize, lexicon));
  const [d0, d1, d2, d3, d4] = docs;

  // 001 abridges the first third of the original that 000 copies whole: same order, most of 001.
  const r01 = align(d0, d1, lexicon);
  assert.ok(r01.share_b > 0.7, `000-001 share_b ${r01.share_b}`);
  assert.ok(r01.share_a > 0.2 && r01.share_a < 0.6, `000-001 share_a ${r01.share_a}`);
  assert.ok(r01.stats.order_kept > 0.9);
  const firstThird = d0.text.length * 0.5;
  for (const p of r01.passages) assert.ok(p.a[0] < firstThird, `passage at ${p.a[0]} of ${d0.text.length}`);

  // 000 spun the two quotes 002 and 003 carry verbatim.
  for (const [name, other] of [['002', d2], ['003', d3]] as const) {
    const r = align(d0, other, lexicon);
    const swaps = swapsOf(r);
    assert.match(swaps, /technique>strategy/, `000-${name}: ${swaps}`);
    assert.match(swaps, /valuable>helpful|function>role/, `000-${name}: ${swaps}`);
  }

  // 002 and 003 share the two quotes word for word.
  const r23 = align(d2, d3, lexicon);
  const verbatim = r23.passages.map((p) => d2.text.slice(...p.a)).join(' || ');
  assert.match(verbatim, /can play a very helpful role in close coordination/);
  assert.match(verbatim, /devise a political strategy to undermine the Trump administration/);

  // 004 is another story: at most a name or a title aligns ("2015 Joint Comprehensive Plan of Action").
  for (const other of [d0, d1, d2, d3]) {
    const r = align(d4, other, lexicon);
    assert.ok(r.share_a < 0.05 && r.share_b < 0.1, `004: ${r.share_a} / ${r.share_b}`);
    for (const p of r.passages) assert.ok(p.a[1] - p.a[0] < 150, d4.text.slice(...p.a));
  }
});

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

test('METER courts: wholly derived stories are mostly aligned to the PA text, non-derived little', async (t) => {
  const root = sharedPath('datasets', 'meter-courts');
  const tokenize = await realTokenizer();
  if (!root) return t.skip(SHARED_MISSING);
  if (!tokenize) return t.skip('src/text/tokenize.ts not there yet');
  const lexicon = loadLexicon();
  const pa = new Map<string, Doc>();
  const medians: Record<string, number> = {};
  for (const cls of ['wholly', 'partially', 'non']) {
    const index = readFileSync(join(root, 'file_index', 'courts', `${cls}_derived.txt`), 'latin1');
    // Every 6th story keeps the test fast; the index order mixes dates and papers.
    const paths = index.split(/\r?\n/).map((l) => l.trim()).filter((l, i) => l.length > 0 && i % 6 === 0);
    const shares: number[] = [];
    for (const line of paths) {
      const rel = line.replace(/^(meter_corpus\/)+/, '');
      const m = /newspapers\/rawtexts\/courts\/([^/]+)\/([^/]+)\//.exec(rel);
      if (!m) continue;
      const paDir = join(root, 'PA', 'rawtexts', 'courts', m[1], m[2]);
      let source = pa.get(paDir);
      if (!source) {
        const texts = readdirSync(paDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(paDir, f), 'latin1'));
        source = prepare(texts.join('\n\n'), tokenize, lexicon);
        pa.set(paDir, source);
      }
      const story = prepare(readFileSync(join(root, rel), 'latin1'), tokenize, lexicon);
      shares.push(align(source, story, lexicon).share_b);
    }
    medians[cls] = median(shares);
  }
  console.log(`# METER median share_b: ${JSON.stringify(medians)}`);
  assert.ok(medians.wholly > 0.6, JSON.stringify(medians));
  assert.ok(medians.non < 0.3, JSON.stringify(medians));
  assert.ok(medians.wholly > medians.partially && medians.partially > medians.non, JSON.stringify(medians));
});
