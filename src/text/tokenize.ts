/**
 * Words of an article's body with their offsets, lemmas and synonym classes. Only text inside
 * the given sentence spans is read, so boilerplate (outside them) never yields tokens.
 */
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Span, Token } from '../types.js';
import { isStopword } from './stopwords.js';

/**
 * One word: an initialism with dots ("U.S.", "a.m."), a number with thousands separators or
 * decimals ("1,200.5"), or letters/digits joined by internal apostrophes or hyphens
 * ("Zarif’s", "English-speaking", "10s"). Sentence punctuation and dashes between words are
 * not part of words.
 */
const WORD =
  /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’‘ʼ\-‐‑][\p{L}\p{N}]+)*/gu;

const APOSTROPHES = /['’‘ʼ]/g;
const HYPHENS = /[‐‑]/g;
/** Clitics split off before look-ups: "Zarif's" -> "zarif", "didn't" -> "did". */
const CLITIC = /(?:'s|'re|'ve|'d|'ll|'m|n't|')$/;

/** Lower case with curly apostrophes and Unicode hyphens folded to ASCII. */
export function normalizeWord(surface: string): string {
  return surface.toLowerCase().replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

interface WordInfo {
  lemma: string;
  canon: string;
  stop: boolean;
}

function describe(norm: string, lexicon: Lexicon): WordInfo {
  if (isStopword(norm)) return { lemma: norm, canon: norm, stop: true };
  const base = norm.length > 3 ? norm.replace(CLITIC, '') : norm;
  if (isStopword(base)) return { lemma: base, canon: base, stop: true };
  if (/^[\p{N}.,]+$/u.test(base)) return { lemma: base, canon: base, stop: false };
  const lemma = lexicon.lemma(base);
  return { lemma, canon: lexicon.canon(lemma), stop: false };
}

/**
 * Tokens of every sentence, in text order. `sentences` are half-open spans into `text` (as in
 * `Article.sentences`); spans that overlap or fall outside the text are clipped, never thrown on.
 */
export function tokenize(text: string, sentences: readonly Span[], lexicon: Lexicon): Token[] {
  const tokens: Token[] = [];
  const memo = new Map<string, WordInfo>();
  let floor = 0; // tokens stay ordered and disjoint even if spans overlap
  sentences.forEach((span, sentence) => {
    const start = Math.max(floor, Math.min(text.length, Math.max(0, Math.floor(span.start))));
    const end = Math.min(text.length, Math.max(start, Math.floor(span.end)));
    if (end <= start) return;
    const slice = text.slice(start, end);
    for (const m of slice.matchAll(WORD)) {
      const surface = m[0];
      const at = start + m.index!;
      const norm = normalizeWord(surface);
      let info = memo.get(norm);
      if (!info) memo.set(norm, (info = describe(norm, lexicon)));
      tokens.push({ start: at, end: at + surface.length, surface, norm, ...info, sentence });
    }
    floor = end;
  });
  return tokens;
}
