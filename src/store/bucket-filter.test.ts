import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BucketFilter, decodeFilterPart, encodeFilterPart, filterSpec, PART_BLOCKS, readableBlocks } from './bucket-filter.js';

const keyArb = fc.integer({ min: 0, max: 2 ** 43 - 1 });

test('property: a filter holds every key added to it, also after its parts are stored and read back', () => {
  fc.assert(
    fc.property(fc.array(keyArb, { maxLength: 400 }), (keys) => {
      const filter = BucketFilter.forPairs(keys.length);
      for (const k of keys) filter.add(k);
      const again = new BucketFilter(filter.blocks, filter.parts.map((p) => decodeFilterPart(encodeFilterPart(p))));
      for (const k of keys) assert.ok(filter.mayHold(k) && again.mayHold(k), `key ${k} lost`);
    }),
    { seed: 5, numRuns: 100 },
  );
});

test('a filter sized for its keys lets few absent keys through (about 1 % at 10 bits a key)', () => {
  const n = 50_000;
  const filter = BucketFilter.forPairs(n);
  for (let i = 0; i < n; i++) filter.add(i * 7919 + 3 * 2 ** 40);
  let passed = 0;
  const tries = 100_000;
  for (let i = 0; i < tries; i++) if (filter.mayHold(i * 7919 + 5 + 2 ** 41)) passed++;
  assert.ok(passed / tries < 0.03, `false positive rate ${passed / tries}`);
  // an empty filter holds nothing
  assert.equal(BucketFilter.forPairs(0).mayHold(12345), false);
});

test('filters span parts, and specs name their format: another format is not read', () => {
  const filter = new BucketFilter(PART_BLOCKS + 3);
  assert.deepEqual(filter.parts.map((p) => p.length), [8 * PART_BLOCKS, 24]);
  for (let k = 0; k < 5000; k++) filter.add(k * 2 ** 20);
  for (let k = 0; k < 5000; k++) assert.ok(filter.mayHold(k * 2 ** 20));
  assert.equal(readableBlocks(filterSpec(filter)), PART_BLOCKS + 3);
  assert.equal(readableBlocks('sbbf9:12'), null);
  assert.equal(readableBlocks(null), null);
  assert.throws(() => new BucketFilter(4, [new Int32Array(8)]), /do not make 4 blocks/);
  assert.throws(() => decodeFilterPart(new Uint8Array(12)), /not whole blocks/);
});
