import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkerPool } from './pool.js';
import { DEFAULT_ENGINE_OPTIONS } from '../engine/engine.js';

test('tasks sent to one worker are posted at once and answered in order, each with its own answer', async () => {
  const pool = new WorkerPool(1);
  try {
    // all three are on their way before any answer: the worker does not wait for this thread
    const early = pool.runOn(0, { type: 'trace-finish', job: { traceId: 1, known: [], shown: [] } });
    const context = pool.runOn(0, { type: 'context', options: DEFAULT_ENGINE_OPTIONS, context: {} });
    const drop = pool.runOn(0, { type: 'trace-drop', traceId: 1 });
    const queued = pool.run({ type: 'trace-drop', traceId: 2 });
    assert.equal(pool.pending, 4);
    await assert.rejects(early, /trace before context/);
    assert.equal((await context).type, 'ready');
    assert.equal((await drop).type, 'ready');
    assert.equal((await queued).type, 'ready');
    assert.equal(pool.pending, 0);
    await assert.rejects(pool.runOn(1, { type: 'trace-drop', traceId: 3 }), /no worker 1/);
  } finally {
    await pool.close();
  }
});

test('run posts up to `ahead` tasks to each worker before any answer, and answers each task', async () => {
  const pool = new WorkerPool(2, { ahead: 2 });
  try {
    const replies = Array.from({ length: 5 }, (_, i) => pool.run({ type: 'trace-drop', traceId: i }));
    // 2 + 2 posted, the fifth waits for an answer
    assert.equal(pool.pending, 5);
    assert.equal(pool.waiting, 1);
    for (const reply of replies) assert.equal((await reply).type, 'ready');
    assert.equal(pool.pending, 0);
  } finally {
    await pool.close();
  }
});
