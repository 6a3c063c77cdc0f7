import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { AnalysisGate, BusyError } from './limits.js';
import { makeErrorHandler } from './errors.js';
import { InputError } from '../errors.js';

test('the gate runs calls one at a time and refuses more than maxPending with BusyError', async () => {
  const gate = new AnalysisGate(2);
  const order: string[] = [];
  let release!: () => void;
  const first = gate.run(() => new Promise<void>((r) => (release = () => (order.push('first'), r()))));
  const second = gate.run(() => void order.push('second'));
  assert.equal(gate.load, 2);
  await assert.rejects(gate.run(() => 1), BusyError);
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(order, []); // second waits for first
  release();
  await Promise.all([first, second]);
  assert.deepEqual(order, ['first', 'second']);
  assert.equal(gate.load, 0);
  assert.equal(await gate.run(() => 7), 7);
});

test('a failed call releases its place in the gate', async () => {
  const gate = new AnalysisGate(1);
  await assert.rejects(gate.run(() => Promise.reject(new Error('boom'))));
  assert.equal(await gate.run(() => 'ok'), 'ok');
});

test('the error handler: user errors keep their message, bugs become a generic 500 with nothing leaked', async () => {
  const logged: string[] = [];
  const app = new Hono();
  app.get('/bug', () => {
    throw new Error('secret internals at /srv/app.ts:12');
  });
  app.get('/input', () => {
    throw new InputError('upload:x.html', 'no article text found');
  });
  app.get('/busy', () => {
    throw new BusyError();
  });
  app.onError(makeErrorHandler((l) => logged.push(l)));
  const bug = await app.request('/bug');
  assert.equal(bug.status, 500);
  const body = await bug.text();
  assert.deepEqual(JSON.parse(body), { error: { code: 'internal', message: 'internal server error' } });
  assert.doesNotMatch(body, /secret|srv|at /);
  assert.match(logged[0], /secret internals/);
  const input = await app.request('/input');
  assert.equal(input.status, 400);
  assert.deepEqual(await input.json(), { error: { code: 'bad_input', message: 'upload:x.html: no article text found' } });
  assert.equal((await app.request('/busy')).status, 503);
});
