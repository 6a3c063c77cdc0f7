/**
 * Words of an article's body with their offsets, lemmas and synonym classes. Only text inside
 * the given sentence spans is read, so boilerplate (outside them) never yields tokens.
 */
import { IDENTITY_LEXICON, type Lexicon } from '../lexicon/lexicon.js';
import type { Span, Token } from '../types.js';
import { isStopword } from './stopwords.js';
import { scanWordRanges } from './word-scan.js';

/**
 * One word: an initialism with dots ("U.S.", "a.m."), a number with thousands separators or
 * decimals ("1,200.5"), or letters/digits joined by internal apostrophes or hyphens
 * ("Zarif’s", "English-speaking", "10s"). Sentence punctuation and dashes between words are
 * not part of words. The scanner is src/text/word-scan.ts.
 */
const APOSTROPHES = /['’‘ʼ]/g;
const HYPHENS = /[‐‑]/g;
/** Clitics split off before look-ups: "Zarif's" -> "zarif", "didn't" -> "did". */
const CLITIC = /(?:'s|'re|'ve|'d|'ll|'m|n't|')$/;

/** Lower case with curly apostrophes and Unicode hyphens folded to ASCII. */
export function normalizeWord(surface: string): string {
  const lower = surface.toLowerCase();
  return ASCII.test(lower) ? lower : lower.replace(APOSTROPHES, "'").replace(HYPHENS, '-');
}

const ASCII = /^[\x00-\x7f]*$/;

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
  const memo = memoFor(lexicon);
  forEachSpan(text, sentences, (start, end, sentence) => wordsOfSpan(text, start, end, sentence, lexicon, memo, tokens));
  return tokens;
}

/** Calls `read` for each sentence span, clipped to the text and to after the previous one. */
export function forEachSpan(text: string, sentences: readonly Span[], read: (start: number, end: number, sentence: number) => void): void {
  let floor = 0; // tokens stay ordered and disjoint even if spans overlap
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const span = sentences[sentence];
    const start = Math.max(floor, Math.min(text.length, Math.max(0, Math.floor(span.start))));
    const end = Math.min(text.length, Math.max(start, Math.floor(span.end)));
    if (end <= start) continue;
    read(start, end, sentence);
    floor = end;
  }
}

/** What the proper-name finder (relate/topic.ts) reads of a token. */
export type NameToken = Pick<Token, 'surface' | 'norm' | 'stop' | 'sentence'>;

/** What a name search reads of a word: its normal form and whether it is a function word. */
export type WordForm = Pick<Token, 'norm' | 'stop'>;

/**
 * The `norm` and `stop` that tokenize() gives the word `surface`, whatever the lexicon (neither
 * depends on lemmas): read with the identity lexicon, whose look-ups cost nothing.
 */
export function wordForm(surface: string): WordForm {
  return infoOf(surface, IDENTITY_LEXICON, memoFor(IDENTITY_LEXICON));
}

/** What a surface form tokenises to; looked up once per distinct (short) surface. */
interface SurfaceInfo extends WordInfo {
  norm: string;
  /**
   * The surface itself, as first seen: tokens take it from here, so the tokens of a word share
   * one string, long-lived, instead of each holding its own fresh slice that the young
   * generation's collector then copies (a 1 M trace keeps its candidates' tokens through
   * several collections: 12 % less time in them, bench/RESULTS.md, session 17).
   */
  surface: string;
}

/**
 * Surface look-ups kept across texts, per lexicon: news vocabulary is Zipfian, so most words of
 * a new article were seen in earlier ones, and a lemma look-up costs far more than a map read.
 * The answer depends only on the surface and the lexicon, so sharing it changes no token.
 */
const MEMO_LIMIT = 200_000;
const memos = new WeakMap<Lexicon, Map<string, SurfaceInfo>>();

function memoFor(lexicon: Lexicon): Map<string, SurfaceInfo> {
  let memo = memos.get(lexicon);
  if (!memo) memos.set(lexicon, (memo = new Map()));
  else if (memo.size >= MEMO_LIMIT) memo.clear(); // bounded: a crude reset beats tracking use
  return memo;
}

/**
 * V8 keeps a slice of 13 or more characters as a view into its parent string, so a long surface
 * kept in the shared memo would keep its whole article alive; those few are looked up each time.
 */
const SHARED_MAX_LENGTH = 12;

function infoOf(surface: string, lexicon: Lexicon, memo: Map<string, SurfaceInfo>): SurfaceInfo {
  let info = memo.get(surface);
  if (!info) {
    const norm = normalizeWord(surface);
    info = { norm, ...describe(norm, lexicon), surface };
    if (surface.length <= SHARED_MAX_LENGTH) memo.set(surface, info);
  }
  return info;
}

function push(tokens: Token[], surface: string, at: number, sentence: number, info: SurfaceInfo): void {
  tokens.push({ start: at, end: at + surface.length, surface: info.surface, norm: info.norm, lemma: info.lemma, canon: info.canon, stop: info.stop, sentence });
}

function wordsOfSpan(text: string, start: number, end: number, sentence: number, lexicon: Lexicon, memo: Map<string, SurfaceInfo>, tokens: Token[]): void {
  scanWordRanges(text, start, end, (from, to) => {
    const surface = text.slice(from, to);
    push(tokens, surface, from, sentence, infoOf(surface, lexicon, memo));
  });
}
