import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Span } from '../types.js';
import { fmix32 } from './hash.js';
import { HashSet32 } from './hash-set.js';
import { LOCAL_STOPWORDS } from './local-stopwords.js';
import { scanText } from './scan.js';
import { newWordBuffer, scanWords, STOPWORD_HASHES, wordHash } from './words.js';

/**
 * A plain reference for the word rules (strings, one branch per rule), to check the
 * branch-free table scanner against.
 */
function referenceWords(text: string, spans: readonly Span[] | null): number[] {
  const ranges = spans === null ? [{ start: 0, end: text.length }] : spans;
  const out: number[] = [];
  for (const r of ranges) {
    let word = '';
    const flush = (): void => {
      if (word !== '') out.push(fnvWord(word));
      word = '';
    };
    for (let i = Math.max(0, r.start); i < Math.min(text.length, r.end); i++) {
      const c = text.charCodeAt(i);
      if (c === 0x27 || c === 0x2019 || c === 0x02bc) continue; // dropped in a word, else a separator anyway
      if (isWordUnit(c)) word += String.fromCharCode(lower(c));
      else flush();
    }
    flush();
  }
  return out;
}

function isWordUnit(c: number): boolean {
  if (c < 0x80) return /[0-9A-Za-z]/.test(String.fromCharCode(c));
  if (c < 0xc0) return false;
  if (c <= 0xff) return c !== 0xd7 && c !== 0xf7;
  const punctuation = (c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || c === 0xfeff || (c >= 0xfe30 && c <= 0xfe6f);
  return !punctuation;
}

function lower(c: number): number {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde) ? c + 0x20 : c;
}

function fnvWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

const units = ['a', 'Z', 'é', 'É', 'ß', 'x', '7', ' ', '\n', '-', '.', "'", '’', 'ʼ', '—', '“', '×', '÷', 'ª', '中', '。', '\ud83d', '\ude00', '\u2060', 'the', 'OF', 'and', 'Which'];
const textArb = fc.array(fc.constantFrom(...units), { maxLength: 120 }).map((parts) => parts.join(''));
/** Spans of any kind: ordered with gaps, touching, overlapping, reversed, out of range, empty. */
const spansArb = fc.array(fc.record({ start: fc.integer({ min: -3, max: 200 }), end: fc.integer({ min: -3, max: 200 }) }), { maxLength: 8 });
const orderedSpansArb = fc
  .array(fc.integer({ min: 0, max: 200 }), { maxLength: 12 })
  .map((cuts) => [...new Set(cuts)].sort((a, b) => a - b))
  .map((cuts) => cuts.flatMap((c, i) => (i % 2 === 1 ? [{ start: cuts[i - 1], end: c }] : [])));

const scanned = (text: string, spans: readonly Span[] | null): { words: number[]; stops: number[] } => {
  const s = scanText(text, spans, STOPWORD_HASHES);
  return { words: [...s.words.subarray(0, s.count)], stops: [...s.stopwords.subarray(0, s.stopCount)] };
};

test('the table scanner gives the reference words, and the stopwords among them in the same pass', () => {
  const stopSet = new Set(LOCAL_STOPWORDS.map(fnvWord));
  fc.assert(
    fc.property(textArb, fc.oneof(fc.constant(null), spansArb, orderedSpansArb), (text, spans) => {
      const want = referenceWords(text, spans);
      const got = scanned(text, spans);
      assert.deepEqual(got.words, want);
      assert.deepEqual(got.stops, want.filter((h) => stopSet.has(h)));
      const buf = scanWords(text, spans, newWordBuffer(1));
      assert.deepEqual([...buf.hashes.subarray(0, buf.count)], want);
    }),
    { numRuns: 2000 },
  );
});

test('texts longer than the scan window: words across window edges and many spans', () => {
  const words = Array.from({ length: 140_000 }, (_, i) => ['The', 'report', 'of', 'ministers', "don't", 'Zürich', 'and'][i % 7] + (i % 11 === 0 ? '-x' : ''));
  const text = words.join(' ').replace(/ x/g, 'x'); // about 900k chars, more words than the scratch holds; words cross window edges
  assert.ok(text.length > 1 << 19);
  const stopSet = new Set(LOCAL_STOPWORDS.map(fnvWord));
  for (const spans of [null, [{ start: 5, end: 200_000 }, { start: 100, end: 140_000 }, { start: 200_001, end: 1e9 }]]) {
    const want = referenceWords(text, spans);
    const got = scanned(text, spans);
    assert.equal(got.words.length, want.length);
    assert.deepEqual(got.words, want);
    assert.deepEqual(got.stops, want.filter((h) => stopSet.has(h)));
  }
  assert.deepEqual(scanned('short again', null).words, [wordHash('short'), wordHash('again')]); // scratch state reset
});

test('HashSet32 membership equals a Set of the same values', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 50 }), (members, others) => {
      const set = new HashSet32(members);
      for (const v of members) assert.ok(set.has(v) && set.has(v | 0), `member ${v}`);
      for (const v of others) assert.equal(set.has(v), members.includes(v), `value ${v}`);
      for (const v of [0, 1, 0xffffffff]) assert.equal(set.has(v), members.includes(v));
    }),
    { numRuns: 300 },
  );
});
