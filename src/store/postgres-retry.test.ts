import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryConflicts } from './postgres.js';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

test('a deadlock or serialization failure is tried again, up to the bound', async () => {
  let calls = 0;
  const result = await retryConflicts(async () => {
    calls++;
    if (calls < 3) throw pgError(calls === 1 ? '40P01' : '40001');
    return 'stored';
  });
  assert.equal(result, 'stored');
  assert.equal(calls, 3);
});

test('conflicts that keep coming fail after the last attempt, with the last error', async () => {
  let calls = 0;
  await assert.rejects(retryConflicts(async () => {
    calls++;
    throw pgError('40P01');
  }, 3), /pg 40P01/);
  assert.equal(calls, 3);
});

test('other failures are not retried', async () => {
  let calls = 0;
  await assert.rejects(retryConflicts(async () => {
    calls++;
    throw pgError('23505');
  }), /pg 23505/);
  assert.equal(calls, 1);
});
