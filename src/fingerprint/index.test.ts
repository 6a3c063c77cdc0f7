import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { UserError } from '../errors.js';
import { decodeFingerprint, encodeFingerprint, fingerprintText } from './index.js';
import { DEFAULT_INDEX_PARAMS, paramsKey, type IndexParams } from './params.js';

const P = DEFAULT_INDEX_PARAMS;
const text = 'The minister said on Monday that the bridge over the river would be closed for repairs. '.repeat(3);

test('serialisation round-trips any fingerprint', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (s) => {
      const fp = fingerprintText(s, null, P);
      assert.deepEqual(decodeFingerprint(encodeFingerprint(fp), P), fp);
    }),
    { numRuns: 100 },
  );
});

test('decoding refuses a fingerprint built with other parameters, naming the parameter', () => {
  const blob = encodeFingerprint(fingerprintText(text, null, { ...P, numPerm: 64, sketches: { words: { shingle: 5, bands: 32, rows: 2, minSharedBands: 1 } } }));
  assert.throws(() => decodeFingerprint(blob, P), (e: unknown) => e instanceof UserError && /numPerm 64 vs 128/.test(e.message));
  assert.equal(decodeFingerprint(blob).sketches[0].bins.length, 64); // readable without a check
});

test('decoding refuses damaged blobs', () => {
  const blob = encodeFingerprint(fingerprintText(text, null, P));
  assert.throws(() => decodeFingerprint(blob.subarray(0, blob.length - 3), P), /truncated/);
  const bad = blob.slice();
  bad[0] = 0;
  assert.throws(() => decodeFingerprint(bad, P), /STFP/);
});

test('spans exclude boilerplate from every sketch and the exact hash', () => {
  const body = 'Heavy rain closed the coastal road on Tuesday, officials of the county said.';
  const withPlug = `${body}\nShare this on Facebook and join our channel for more news.`;
  const a = fingerprintText(body, null, P);
  const b = fingerprintText(withPlug, [{ start: 0, end: body.length }], P);
  assert.deepEqual(b, a);
  assert.notEqual(fingerprintText(withPlug, null, P).exactHash, a.exactHash);
});

test('exact hash ignores case, punctuation and spacing but not wording', () => {
  const a = fingerprintText('The vote, held Monday.', null, P);
  assert.equal(fingerprintText('the  VOTE held monday', null, P).exactHash, a.exactHash);
  assert.notEqual(fingerprintText('The vote held Tuesday.', null, P).exactHash, a.exactHash);
  assert.equal(a.words, 4);
});

test('exact hash of a text longer than one scan window folds every word once, in order', async () => {
  // The scanner folds the hash while it finishes words, window by window: check it against
  // the fold over all the text's word hashes in one pass.
  const { fmix32, hex32 } = await import('./hash.js');
  const { newWordBuffer, scanWords } = await import('./words.js');
  const long = Array.from({ length: 150_000 }, (_, i) => `w${i % 997} `).join(''); // 750k chars, > 2 drains of held words
  const { hashes, count } = scanWords(long, null, newWordBuffer());
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  for (let i = 0; i < count; i++) {
    a = Math.imul(a ^ hashes[i], 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x9e3779b1) ^ hashes[i];
  }
  assert.equal(count, 150_000);
  assert.equal(fingerprintText(long, null, P).exactHash, hex32(fmix32(a ^ count)) + hex32(fmix32(b + count)));
  assert.notEqual(fingerprintText(long.replace('w5 ', 'w6 '), null, P).exactHash, fingerprintText(long, null, P).exactHash);
});

test('fingerprint bits are those of the first implementation (stored indexes stay valid)', async () => {
  // Digest over everything but the params key, from the branchy scanner that preceded the
  // table-driven one; a change here means stored fingerprints change: bump params.version.
  const { createHash } = await import('node:crypto');
  const base =
    'The minister said on Monday that the bridge over the river, which was built in 1932, would be closed “for repairs” — ' +
    "Reuters’ sources don't agree. Zürich-based ÉCOLE officials 中文。 ";
  const digest = createHash('sha256');
  for (const t of [base, base.repeat(7), 'one two', '']) {
    digest.update(encodeFingerprint({ ...fingerprintText(t, null, P), params: '' }));
    const spans = [{ start: 3, end: 60 }, { start: 61, end: 150 }, { start: 170, end: t.length }];
    digest.update(encodeFingerprint({ ...fingerprintText(t, spans, P), params: '' }));
  }
  assert.equal(digest.digest('hex').slice(0, 16), '10f9523ae9ff8cf5');
});

test('a params object changed after use fingerprints with its new values (the per-object cache notices)', () => {
  const p: IndexParams = { ...P, sketches: { ...P.sketches, words: { ...P.sketches.words! } } };
  const before = fingerprintText(text, null, p);
  p.seed = 7;
  p.sketches.words!.shingle = 3;
  const after = fingerprintText(text, null, p);
  assert.equal(after.params, paramsKey(p));
  assert.notEqual(after.params, before.params);
  assert.deepEqual(after, fingerprintText(text, null, { ...p }));
});
