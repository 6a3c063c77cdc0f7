import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { plagdet, type ReuseCase } from './plagdet.js';

const close = (x: number, y: number, eps = 1e-9) => Math.abs(x - y) <= eps;

/** Non-overlapping cases in a few documents, each with a source range. */
const casesArb = fc
  .array(
    fc.record({
      doc: fc.constantFrom('d1', 'd2', 'd3'),
      gap: fc.integer({ min: 0, max: 30 }),
      len: fc.integer({ min: 1, max: 60 }),
      srcStart: fc.integer({ min: 0, max: 500 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((raw) => {
    const cursor = new Map<string, number>();
    return raw.map(({ doc, gap, len, srcStart }): ReuseCase => {
      const start = (cursor.get(doc) ?? 0) + gap;
      cursor.set(doc, start + len);
      return { plg: { doc, start, end: start + len }, src: { doc: `src-${doc}`, start: srcStart, end: srcStart + len } };
    });
  });

test('plagdet of perfect detection is 1 (both sides and suspicious side)', () => {
  fc.assert(
    fc.property(casesArb, (cases) => {
      for (const sides of ['both', 'suspicious'] as const) {
        const r = plagdet(cases, cases, { sides });
        assert.equal(r.precision, 1);
        assert.equal(r.recall, 1);
        assert.equal(r.granularity, 1);
        assert.equal(r.plagdet, 1);
      }
    }),
  );
});

test('plagdet is bounded and detections split in two cost granularity', () => {
  fc.assert(
    fc.property(casesArb, (cases) => {
      const long = cases.filter((c) => c.plg.end - c.plg.start >= 2 && c.src!.end - c.src!.start >= 2);
      fc.pre(long.length > 0);
      const halves = long.flatMap((c): ReuseCase[] => {
        const mp = (c.plg.start + c.plg.end) >> 1;
        const ms = c.src!.start + (mp - c.plg.start);
        return [
          { plg: { ...c.plg, end: mp }, src: { ...c.src!, end: ms } },
          { plg: { ...c.plg, start: mp }, src: { ...c.src!, start: ms } },
        ];
      });
      const r = plagdet(long, halves);
      assert.equal(r.precision, 1);
      assert.ok(close(r.recall, 1));
      assert.equal(r.granularity, 2);
      assert.ok(close(r.plagdet, 1 / Math.log2(3)));
      for (const v of [r.precision, r.recall, r.plagdet]) assert.ok(v >= 0 && v <= 1);
    }),
  );
});

test('plagdet: half coverage, false positives, wrong source, empty detections', () => {
  const s: ReuseCase = { plg: { doc: 'n', start: 0, end: 100 }, src: { doc: 'pa', start: 0, end: 100 } };
  const half = plagdet([s], [{ plg: { doc: 'n', start: 0, end: 50 }, src: { doc: 'pa', start: 0, end: 50 } }]);
  assert.equal(half.precision, 1);
  assert.equal(half.recall, 0.5);
  assert.ok(close(half.plagdet, 2 / 3));
  const wrongSource = plagdet([s], [{ plg: { doc: 'n', start: 0, end: 100 }, src: { doc: 'other', start: 0, end: 100 } }]);
  assert.equal(wrongSource.plagdet, 0);
  assert.equal(plagdet([s], [{ plg: { doc: 'n', start: 0, end: 100 }, src: { doc: 'other', start: 0, end: 100 } }], { sides: 'suspicious' }).plagdet, 1);
  const fp = plagdet([s], [s, { plg: { doc: 'n', start: 200, end: 300 }, src: { doc: 'pa', start: 0, end: 10 } }]);
  assert.equal(fp.precision, 0.5);
  assert.equal(fp.recall, 1);
  const none = plagdet([s], []);
  assert.deepEqual([none.precision, none.recall, none.granularity, none.plagdet], [0, 0, 1, 0]);
  assert.throws(() => plagdet([{ plg: s.plg }], [s]));
});

test('plagdet: overlapping detections are not double counted', () => {
  const s: ReuseCase = { plg: { doc: 'n', start: 0, end: 100 } };
  const r = plagdet([s], [{ plg: { doc: 'n', start: 0, end: 80 } }, { plg: { doc: 'n', start: 20, end: 100 } }], { sides: 'suspicious' });
  assert.equal(r.recall, 1);
  assert.equal(r.precision, 1);
  assert.equal(r.granularity, 2);
});
