/**
 * The word scanner of tokenize(): the same words as the regular expression
 *
 *   (?<![\p{L}\p{N}])(?:\p{L}\.){2,} | \p{N}+(?:[.,]\p{N}+)+ | [\p{L}\p{N}]+(?:['’‘ʼ\-‐‑][\p{L}\p{N}]+)*
 *
 * (initialisms, numbers with separators, words joined by apostrophes or hyphens; first
 * alternative that matches wins, leftmost match first), written as a loop over char codes:
 * Unicode property classes made that expression ~1 µs a word, most of tokenising. Letters and
 * digits outside ASCII are classified once per code point and remembered.
 */

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;

/** Class of each BMP code unit, filled on first sight (255 = not looked at yet). */
const BMP = new Uint8Array(0x10000).fill(255);
const IS_LETTER = /\p{L}/u;
const IS_DIGIT = /\p{N}/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  return IS_LETTER.test(ch) ? LETTER : IS_DIGIT.test(ch) ? DIGIT : OTHER;
}

for (let c = 0; c < 128; c++) BMP[c] = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LETTER : c >= 0x30 && c <= 0x39 ? DIGIT : OTHER;

const astral = new Map<number, number>();

/** Class and width (code units) of the code point at i. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    let k = BMP[c];
    if (k === 255) k = BMP[c] = classify(c);
    return k;
  }
  const cp = text.codePointAt(i)!;
  let k = astral.get(cp);
  if (k === undefined) astral.set(cp, (k = classify(cp)));
  return k;
}

function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** True when the code point ending just before i is a letter or digit. */
function letterOrDigitBefore(text: string, from: number, i: number): boolean {
  if (i <= from) return false;
  const low = text.charCodeAt(i - 1);
  const at = (low & 0xfc00) === 0xdc00 && i - 2 >= from && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? i - 2 : i - 1;
  return classAt(text, at) !== OTHER;
}

function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** End of a run of digits from i. */
function digitRunEnd(text: string, i: number, end: number): number {
  while (i < end && classAt(text, i) === DIGIT) i += widthAt(text, i);
  return i;
}

function initialismEnd(text: string, i: number, end: number): number {
  // most words: a one-unit letter not followed by a dot
  if (text.charCodeAt(i) < 0xd800 && (i + 1 >= end || text.charCodeAt(i + 1) !== 0x2e)) return -1;
  let pairs = 0;
  while (i < end && classAt(text, i) === LETTER) {
    const dot = i + widthAt(text, i);
    if (dot >= end || text.charCodeAt(dot) !== 0x2e) break;
    i = dot + 1;
    pairs++;
  }
  return pairs >= 2 ? i : -1;
}

function numberEnd(text: string, i: number, end: number): number {
  let j = digitRunEnd(text, i, end);
  let groups = 0;
  for (;;) {
    const sep = text.charCodeAt(j);
    if (j >= end || (sep !== 0x2e && sep !== 0x2c) || j + 1 >= end || classAt(text, j + 1) !== DIGIT) break;
    j = digitRunEnd(text, j + 1, end);
    groups++;
  }
  return groups > 0 ? j : -1;
}

/** End of a run of letters and digits from i; ASCII read straight from the table. */
function letterDigitRunEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (BMP[c] === OTHER) break;
      i++;
    } else {
      if (classAt(text, i) === OTHER) break;
      i += widthAt(text, i);
    }
  }
  return i;
}

function wordEnd(text: string, i: number, end: number): number {
  let j = letterDigitRunEnd(text, i, end);
  while (j + 1 < end && isJoiner(text.charCodeAt(j)) && classAt(text, j + 1) !== OTHER) j = letterDigitRunEnd(text, j + 1, end);
  return j;
}

/**
 * Calls `onWord(start, end)` for every word of text[from, end), in order. Characters before
 * `from` are not looked at (as if the range were a slice of its own).
 */
export function scanWordRanges(text: string, from: number, end: number, onWord: (start: number, end: number) => void): void {
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    // ASCII straight from the table (its entries are filled): most of a news text
    const k = c < 128 ? BMP[c] : classAt(text, i);
    if (k === OTHER) {
      i += c < 128 ? 1 : widthAt(text, i);
      continue;
    }
    let stop = -1;
    if (k === LETTER && !letterOrDigitBefore(text, from, i)) stop = initialismEnd(text, i, end);
    if (stop < 0 && k === DIGIT) stop = numberEnd(text, i, end);
    if (stop < 0) stop = wordEnd(text, i, end);
    onWord(i, stop);
    i = stop;
  }
}
