import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UserError } from '../errors.js';
import { assertCompatible, DEFAULT_INDEX_PARAMS, paramsKey, parseParamsKey, resolveIndexParams } from './params.js';

test('paramsKey round-trips through parseParamsKey', () => {
  const key = paramsKey(DEFAULT_INDEX_PARAMS);
  assert.deepEqual(parseParamsKey(key), DEFAULT_INDEX_PARAMS);
  assert.equal(paramsKey(parseParamsKey(key)), key);
});

test('assertCompatible accepts equal parameters and names the one that differs', () => {
  assertCompatible(DEFAULT_INDEX_PARAMS, resolveIndexParams({}));
  const otherSeed = { ...DEFAULT_INDEX_PARAMS, seed: 7 };
  assert.throws(() => assertCompatible(DEFAULT_INDEX_PARAMS, otherSeed), (e: unknown) => {
    return e instanceof UserError && /seed/.test(e.message) && !/numPerm/.test(e.message);
  });
  const words = DEFAULT_INDEX_PARAMS.sketches.words!;
  const otherShingle = { ...DEFAULT_INDEX_PARAMS, sketches: { ...DEFAULT_INDEX_PARAMS.sketches, words: { ...words, shingle: 4 } } };
  assert.throws(() => assertCompatible(DEFAULT_INDEX_PARAMS, otherShingle), /words\.shingle 5 vs 4/);
  assert.throws(() => assertCompatible(DEFAULT_INDEX_PARAMS, { ...DEFAULT_INDEX_PARAMS, numPerm: 64 }), /numPerm 128 vs 64/);
  assert.throws(() => assertCompatible(DEFAULT_INDEX_PARAMS, { ...DEFAULT_INDEX_PARAMS, stopwordList: 'x' }), /stopword list/);
});

test('resolveIndexParams refuses impossible band settings', () => {
  assert.throws(() => resolveIndexParams({ numPerm: 16 }), UserError);
  assert.throws(() => resolveIndexParams({ sketches: {} }), /no sketch/);
  assert.throws(() => resolveIndexParams({ seed: -1 }), /seed/);
});

test('parseParamsKey refuses garbage', () => {
  assert.throws(() => parseParamsKey('v1;K=128'), UserError);
  assert.throws(() => parseParamsKey('nonsense'), UserError);
});
