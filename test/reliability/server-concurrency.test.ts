/**
 * Bounded concurrency of the analysis calls: a burst larger than `maxPendingAnalyses` gets some
 * quick 503 `busy` answers, every other request succeeds, nothing hangs, reading pages stay
 * answered, and the gate is free again afterwards. Also: a request waiting behind others past
 * `requestTimeoutMs` gets 504 `timeout` instead of waiting on.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { call, fixture, testServer, type TestServer } from '../../src/server/test-helpers/serve.js';

/** Longer texts so each comparison takes a noticeable time (tens of ms or more). */
const longer = (name: string) => Array.from({ length: 3 }, (_, i) => `Part ${i + 1}.\n\n${fixture(name)}`).join('\n\n');

/** One store with two related articles, shared by every test here. */
async function storeWithPair(s: TestServer): Promise<[string, string]> {
  const r = await call(`${s.url}/api/articles`, { json: [{ text: longer('report.txt') }, { text: longer('spun.txt') }] });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return [r.body.added[0].id, r.body.added[1].id];
}

interface RawAnswer {
  status: number;
  body: any;
}

/**
 * Sends the requests on as many open keep-alive connections at the same moment, as a load
 * generator does. Each socket first gets a health answer, so the server has accepted them all
 * (it accepts one new connection per event-loop turn); then every request is written in one go.
 */
async function burst(s: TestServer, requests: string[], hangMs: number): Promise<RawAnswer[]> {
  const { port } = new URL(s.url);
  const sockets = await Promise.all(requests.map(() => openedConnection(Number(port))));
  const answers = sockets.map((socket) => readAnswer(socket, hangMs));
  sockets.forEach((socket, i) => socket.write(requests[i]));
  return Promise.all(answers);
}

/** A raw POST that closes its connection after the answer. */
function post(path: string, json: unknown): string {
  const body = JSON.stringify(json);
  return `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

const compares = (pair: [string, string], n: number) => Array.from({ length: n }, () => post('/api/compare', { a: { id: pair[0] }, b: { id: pair[1] } }));

/** A connection the server has accepted and answered once (GET /api/health, kept alive). */
function openedConnection(port: number): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
    let seen = '';
    const onData = (c: Buffer) => {
      seen += c.toString('utf8');
      if (!seen.includes('"ok":true')) return;
      socket.off('data', onData);
      done(socket);
    };
    socket.on('data', onData);
    socket.once('error', fail);
  });
}

/** The whole answer on a `Connection: close` socket; fails if it does not end in `hangMs`. */
function readAnswer(socket: Socket, hangMs: number): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => (socket.destroy(), fail(new Error(`no answer in ${hangMs} ms`))), hangMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.once('error', (e) => (clearTimeout(timer), fail(e)));
    socket.once('end', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const payload = /transfer-encoding: chunked/i.test(head) ? dechunk(rest.join('\r\n\r\n')) : rest.join('\r\n\r\n');
      done({ status: Number(head.split(' ')[1]), body: JSON.parse(payload) });
    });
  });
}

function dechunk(text: string): string {
  let out = '';
  for (let at = 0; ;) {
    const eol = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, eol), 16);
    if (!size) return out;
    out += text.slice(eol + 2, eol + 2 + size);
    at = eol + 2 + size + 2;
  }
}

let s: TestServer;
let pair: [string, string];
before(async () => {
  s = await testServer({ maxPendingAnalyses: 2, warmUpAfterMs: null });
  pair = await storeWithPair(s);
  assert.equal((await burst(s, compares(pair, 1), 15_000))[0].status, 200); // loads the engine
});
after(async () => s.close());

test('a burst of 12 compare calls with room for 2: some 503 busy at once, the rest 200, none hang', async () => {
  const health = (async () => {
    await new Promise((r) => setTimeout(r, 20));
    return call(`${s.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
  })();
  const answers = await burst(s, compares(pair, 12), 15_000);
  const statuses = answers.map((a) => a.status);
  const busy = answers.filter((a) => a.status === 503);
  const ok = answers.filter((a) => a.status === 200);
  assert.equal(busy.length + ok.length, 12, statuses.join(' '));
  assert.ok(busy.length >= 1, `no request was refused: ${statuses.join(' ')}`);
  assert.ok(ok.length >= 2, `fewer than 2 succeeded: ${statuses.join(' ')}`);
  for (const b of busy) assert.deepEqual(Object.keys(b.body.error).sort(), ['code', 'message']), assert.equal(b.body.error.code, 'busy');
  for (const o of ok) assert.equal(typeof o.body.relation.relation, 'string');
  assert.equal((await health).status, 200);
  // The gate has released every place: a lone call goes through.
  assert.equal((await burst(s, compares(pair, 1), 15_000))[0].status, 200);
});

test('trace and analyze share the same gate', async () => {
  const requests = [...Array.from({ length: 5 }, () => post('/api/trace', { text: longer('spun.txt') })), ...Array.from({ length: 5 }, () => post('/api/analyze', {}))];
  const statuses = (await burst(s, requests, 15_000)).map((a) => a.status);
  assert.ok(statuses.every((x) => x === 200 || x === 503), statuses.join(' '));
  assert.ok(statuses.includes(503) && statuses.includes(200), statuses.join(' '));
});

test('a call that waits behind others past requestTimeoutMs gets 504 timeout, the server answers on', async () => {
  const slow = await testServer({ maxPendingAnalyses: 50, requestTimeoutMs: 150, warmUpAfterMs: null });
  try {
    const slowPair = await storeWithPair(slow);
    const answers = await burst(slow, compares(slowPair, 20), 15_000);
    const statuses = answers.map((a) => a.status);
    assert.ok(statuses.every((x) => x === 200 || x === 504), statuses.join(' '));
    const late = answers.filter((a) => a.status === 504);
    assert.ok(late.length >= 1, `no call timed out: ${statuses.join(' ')}`);
    assert.equal(late[0].body.error.code, 'timeout');
    assert.equal((await call(`${slow.url}/api/health`)).status, 200);
  } finally {
    await slow.close();
  }
});
