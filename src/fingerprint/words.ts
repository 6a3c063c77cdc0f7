import type { Span } from '../types.js';
import { fmix32, hex32 } from './hash.js';
import { HashSet32 } from './hash-set.js';
import { LOCAL_STOPWORDS } from './local-stopwords.js';
import { scanText } from './scan.js';

/**
 * Words as 32-bit hashes, never as strings. A word is a run of letters/digits (any code
 * point outside ASCII/Latin-1 punctuation and the Unicode punctuation blocks counts as a
 * letter), lower-cased for ASCII and Latin-1; apostrophes inside a word are dropped
 * ("don't" = "dont", "Reuters’" = "reuters"), hyphens and everything else separate words.
 * A word's hash is 32-bit FNV-1a over its lower-cased UTF-16 code units, finished with
 * fmix32. The scanning itself is in scan.ts.
 */

export { HashSet32 } from './hash-set.js';
export { scanText, type ScannedText } from './scan.js';

/** Growable output of a scan; reuse one across calls to avoid allocation. */
export interface WordBuffer {
  /** Word hashes; only the first `count` are valid. */
  hashes: Uint32Array;
  count: number;
}

export function newWordBuffer(capacity = 2048): WordBuffer {
  return { hashes: new Uint32Array(capacity), count: 0 };
}

/**
 * Hashes the words of `text`, or only of the given half-open spans (e.g. the body without
 * boilerplate; spans are read in the order given). Resets and fills `buf`.
 */
export function scanWords(text: string, spans: readonly Span[] | null, buf: WordBuffer): WordBuffer {
  const { words, count } = scanText(text, spans, null);
  if (buf.hashes.length < count) buf.hashes = new Uint32Array(Math.max(count, buf.hashes.length * 2));
  buf.hashes.set(words.subarray(0, count));
  buf.count = count;
  return buf;
}

/** The hash the scanner gives a single word (lower-cased, apostrophes dropped). */
export function wordHash(word: string): number {
  const { words, count } = scanText(word, null, null);
  if (count !== 1) throw new Error(`not one word: "${word}"`);
  return words[0];
}

/** The stopword set the spin-proof sketches use, as word hashes. */
export const STOPWORD_HASHES = new HashSet32(LOCAL_STOPWORDS.map(wordHash));

/** Identifies the stopword list (hash of its sorted words); part of the index parameters. */
export const STOPWORD_LIST_ID = hex32(
  [...LOCAL_STOPWORDS].sort().reduce((h, w) => fmix32(h ^ wordHash(w)) + 1, 0x57),
);
