import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeBytes, looksBinary } from './decode.js';
import { InputError } from '../errors.js';

const enc = new TextEncoder();

test('UTF-8 with and without BOM', () => {
  assert.equal(decodeBytes(enc.encode('Iran’s “web” £5'), 'a'), 'Iran’s “web” £5');
  assert.equal(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('hé')]), 'a'), 'hé');
});

test('UTF-16 with BOM, both byte orders', () => {
  assert.equal(decodeBytes(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xe9, 0x00]), 'a'), 'hé');
  assert.equal(decodeBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0xe9]), 'a'), 'hé');
});

test('ISO-8859-1 / Windows-1252 fallback: 0xA3 is the pound sign, 0x93/0x94 curly quotes', () => {
  const bytes = new Uint8Array([...enc.encode('fined '), 0xa3, ...enc.encode('500 '), 0x93, 0x78, 0x94]);
  assert.equal(decodeBytes(bytes, 'a'), 'fined £500 “x”');
});

test('a few wire-format control bytes are still text; NULs and many controls are binary', () => {
  const wire = enc.encode('\x19A paragraph of wire copy that goes on for a while.<\n\x19Another one here.<\n');
  assert.equal(looksBinary(wire), false);
  assert.throws(() => decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.zip'), {
    name: 'InputError',
    message: 'x.zip: binary data, not text',
  });
  assert.throws(() => decodeBytes(new Uint8Array(Array.from({ length: 100 }, (_, i) => i % 20)), 'y'), InputError);
});

test('property: valid UTF-8 round-trips', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const clean = s.replace(/[\x00-\x08\x0b\x0e-\x1f]/g, '').replace(/^\uFEFF/, '');
      assert.equal(decodeBytes(enc.encode(clean), 'f'), clean);
    }),
    { numRuns: 300 },
  );
});

test('property: arbitrary bytes decode or throw InputError, nothing else', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      try {
        assert.equal(typeof decodeBytes(bytes, 'f'), 'string');
      } catch (e) {
        assert.ok(e instanceof InputError, String(e));
      }
    }),
    { numRuns: 500 },
  );
});
