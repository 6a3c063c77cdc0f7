import type { Span } from '../types.js';
import { fmix32, hex32 } from './hash.js';
import { LOCAL_STOPWORDS } from './local-stopwords.js';

/**
 * A word scanner that never builds a string: it walks char codes, lower-cases ASCII and
 * Latin-1 letters on the fly, and writes one 32-bit hash per word into a Uint32Array.
 * A word is a run of letters/digits (any code point outside ASCII/Latin-1 punctuation and the
 * Unicode punctuation blocks counts as a letter); apostrophes inside a word are dropped
 * ("don't" = "dont", "Reuters’" = "reuters"), hyphens and everything else separate words.
 */

const SEP = 0;
const WORD = 1;
const UPPER = 2;
const APOS = 3;

/** Class of each code unit below 0x100. */
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) CLASS[c] = WORD;
  else if (c >= 0x41 && c <= 0x5a) CLASS[c] = UPPER;
  else if (c >= 0xc0 && c <= 0xde && c !== 0xd7) CLASS[c] = UPPER;
  else if (c >= 0xdf && c !== 0xf7) CLASS[c] = WORD;
  else if (c === 0x27) CLASS[c] = APOS;
  else CLASS[c] = SEP;
}

function classOf(c: number): number {
  if (c < 0x100) return CLASS[c];
  if (c === 0x2019 || c === 0x02bc) return APOS; // right single quote, modifier apostrophe
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff) return SEP;
  if (c >= 0xfe30 && c <= 0xfe6f) return SEP; // CJK/small form punctuation
  return WORD;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

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
 * Appends the word hashes of text[start, end) to buf. A word cut by `end` ends there.
 * Hot loop: class lookup, buffer writes and the fmix32 finish are written inline.
 */
function scanRange(text: string, start: number, end: number, buf: WordBuffer): void {
  let out = buf.hashes;
  let n = buf.count;
  let h = 0;
  let inWord = false;
  for (let i = start; i <= end; i++) {
    let c = i < end ? text.charCodeAt(i) : 0x20;
    const cls = c < 0x100 ? CLASS[c] : classOf(c);
    if (cls === UPPER) c += 0x20;
    else if (cls === APOS) {
      if (inWord) continue; // inside a word: dropped; at a word start: a separator
    }
    if (cls === WORD || cls === UPPER) {
      h = inWord ? Math.imul(h ^ c, FNV_PRIME) : Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    inWord = false;
    if (n === out.length) {
      const bigger = new Uint32Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    out[n++] = h ^ (h >>> 16);
  }
  buf.hashes = out;
  buf.count = n;
}

/**
 * Hashes the words of `text`, or only of the given half-open spans (e.g. the body without
 * boilerplate; spans are read in the order given). Resets and fills `buf`.
 */
export function scanWords(text: string, spans: readonly Span[] | null, buf: WordBuffer): WordBuffer {
  buf.count = 0;
  if (spans === null) {
    scanRange(text, 0, text.length, buf);
    return buf;
  }
  for (const s of spans) {
    scanRange(text, Math.max(0, s.start), Math.min(text.length, s.end), buf);
  }
  return buf;
}

/** The hash the scanner gives a single word (lower-cased, apostrophes dropped). */
export function wordHash(word: string): number {
  const buf = scanWords(word, null, newWordBuffer(4));
  if (buf.count !== 1) throw new Error(`not one word: "${word}"`);
  return buf.hashes[0];
}

/**
 * A set of uint32 word hashes: open addressing in a typed array, probed with no allocation.
 * 0 marks an empty slot, so a word whose hash is 0 can't be a member (1 in 2^32).
 */
export class HashSet32 {
  private readonly slots: Uint32Array;
  private readonly mask: number;
  constructor(values: Iterable<number>) {
    const list = [...values].filter((v) => v !== 0);
    let size = 16;
    while (size < list.length * 4) size *= 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (const v of list) this.insert(v >>> 0);
  }
  private insert(v: number): void {
    let i = v & this.mask;
    while (this.slots[i] !== 0 && this.slots[i] !== v) i = (i + 1) & this.mask;
    this.slots[i] = v;
  }
  has(v: number): boolean {
    let i = v & this.mask;
    for (;;) {
      const s = this.slots[i];
      if (s === v) return v !== 0;
      if (s === 0) return false;
      i = (i + 1) & this.mask;
    }
  }
}

/** The stopword set the spin-proof sketches use, as word hashes. */
export const STOPWORD_HASHES = new HashSet32(LOCAL_STOPWORDS.map(wordHash));

/** Identifies the stopword list (hash of its sorted words); part of the index parameters. */
export const STOPWORD_LIST_ID = hex32(
  [...LOCAL_STOPWORDS].sort().reduce((h, w) => fmix32(h ^ wordHash(w)) + 1, 0x57),
);
