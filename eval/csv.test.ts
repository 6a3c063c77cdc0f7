import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvError, parseCsv, parseCsvObjects, writeCsv } from './csv.js';

test('csv: quoted commas, doubled quotes, embedded newlines, CRLF and LF', () => {
  const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n2,"line1\r\nline2",\n';
  assert.deepEqual(parseCsv(text), [
    ['a', 'b', 'c'],
    ['1', 'x, y', 'say "hi"'],
    ['2', 'line1\r\nline2', ''],
  ]);
  assert.deepEqual(parseCsv('a,b'), [['a', 'b']]);
  assert.deepEqual(parseCsv(''), []);
  assert.deepEqual(parseCsv('a,\n'), [['a', '']]);
  assert.deepEqual(parseCsv('ab"c,d\n'), [['ab"c', 'd']]);
  assert.throws(() => parseCsv('a,"open\n'), CsvError);
});

test('csv objects: header names, wrong field count is an error', () => {
  assert.deepEqual(parseCsvObjects('id,text\n1,"a,b"\n'), [{ id: '1', text: 'a,b' }]);
  assert.throws(() => parseCsvObjects('id,text\n1\n'), CsvError);
});

const fieldArb = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é', '1'), maxLength: 8 });
const rowsArb = fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(fieldArb, { minLength: w, maxLength: w }), { maxLength: 8 }));

test('csv: parse(write(rows)) round-trips any fields', () => {
  fc.assert(
    fc.property(rowsArb, (rows) => {
      assert.deepEqual(parseCsv(writeCsv(rows)), rows);
    }),
    { numRuns: 500 },
  );
});

test('csv: unquoted plain fields split exactly on commas and LF', () => {
  const plain = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '1'), maxLength: 6 });
  fc.assert(
    fc.property(fc.array(fc.array(plain, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const text = rows.map((r) => r.join(',')).join('\n');
      assert.deepEqual(parseCsv(text), rows);
    }),
  );
});
