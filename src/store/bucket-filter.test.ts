import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BucketFilter, decodeFilterPart, encodeFilterPart, FILTER_FORMAT, PART_RUN_BLOCKS, readableFilter } from './bucket-filter.js';

const keyArb = fc.integer({ min: 0, max: 2 ** 43 - 1 });
const pairArb = fc.tuple(fc.integer({ min: 0, max: 3 * PART_RUN_BLOCKS }), keyArb);

/** A filter as stored for a run of `blocks` blocks and read back. */
const storedAndRead = (filter: BucketFilter, blocks: number) => new BucketFilter(filter.stored(blocks).map((p) => decodeFilterPart(encodeFilterPart(p))));

test('property: a filter holds every (block, key) added to it, in any order, also after it is stored and read back', () => {
  fc.assert(
    fc.property(fc.array(pairArb, { maxLength: 300 }), (pairs) => {
      const filter = new BucketFilter();
      for (const [b, k] of pairs) filter.add(b, k);
      const blocks = pairs.reduce((n, [b]) => Math.max(n, b + 1), 1);
      const again = storedAndRead(filter, blocks);
      for (const [b, k] of pairs) assert.ok(filter.mayHold(b, k) && again.mayHold(b, k), `block ${b} key ${k} lost`);
      assert.equal(again.stored(blocks).reduce((n, p) => n + p.length, 0), blocks * 13 * 8);
    }),
    { seed: 5, numRuns: 60 },
  );
});

test('a filter of full blocks lets few absent keys through (about 1-2 % at 320 keys a block)', () => {
  const blocks = 300;
  const filter = new BucketFilter();
  for (let b = 0; b < blocks; b++) for (let i = 0; i < 320; i++) filter.add(b, 2 ** 40 + b * 1_000_003 + i * 7919);
  let passed = 0;
  let tries = 0;
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 300; i++, tries++) if (filter.mayHold(b, 2 ** 41 + b * 1_000_003 + i * 7919)) passed++;
  }
  assert.ok(passed / tries < 0.03, `false positive rate ${passed / tries}`);
  // an empty block holds nothing; a block past what a stored filter covers is read
  assert.equal(filter.mayHold(0, 12345), false);
  assert.equal(storedAndRead(filter, blocks).mayHold(blocks + 5, 12345), true);
});

test('stored parts are whole parts but the last; another format is not read', () => {
  const filter = new BucketFilter();
  filter.add(PART_RUN_BLOCKS + 2, 42);
  assert.deepEqual(filter.stored(PART_RUN_BLOCKS + 3).map((p) => p.length), [PART_RUN_BLOCKS * 104, 3 * 104]);
  assert.ok(storedAndRead(filter, PART_RUN_BLOCKS + 3).mayHold(PART_RUN_BLOCKS + 2, 42));
  assert.ok(readableFilter(FILTER_FORMAT));
  assert.equal(readableFilter('bbf9'), false);
  assert.equal(readableFilter(null), false);
  assert.throws(() => new BucketFilter([new Int32Array(104), new Int32Array(104)]), /not whole run blocks/);
  assert.throws(() => decodeFilterPart(new Uint8Array(12)), /not whole run blocks/);
});
