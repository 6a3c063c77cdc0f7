/**
 * The benchmark corpus, generated on the fly: document i is a pure function of (seed, i), so
 * the corpus is never held in memory and any document can be regenerated (a copy regenerates
 * its source). Originals are new stories; derived documents copy an earlier original.
 */
import type { RawDocument } from '../../src/types.js';
import { articleWords, countWords, makeWriter, renderArticle, type Writer } from './article.js';
import { derive, DERIVED_KINDS, type DerivedKind } from './derive.js';
import { makeVocabulary, mix, rng } from './words.js';

export type DocKind = 'original' | DerivedKind;

/** Share of all documents injected as each derived kind (the rest are originals). */
export type Rates = Record<DerivedKind, number>;

export const DEFAULT_RATES: Rates = {
  duplicate: 0.02, near_duplicate: 0.02, spun: 0.03, excerpt: 0.02, abridged: 0.02, rewrite: 0.02, same_event: 0.02,
};

export interface SynthDoc {
  index: number;
  kind: DocKind;
  /** Index of the original it derives from; -1 for originals. */
  source: number;
  raw: RawDocument;
  words: number;
}

/** How far back a copy looks for its source (copies follow their source within days). */
const SOURCE_WINDOW = 500;

export class SynthCorpus {
  private readonly writer: Writer;
  private readonly cumulative: Array<[number, DerivedKind]>;

  constructor(
    readonly seed: number,
    rates: Rates = DEFAULT_RATES,
  ) {
    this.writer = makeWriter(makeVocabulary(seed));
    let total = 0;
    this.cumulative = DERIVED_KINDS.map((k) => [(total += rates[k]), k]);
  }

  /** What document i is and, for a copy, which original it copies. */
  role(i: number): { kind: DocKind; source: number } {
    if (i < 20) return { kind: 'original', source: -1 };
    const r = rng(mix(this.seed, i));
    const x = r();
    const hit = this.cumulative.find(([c]) => x < c);
    if (!hit) return { kind: 'original', source: -1 };
    let j = Math.max(0, i - 1 - Math.floor(r() * SOURCE_WINDOW));
    while (j > 0 && this.role(j).kind !== 'original') j--;
    return { kind: hit[1], source: j };
  }

  doc(i: number): SynthDoc {
    const { kind, source } = this.role(i);
    const w = this.writer;
    const base = kind === 'original' ? i : source;
    const story = w.story(mix(this.seed, base));
    const original = w.article(story, mix(this.seed, base + 0x10000000), articleWords(rng(mix(this.seed, ~base))));
    const article = kind === 'original' ? original : derive(kind, original, story, w, mix(this.seed, i + 0x20000000));
    let body = renderArticle(article);
    if (kind === 'duplicate') body = body.replace(/\. /g, '.  ').replace(/\n\n/g, '\n \n'); // formatting only
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 300) * 86_400_000).toISOString().slice(0, 10);
    const raw: RawDocument = { source: `synth:${i}`, kind: 'text', body, meta: { outlet: `Outlet ${mix(this.seed, base + i) % 400}`, published: day } };
    return { index: i, kind, source, raw, words: countWords(article) };
  }

  *docs(from: number, to: number): Generator<SynthDoc> {
    for (let i = from; i < to; i++) yield this.doc(i);
  }
}
