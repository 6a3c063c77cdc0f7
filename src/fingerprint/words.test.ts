import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newWordBuffer, scanWords, STOPWORD_HASHES, wordHash } from './words.js';

const words = (text: string, spans: { start: number; end: number }[] | null = null): number[] => {
  const buf = scanWords(text, spans, newWordBuffer(2));
  return [...buf.hashes.subarray(0, buf.count)];
};

test('scanner folds case, drops inner apostrophes, splits on punctuation and hyphens', () => {
  assert.deepEqual(words('The CAT’s well-known'), [wordHash('the'), wordHash('cats'), wordHash('well'), wordHash('known')]);
  assert.deepEqual(words("Don't  STOP"), words('dont stop'));
  assert.deepEqual(words('ÉCOLE Straße'), words('école straße'));
  assert.deepEqual(words(' ,.;— “ ” '), []);
  assert.notEqual(wordHash('cat'), wordHash('act'));
});

test('scanner reads only the given spans, in order', () => {
  const text = 'alpha beta SHARE THIS gamma';
  assert.deepEqual(words(text, [{ start: 0, end: 10 }, { start: 22, end: 27 }]), words('alpha beta gamma'));
  assert.deepEqual(words(text, []), []);
});

test('buffer grows past its capacity', () => {
  const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
  const got = words(text);
  assert.equal(got.length, 5000);
  assert.equal(got[4999], wordHash('w4999'));
});

test('stopword set holds function words and not content words', () => {
  for (const w of ['the', 'of', 'and', 'which']) assert.ok(STOPWORD_HASHES.has(wordHash(w)), w);
  for (const w of ['house', 'minister', 'rain']) assert.ok(!STOPWORD_HASHES.has(wordHash(w)), w);
});
