import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { alignTokens } from './align.js';
import { fakeLexicon, testTokenize } from './test-helpers.js';

/** Deterministic pseudo-random generator (LCG), so the benchmark texts never change. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FUNCTION_WORDS = 'the of to a in and that for on with as by at from'.split(' ');

/** A ~`words`-word article over a Zipf-ish vocabulary, sentences of 12-28 words. */
function article(seed: number, words: number): string[] {
  const rnd = lcg(seed);
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const len = 12 + Math.floor(rnd() * 17);
    const w: string[] = [];
    for (let i = 0; i < len; i++) {
      w.push(rnd() < 0.4 ? FUNCTION_WORDS[Math.floor(rnd() * FUNCTION_WORDS.length)] : `w${Math.floor(rnd() ** 2 * 2000)}`);
    }
    sentences.push(`${w.join(' ')}.`);
    count += len;
  }
  return sentences;
}

/** A spun, cut and reordered copy: every 6th word swapped, one sentence in 8 dropped, halves swapped. */
function rework(sentences: string[], seed: number): string[] {
  const rnd = lcg(seed);
  const kept = sentences
    .filter(() => rnd() > 0.125)
    .map((s) => s.split(' ').map((w, i) => (i % 6 === 5 && !w.endsWith('.') ? `x${Math.floor(rnd() * 5000)}` : w)).join(' '));
  const half = Math.floor(kept.length / 2);
  return [...kept.slice(half), ...kept.slice(0, half)];
}

/** Median and best time over `runs` (best is what the machine can do when other work shares its cores). */
function timeAlign(a: string, b: string, runs: number): { ms: number; best: number; share: number } {
  const ta = testTokenize(a);
  const tb = testTokenize(b);
  let share = 0;
  for (let i = 0; i < 3; i++) alignTokens(a, ta, b, tb, fakeLexicon);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    share = alignTokens(a, ta, b, tb, fakeLexicon).share_b;
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { ms: times[Math.floor(runs / 2)], best: times[0], share };
}

test('a pair of 1,000-word articles aligns well under 50 ms; unrelated pairs exit faster', () => {
  const source = article(1, 1000);
  const a = source.join(' ');
  const b = rework(source, 2).join(' ');
  const derived = timeAlign(a, b, 15);
  const unrelated = timeAlign(a, article(3, 1000).join(' '), 15);
  const identical = timeAlign(a, a, 15);
  console.log(
    `# align 1000 words (median/best ms): derived ${derived.ms.toFixed(1)}/${derived.best.toFixed(1)} ` +
      `(share_b ${derived.share.toFixed(2)}), identical ${identical.ms.toFixed(1)}/${identical.best.toFixed(1)}, ` +
      `unrelated ${unrelated.ms.toFixed(1)}/${unrelated.best.toFixed(1)} (share_b ${unrelated.share.toFixed(2)})`,
  );
  assert.ok(derived.share > 0.8, `derived share_b ${derived.share}`);
  assert.ok(unrelated.share < 0.05, `unrelated share_b ${unrelated.share}`);
  // Best of 15 runs, so a busy machine (parallel test files) does not fail the test.
  assert.ok(derived.best < 25, `derived pair took ${derived.best} ms at best`);
  assert.ok(identical.best < 25, `identical pair took ${identical.best} ms at best`);
  assert.ok(unrelated.best < derived.best, `unrelated ${unrelated.best} ms vs derived ${derived.best} ms`);
});
