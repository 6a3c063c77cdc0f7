import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { myersMatches } from './diff.js';

/** Length of a longest common subsequence by dynamic programming, the reference. */
function lcsLength(x: number[], y: number[]): number {
  const dp = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      dp[i][j] = x[i - 1] === y[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
    }
  }
  return dp[x.length][y.length];
}

test('myers matches are increasing, equal, and as many as a longest common subsequence', () => {
  const seq = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
  fc.assert(
    fc.property(seq, seq, (x, y) => {
      const m = myersMatches(x.length, y.length, (i, j) => x[i] === y[j]);
      for (let k = 0; k < m.length; k++) {
        const [i, j] = m[k];
        assert.equal(x[i], y[j]);
        if (k > 0) assert.ok(i > m[k - 1][0] && j > m[k - 1][1]);
      }
      assert.equal(m.length, lcsLength(x, y));
    }),
    { seed: 42, numRuns: 300 },
  );
});

test('myers on identical, empty and disjoint sequences', () => {
  assert.deepEqual(myersMatches(3, 3, () => true), [[0, 0], [1, 1], [2, 2]]);
  assert.deepEqual(myersMatches(0, 5, () => true), []);
  assert.deepEqual(myersMatches(4, 4, () => false), []);
  const x = 'abcabba';
  const y = 'cbabac';
  assert.equal(myersMatches(x.length, y.length, (i, j) => x[i] === y[j]).length, 4);
});
