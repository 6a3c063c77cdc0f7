import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fingerprintText } from './index.js';
import { bandHashes, bandKeys, candidateProbability, thresholdForRecall } from './lsh.js';
import { bandKey } from './keys.js';
import { DEFAULT_INDEX_PARAMS } from './params.js';

test('candidate probability is the banding S-curve, and a binomial tail with minSharedBands', () => {
  const classic = { shingle: 5, bands: 20, rows: 5, minSharedBands: 1 };
  for (const s of [0, 0.3, 0.5, 0.8, 1]) {
    assert.ok(Math.abs(candidateProbability(s, classic) - (1 - (1 - s ** 5) ** 20)) < 1e-12, `s=${s}`);
  }
  // rows = 1, at least 2 of 4 bins: 1 - (1-s)^4 - 4 s (1-s)^3
  const tail = { shingle: 5, bands: 4, rows: 1, minSharedBands: 2 };
  const s = 0.3;
  assert.ok(Math.abs(candidateProbability(s, tail) - (1 - 0.7 ** 4 - 4 * 0.3 * 0.7 ** 3)) < 1e-12);
  const t = thresholdForRecall(classic, 0.98);
  assert.ok(candidateProbability(t, classic) >= 0.98 && candidateProbability(t - 0.01, classic) < 0.98);
});

test('band keys are integers packing sketch, band and band hash, one per band, equal for equal texts', () => {
  const p = DEFAULT_INDEX_PARAMS;
  const fp = fingerprintText('a story about the flood in the valley and the people who left', null, p);
  for (const sketch of fp.sketches) {
    const sp = p.sketches[sketch.kind]!;
    const keys = bandKeys(sketch, sp);
    assert.equal(keys.length, sp.bands);
    const hashes = bandHashes(sketch, sp);
    keys.forEach((k, i) => assert.equal(k, bandKey(sketch.kind, i, hashes[i])));
    assert.equal(new Set(keys.map((k) => Math.floor(k / 2 ** 32))).size, sp.bands, 'each band has its own key space');
    const again = fingerprintText('A story about the flood, in the valley; and the people who left.', null, p);
    assert.deepEqual(bandKeys(again.sketches.find((x) => x.kind === sketch.kind)!, sp), keys);
  }
});
