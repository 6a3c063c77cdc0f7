import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bucketCopyLines, copyText } from './postgres-bulk.js';

/** COPY's text-format decoding of the escapes copyText writes. */
function decodeCopyText(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

test('copyText escapes so that a field never holds a raw tab or line break and decodes back', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\\', '\t', '\n', '\r', 'é', ' ') }), (s) => {
      const escaped = copyText(s);
      assert.ok(!/[\t\n\r]/.test(escaped));
      assert.equal(decodeCopyText(escaped), s);
    }),
    { numRuns: 300, seed: 5 },
  );
});

test('bucketCopyLines: one key<TAB>id line per key, articles in order, none for an article without keys', () => {
  const index = (keys: number[]) => ({ fingerprints: [], bucketKeys: keys });
  const lines = [...bucketCopyLines([
    { articleId: 'a1', index: index([3, 2 ** 42 + 1]) },
    { articleId: 'none', index: index([]) },
    { articleId: 'b\t2', index: index([7]) },
  ])].join('');
  assert.equal(lines, `3\ta1\n${2 ** 42 + 1}\ta1\n7\tb\\t2\n`);
});
