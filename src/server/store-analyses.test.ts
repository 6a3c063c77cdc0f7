import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisLock } from '../queue/analyze-lock.js';
import { AnalysisGate } from './limits.js';
import { StoreAnalyses } from './store-analyses.js';

/** A lock another process holds until `release()`; counts the runs that took it. */
function heldLock() {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const lock: AnalysisLock & { taken: number } = {
    taken: 0,
    run: async (work) => {
      await held;
      lock.taken++;
      return work();
    },
    close: async () => undefined,
  };
  return { lock, release };
}

test('requests made while a run waits for the lock share it; one after the run began gets a new run', async () => {
  const { lock, release } = heldLock();
  let runs = 0;
  let began!: () => void;
  const beganOnce = new Promise<void>((r) => (began = r));
  const analyses = new StoreAnalyses(lock, new AnalysisGate(4), async () => {
    const n = ++runs;
    began();
    await new Promise((r) => setTimeout(r, 10));
    return n;
  });
  const waiting = [analyses.request(), analyses.request(), analyses.request()];
  release();
  await beganOnce;
  const later = analyses.request();
  assert.deepEqual(await Promise.all(waiting), [1, 1, 1]);
  assert.equal(await later, 2);
  assert.equal(lock.taken, 2);
});

test('waiting for the lock does not hold the gate: other analysis calls run meanwhile', async () => {
  const { lock, release } = heldLock();
  const gate = new AnalysisGate(1);
  const analyses = new StoreAnalyses(lock, gate, async () => 'analysed');
  const pending = analyses.request();
  assert.equal(await gate.run(() => 'traced'), 'traced');
  release();
  assert.equal(await pending, 'analysed');
});

test('a run that failed before it began (no lock) is not joined by later requests', async () => {
  let attempts = 0;
  const lock: AnalysisLock = {
    run: async (work) => {
      if (++attempts === 1) throw new Error('database gone');
      return work();
    },
    close: async () => undefined,
  };
  const analyses = new StoreAnalyses(lock, new AnalysisGate(4), async () => 'analysed');
  await assert.rejects(analyses.request(), /database gone/);
  assert.equal(await analyses.request(), 'analysed');
});
