import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plainEqual } from './plain-equal.js';

/** JSON text with object keys sorted: equal for values plainEqual should call equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

test('plainEqual agrees with comparing canonical JSON', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
      assert.equal(plainEqual(x, y), canonical(x) === canonical(y));
    }),
  );
});

test('a value equals its deep copy, and a one-field change is seen', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.string(), (x, marker) => {
      assert.ok(plainEqual(x, structuredClone(x)));
      const key = Object.keys(x)[0];
      const changed = { ...x, [key]: [x[key], marker] };
      assert.ok(!plainEqual(x, changed));
      assert.equal(plainEqual(x, changed), plainEqual(changed, x));
    }),
  );
});

test('undefined fields count as absent, as JSON has them; arrays are not objects', () => {
  assert.ok(plainEqual({ a: 1, b: undefined }, { a: 1 }));
  assert.ok(!plainEqual({ a: 1, b: null }, { a: 1 }));
  assert.ok(!plainEqual([1, 2], { 0: 1, 1: 2 }));
  assert.ok(!plainEqual({ 0: 1 }, [1]));
  assert.ok(!plainEqual('1', 1));
  assert.ok(plainEqual([{ start: 0, end: 3 }], [{ end: 3, start: 0 }]));
});
