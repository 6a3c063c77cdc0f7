import { endianness } from 'node:os';
import type { Span } from '../types.js';
import type { HashSet32 } from './hash-set.js';

/**
 * The word scanner's engine: UTF-16 code units in, one 32-bit hash per word out (FNV-1a over
 * the lower-cased units, finished with fmix32), and optionally the function words picked out
 * in the same pass. words.ts documents the word rules and wraps this in the public API.
 *
 * Speed notes (it runs over every character of every article):
 * - The text is copied once into a scratch Uint16Array by Buffer's native UTF-16LE write; a
 *   typed-array read in the loop is cheaper than charCodeAt.
 * - One table read per unit gives its class and lower-cased code; the loop is branch-free
 *   (word boundaries are where a branchy scanner mispredicts).
 * - Hot loops store only into module-level `const` typed arrays: V8 compiles those stores
 *   markedly faster (about a third here) than stores into an array it was passed. Texts
 *   longer than one window are scanned window by window into the same arrays.
 */

const SEPARATOR = -1;
const APOSTROPHE = -2;

/**
 * Per code unit: a word unit → its lower-cased code (ASCII and Latin-1 letters folded;
 * always ≥ 0x30); a separator → -1; an apostrophe (' U+2019 U+02BC) → -2. Word units: ASCII
 * digits and letters, Latin-1 letters (× and ÷ excepted), and any unit above 0xFF outside
 * the General Punctuation, CJK Symbols and Punctuation and CJK/small form punctuation blocks
 * and the BOM.
 */
function classOf(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c === 0x27 || c === 0x2019 || c === 0x02bc) return APOSTROPHE;
  if (c < 0xc0) return SEPARATOR;
  if (c <= 0xde) return c === 0xd7 ? SEPARATOR : c + 0x20;
  if (c <= 0xff) return c === 0xf7 ? SEPARATOR : c;
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff) return SEPARATOR;
  if (c >= 0xfe30 && c <= 0xfe6f) return SEPARATOR;
  return c;
}

const CLASS = new Int32Array(0x10000);
for (let c = 0; c < 0x10000; c++) CLASS[c] = classOf(c);

/** Code units scanned per window (texts up to this long are copied once). */
const WINDOW = 1 << 17;
const LITTLE_ENDIAN = endianness() === 'LE';
const UNIT_BYTES = Buffer.allocUnsafeSlow(WINDOW * 2);
/** Code units of the current window (own ArrayBuffer, so the view is aligned). */
const UNITS = new Uint16Array(UNIT_BYTES.buffer, 0, WINDOW);
/** Words held before draining: one window gives at most WINDOW / 2 + 1, and we drain past WINDOW / 2. */
const HELD = WINDOW + 4;
/** Unfinished word hashes (pre-fmix32). */
const RAW = new Uint32Array(HELD);
const WORDS = new Uint32Array(HELD);
const STOPWORDS = new Uint32Array(HELD);

/** Scan state carried from one scanUnits call to the next (a word may span windows). */
let carryHash = 0;
let carryInWord = 0;

/** The words of one text: valid until the next scan (the arrays are reused). */
export interface ScannedText {
  /** Word hashes, `count` of them. */
  words: Uint32Array;
  count: number;
  /** The function words among them, in order, `stopCount` of them (0 when not asked for). */
  stopwords: Uint32Array;
  stopCount: number;
  /**
   * Two independent 32-bit lanes folded over the word hashes in order (unfinished): the
   * sequence digest behind a fingerprint's exact hash, computed in the pass that finishes
   * the words because a separate pass over them cost more.
   */
  laneA: number;
  laneB: number;
}

/** Starting values of the sequence lanes. */
const LANE_A = 0x243f6a88;
const LANE_B = 0x85a308d3;

const scanned: ScannedText = { words: WORDS, count: 0, stopwords: STOPWORDS, stopCount: 0, laneA: LANE_A, laneB: LANE_B };
/** Output of texts longer than a window, grown as needed and reused. */
let longWords: Uint32Array = new Uint32Array(0);
let longStopwords: Uint32Array = new Uint32Array(0);

/** Copies text[from, to) into UNITS[0, to - from). */
function loadUnits(text: string, from: number, to: number): void {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  if (LITTLE_ENDIAN) UNIT_BYTES.write(piece, 0, piece.length * 2, 'utf16le');
  else for (let i = 0; i < piece.length; i++) UNITS[i] = piece.charCodeAt(i);
}

/**
 * Appends to RAW, from index n, the unfinished FNV hashes of the words ending in
 * UNITS[start, end), continuing the carried state; returns the new count.
 * Per unit: one xor and one multiply on the loop-carried chain, as in a bare FNV loop. A
 * separator multiplies the state by 0, and the first unit of a word also xors in the FNV
 * offset. The state is stored at every unit; the count only advances where a word ends.
 * Apostrophes leave the state alone: dropped inside a word, separators elsewhere.
 */
function scanUnits(start: number, end: number, n: number): number {
  const units = UNITS;
  const cls = CLASS;
  const out = RAW;
  const apostrophe = APOSTROPHE | 0; // locals: module bindings are re-read every iteration
  const offset = 0x811c9dc5 | 0;
  const prime = 0x01000193 | 0;
  let h = carryHash | 0; // "| 0": an int32 loop variable, not a boxed number
  let inWord = carryInWord | 0;
  for (let i = start; i < end; i++) {
    const e = cls[units[i]];
    if (e === apostrophe) continue;
    const sep = e >>> 31; // 1 on separators
    out[n] = h;
    n += inWord & sep;
    h = Math.imul(h ^ e ^ (offset & (inWord - 1)), prime & (sep - 1));
    inWord = sep ^ 1;
  }
  carryHash = h;
  carryInWord = inWord;
  return n;
}

/** Ends the word in progress (a range end cuts words); returns the new count. */
function endWord(n: number): number {
  if (carryInWord === 1) RAW[n++] = carryHash;
  carryHash = 0;
  carryInWord = 0;
  return n;
}

const NO_SLOTS = new Uint32Array(2);

/**
 * Finishes RAW[0, n) with fmix32 into WORDS, folds them into the sequence lanes and, with
 * `stops`, copies its members into STOPWORDS (branch-free); returns how many were copied.
 */
function finish(n: number, stops: HashSet32 | null): number {
  const raw = RAW;
  const words = WORDS;
  const picked = STOPWORDS;
  const slots = stops === null ? NO_SLOTS : stops.slots;
  const mul = stops === null ? 0 : stops.multiplier;
  const shift = stops === null ? 31 : stops.shift;
  const want = stops === null ? 0 : 1;
  let a = scanned.laneA | 0;
  let b = scanned.laneB | 0;
  let m = 0;
  for (let i = 0; i < n; i++) {
    let h = raw[i];
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    words[i] = h;
    a = Math.imul(a ^ h, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x9e3779b1) ^ h;
    picked[m] = h;
    const at = (Math.imul(h, mul) >>> shift) << 1;
    const d1 = slots[at] ^ h;
    const d2 = slots[at + 1] ^ h;
    // (d | -d) has its sign bit set iff d ≠ 0: adds 1 when either slot holds h.
    m += ((((d1 | (0 - d1)) & (d2 | (0 - d2))) >>> 31) ^ 1) & want;
  }
  scanned.laneA = a;
  scanned.laneB = b;
  return m;
}

/**
 * Hashes the words of `text`, or only of the given half-open spans (read in the order
 * given; a span end cuts a word), and with `stops` picks out its members too. Returns a
 * reused object (see ScannedText).
 */
export function scanText(text: string, spans: readonly Span[] | null, stops: HashSet32 | null): ScannedText {
  const length = text.length;
  const fits = length <= WINDOW;
  if (fits) loadUnits(text, 0, length);
  const ranges = rangesToScan(spans, length, fits);
  scanned.count = 0;
  scanned.stopCount = 0;
  scanned.laneA = LANE_A;
  scanned.laneB = LANE_B;
  const n = scanRanges(text, ranges, fits, stops);
  if (scanned.count === 0) {
    // Everything is still in the scratch arrays (the usual case): no copy.
    scanned.words = WORDS;
    scanned.stopwords = STOPWORDS;
    scanned.count = n;
    scanned.stopCount = finish(n, stops);
  } else {
    drain(n, stops);
    scanned.words = longWords;
    scanned.stopwords = longStopwords;
  }
  return scanned;
}

/** scanRange over the first `ranges` of RANGES; returns the words held. */
function scanRanges(text: string, ranges: number, loaded: boolean, stops: HashSet32 | null): number {
  let n = 0;
  for (let r = 0; r < ranges; r++) n = scanRange(text, RANGES[2 * r], RANGES[2 * r + 1], loaded, n, stops);
  return n;
}

/** [start, end) pairs to scan, clamped to the text. */
let RANGES = new Int32Array(64);

/** Fills RANGES with what to scan for `spans` (the whole text when null); returns how many. */
function rangesToScan(spans: readonly Span[] | null, length: number, loaded: boolean): number {
  if (spans === null) {
    RANGES[0] = 0;
    RANGES[1] = length;
    return 1;
  }
  if (loaded && hullOfSpans(spans, length)) {
    RANGES[0] = hullFirst;
    RANGES[1] = hullLast;
    return 1;
  }
  if (RANGES.length < spans.length * 2) RANGES = new Int32Array(spans.length * 2);
  for (let r = 0; r < spans.length; r++) {
    RANGES[2 * r] = Math.max(0, spans[r].start);
    RANGES[2 * r + 1] = Math.min(length, spans[r].end);
  }
  return spans.length;
}

/** Scans text[start, end) (already in UNITS when `loaded`), draining when RAW fills. */
function scanRange(text: string, start: number, end: number, loaded: boolean, n: number, stops: HashSet32 | null): number {
  if (loaded) {
    if (start < end) n = scanUnits(start, end, n);
  } else {
    for (let from = start; from < end; from += WINDOW) {
      const to = Math.min(end, from + WINDOW);
      loadUnits(text, from, to);
      n = scanUnits(0, to - from, n);
      if (n > WINDOW >> 1) n = drain(n, stops);
    }
  }
  n = endWord(n);
  return n > WINDOW >> 1 ? drain(n, stops) : n;
}

/** Moves the n held words (finished) to the long output; returns 0. */
function drain(n: number, stops: HashSet32 | null): number {
  const m = finish(n, stops);
  longWords = append(longWords, scanned.count, WORDS, n);
  longStopwords = append(longStopwords, scanned.stopCount, STOPWORDS, m);
  scanned.count += n;
  scanned.stopCount += m;
  return 0;
}

function append(to: Uint32Array, at: number, from: Uint32Array, n: number): Uint32Array {
  if (to.length < at + n) {
    const bigger = new Uint32Array(Math.max(at + n, to.length * 2));
    bigger.set(to.subarray(0, at));
    to = bigger;
  }
  to.set(from.subarray(0, n), at);
  return to;
}

/** The hull hullOfSpans found. */
let hullFirst = 0;
let hullLast = 0;

/**
 * When `spans` are ordered with a gap between each two, turns the gaps into spaces in UNITS
 * (the text is loaded) and sets [hullFirst, hullLast): one pass over the hull then reads
 * exactly the spans, as each span's last word ends at its end. Sentence spans are many and
 * short, so a pass per span would cost. False (nothing changed) otherwise.
 */
function hullOfSpans(spans: readonly Span[], length: number): boolean {
  let prevEnd = -1;
  let first = 0;
  for (const s of spans) {
    const start = Math.max(0, s.start);
    const end = Math.min(length, s.end);
    if (start >= end) continue; // an empty span holds no word and cuts none
    if (start <= prevEnd) return false;
    if (prevEnd < 0) first = start;
    prevEnd = end;
  }
  hullFirst = first;
  hullLast = Math.max(0, prevEnd);
  prevEnd = -1;
  for (const s of spans) {
    const start = Math.max(0, s.start);
    const end = Math.min(length, s.end);
    if (start >= end) continue;
    for (let i = prevEnd < 0 ? start : prevEnd; i < start; i++) UNITS[i] = 0x20;
    prevEnd = end;
  }
  return true;
}
