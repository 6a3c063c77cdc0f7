import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitOrdinal, ordinalPredict, ordinalProbabilities, ordinalScore } from './ordinal.js';

/** Deterministic pseudo-random numbers (no Math.random). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('ordinal model learns which feature orders the classes and ignores noise', () => {
  const rnd = lcg(7);
  const rows: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 300; i++) {
    const k = i % 3;
    rows.push([k + 0.6 * (rnd() - 0.5), rnd()]); // feature 0 carries the class, feature 1 is noise
    y.push(k);
  }
  const m = fitOrdinal(rows, y, 3);
  assert.ok(m.weights[0] > 2, `weight ${m.weights[0]}`);
  assert.ok(Math.abs(m.weights[1]) < 0.3, `noise weight ${m.weights[1]}`);
  assert.ok(m.cuts[0] < m.cuts[1]);
  assert.equal(ordinalPredict(m, [0, 0.5]), 0);
  assert.equal(ordinalPredict(m, [1, 0.5]), 1);
  assert.equal(ordinalPredict(m, [2, 0.5]), 2);
  const p = ordinalProbabilities(m, [1, 0.5]);
  assert.ok(Math.abs(p.reduce((s, x) => s + x, 0) - 1) < 1e-9);
  assert.ok(ordinalScore(m, [2, 0]) > ordinalScore(m, [0, 0]));
});

test('a constant feature gets no weight and does not break the fit', () => {
  const rows = [[1, 0], [1, 1], [1, 2], [1, 3]];
  const m = fitOrdinal(rows, [0, 0, 1, 1], 2);
  assert.equal(m.weights[0], 0);
  assert.ok(m.weights[1] > 0);
  assert.equal(ordinalPredict(m, [1, 3]), 1);
});
