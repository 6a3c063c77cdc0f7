import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { averageRanks, binaryScores, classificationReport, pearson, rocAuc, spearman } from './metrics.js';

const LABELS = ['a', 'b', 'c'];
const labelArb = fc.constantFrom(...LABELS);
const pairsArb = fc.array(fc.tuple(labelArb, labelArb), { minLength: 1, maxLength: 60 });
const close = (x: number, y: number, eps = 1e-9) => Math.abs(x - y) <= eps;

test('classification report: hand-checked example', () => {
  const gold = ['a', 'a', 'a', 'b', 'b', 'c'];
  const pred = ['a', 'a', 'b', 'b', 'c', 'c'];
  const r = classificationReport(gold, pred, LABELS);
  assert.deepEqual(r.confusion, [
    [2, 1, 0],
    [0, 1, 1],
    [0, 0, 1],
  ]);
  assert.equal(r.perClass[0].precision, 1);
  assert.ok(close(r.perClass[0].recall, 2 / 3));
  assert.equal(r.perClass[1].precision, 0.5);
  assert.equal(r.perClass[2].f1, 2 / 3);
  assert.ok(close(r.accuracy, 4 / 6));
  assert.ok(close(r.macroF1, (0.8 + 0.5 + 2 / 3) / 3));
});

test('classification report: bounds, matrix sums, perfect prediction', () => {
  fc.assert(
    fc.property(pairsArb, (pairs) => {
      const gold = pairs.map((p) => p[0]);
      const pred = pairs.map((p) => p[1]);
      const r = classificationReport(gold, pred, LABELS);
      const total = r.confusion.flat().reduce((s, x) => s + x, 0);
      assert.equal(total, pairs.length);
      for (const c of r.perClass) for (const v of [c.precision, c.recall, c.f1]) assert.ok(v >= 0 && v <= 1);
      assert.ok(r.macroF1 >= 0 && r.macroF1 <= 1);
      const perfect = classificationReport(gold, gold, LABELS);
      assert.equal(perfect.accuracy, 1);
      // Classes absent from gold get F1 0, so perfect macro-F1 is the share of classes present.
      assert.ok(close(perfect.macroF1, new Set(gold).size / LABELS.length));
    }),
  );
});

test('classification report: swapping gold and pred transposes the matrix and swaps P and R', () => {
  fc.assert(
    fc.property(pairsArb, (pairs) => {
      const gold = pairs.map((p) => p[0]);
      const pred = pairs.map((p) => p[1]);
      const r = classificationReport(gold, pred, LABELS);
      const t = classificationReport(pred, gold, LABELS);
      assert.deepEqual(t.confusion, r.confusion[0].map((_, j) => r.confusion.map((row) => row[j])));
      r.perClass.forEach((c, k) => {
        assert.equal(t.perClass[k].precision, c.recall);
        assert.equal(t.perClass[k].f1, c.f1);
      });
    }),
  );
});

test('unknown labels are counted, not scored', () => {
  const r = classificationReport(['a', 'zzz'], ['a', 'a'], LABELS);
  assert.equal(r.outOfLabels, 1);
  assert.equal(r.accuracy, 1);
});

const numsArb = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 40 });
const pairNumsArb = fc
  .array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 2, maxLength: 40 })
  .map((p) => [p.map((x) => x[0]), p.map((x) => x[1])] as const);

test('average ranks: ties share the mean rank, ranks sum to n(n+1)/2', () => {
  assert.deepEqual(averageRanks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  fc.assert(
    fc.property(numsArb, (xs) => {
      const sum = averageRanks(xs).reduce((s, v) => s + v, 0);
      assert.ok(close(sum, (xs.length * (xs.length + 1)) / 2));
    }),
  );
});

test('pearson and spearman: bounded, symmetric, NaN on constant input', () => {
  fc.assert(
    fc.property(pairNumsArb, ([x, y]) => {
      for (const f of [pearson, spearman]) {
        const r = f(x, y);
        if (Number.isNaN(r)) {
          assert.ok(new Set(x).size === 1 || new Set(y).size === 1);
          continue;
        }
        assert.ok(r >= -1 && r <= 1);
        assert.ok(close(r, f(y, x)));
      }
    }),
  );
  assert.ok(Number.isNaN(pearson([1, 1, 1], [1, 2, 3])));
});

test('spearman of a strictly monotone transform is 1 (and -1 reversed)', () => {
  fc.assert(
    fc.property(numsArb, (xs) => {
      fc.pre(new Set(xs).size > 1);
      const y = xs.map((v) => Math.exp(v / 10) + v ** 3);
      assert.ok(close(spearman(xs, y), 1));
      assert.ok(close(spearman(xs, xs.map((v) => -v)), -1));
    }),
  );
});

test('spearman with ties matches a hand-computed value', () => {
  // ranks x: 1, 2.5, 2.5, 4; ranks y: 1, 2, 3, 4 → Pearson on ranks = 0.9486832980505138
  assert.ok(close(spearman([1, 2, 2, 3], [1, 2, 3, 4]), 3 / Math.sqrt(10)));
});

const scoredArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 2, maxLength: 50 })
  .filter((xs) => xs.some((x) => x[1]) && xs.some((x) => !x[1]));

test('roc auc: perfect ranking 1, reversed 0, bounded, flips under negation', () => {
  fc.assert(
    fc.property(scoredArb, (xs) => {
      const scores = xs.map((x) => x[0]);
      const pos = xs.map((x) => x[1]);
      const auc = rocAuc(scores, pos);
      assert.ok(auc >= 0 && auc <= 1);
      assert.ok(close(rocAuc(scores.map((s) => -s), pos), 1 - auc));
      const perfect = pos.map((p, i) => (p ? 100 + i : i));
      assert.equal(rocAuc(perfect, pos), 1);
      assert.equal(rocAuc(perfect.map((s) => -s), pos), 0);
    }),
  );
  assert.equal(rocAuc([1, 1, 1, 1], [true, false, true, false]), 0.5);
  assert.ok(Number.isNaN(rocAuc([1, 2], [true, true])));
});

test('roc auc equals the pairwise Mann-Whitney count', () => {
  fc.assert(
    fc.property(scoredArb, (xs) => {
      const posScores = xs.filter((x) => x[1]).map((x) => x[0]);
      const negScores = xs.filter((x) => !x[1]).map((x) => x[0]);
      let wins = 0;
      for (const p of posScores) for (const n of negScores) wins += p > n ? 1 : p === n ? 0.5 : 0;
      const expected = wins / (posScores.length * negScores.length);
      assert.ok(close(rocAuc(xs.map((x) => x[0]), xs.map((x) => x[1])), expected));
    }),
  );
});

test('binary scores', () => {
  const r = binaryScores([true, true, false, false], [true, false, true, false]);
  assert.deepEqual([r.tp, r.fp, r.fn, r.tn], [1, 1, 1, 1]);
  assert.equal(r.precision, 0.5);
  assert.equal(r.recall, 0.5);
});
