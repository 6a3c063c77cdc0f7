/**
 * Server limits on hostile requests: bodies over `maxBodyBytes` (declared or streamed),
 * headers or bodies sent slowly (slowloris), malformed JSON, and the default bind address.
 * Each case checks that the server answers at once and keeps answering others.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { DEFAULT_SERVER_OPTIONS } from '../../src/server/options.js';
import { call, testServer, type TestServer } from '../../src/server/test-helpers/serve.js';

const SIX_MB = 6 * 1024 * 1024;

/** Default limits except the time limit, small so the slow-client cases are quick. */
let s: TestServer;
let port: number;
before(async () => {
  s = await testServer({ requestTimeoutMs: 600, warmUpAfterMs: null });
  port = Number(new URL(s.url).port);
});
after(async () => s.close());

/** Default limits, for the large bodies (6 MB takes a while to send on a loaded machine). */
let big: TestServer;
before(async () => {
  big = await testServer({ warmUpAfterMs: null });
});
after(async () => big.close());

/** A health call on a new connection (a kept-alive one may have been closed by a 408). */
const healthy = async (on: TestServer = s) => {
  const r = await call(`${on.url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(5_000) });
  assert.equal(r.status, 200);
};

/** Writes `head` and reads until the server closes; returns what came back and when. */
function rawExchange(head: string, dripped: string[], dripMs: number): Promise<{ text: string; ms: number }> {
  return new Promise((done, fail) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    let next = 0;
    const drip = setInterval(() => {
      if (next < dripped.length && !socket.destroyed) socket.write(dripped[next++]);
    }, dripMs);
    const guard = setTimeout(() => (socket.destroy(), fail(new Error('the server never closed the slow connection'))), 10_000);
    socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
    socket.on('error', () => undefined); // a reset after the 408 is fine
    socket.once('close', () => {
      clearInterval(drip);
      clearTimeout(guard);
      done({ text, ms: Date.now() - started });
    });
  });
}

test('a 6 MB JSON body with Content-Length gets 413 too_large at once; the server answers on', async () => {
  const started = Date.now();
  const body = JSON.stringify({ text: 'x'.repeat(SIX_MB) });
  const r = await call(`${big.url}/api/articles`, { method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
  assert.equal(r.status, 413);
  assert.equal(r.body.error.code, 'too_large');
  assert.ok(Date.now() - started < 5_000, `took ${Date.now() - started} ms`);
  await healthy(big);
});

/**
 * Streams `total` bytes as a chunked body to `path` on a raw socket, 64 KB at a time, until the
 * server answers or closes; returns the answer's status line.
 */
function streamChunked(on: TestServer, path: string, total: number): Promise<{ status: string }> {
  return new Promise((done, fail) => {
    const socket = connect(Number(new URL(on.url).port), '127.0.0.1');
    const chunk = `10000\r\n${'a'.repeat(0x10000)}\r\n`;
    let sent = 0;
    let text = '';
    const guard = setTimeout(() => (socket.destroy(), fail(new Error('no answer to the streamed body'))), 10_000);
    const pump = () => {
      while (sent < total && !socket.destroyed && !text) {
        sent += 0x10000;
        if (!socket.write(sent >= total ? chunk + '0\r\n\r\n' : chunk)) return socket.once('drain', pump);
      }
    };
    socket.once('connect', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`);
      pump();
    });
    socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
    socket.on('error', () => undefined); // the server may reset once it has answered
    socket.once('close', () => {
      clearTimeout(guard);
      done({ status: text.split('\r\n')[0] });
    });
    const answered = setInterval(() => text.includes('\r\n\r\n') && (clearInterval(answered), socket.end()), 20);
  });
}

test('a 6 MB body streamed without Content-Length is cut at the limit with 413, on every analysis route', async () => {
  for (const path of ['/api/articles', '/api/trace', '/api/compare']) {
    const { status } = await streamChunked(big, path, SIX_MB);
    assert.match(status, /^HTTP\/1\.1 413/, path);
  }
  await healthy(big);
});

test('slowloris: headers sent a line at a time are cut off after requestTimeoutMs (408), others answered meanwhile', async () => {
  const lines = Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: ${i}\r\n`);
  const slow = rawExchange('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', lines, 100);
  await healthy();
  const { text, ms } = await slow;
  assert.match(text, /^HTTP\/1\.1 408/);
  assert.ok(ms >= 500 && ms < 3_000, `closed after ${ms} ms`);
});

test('a body sent a few bytes at a time is cut off after requestTimeoutMs (504 or 408, then closed)', async () => {
  const head = 'POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n';
  const { text, ms } = await rawExchange(head, Array.from({ length: 100 }, () => 'abcdefghij'), 100);
  // Whichever deadline fires first: hono's (504 timeout, JSON) or Node's (408); then the socket closes.
  assert.match(text, /^HTTP\/1\.1 (408|504)/);
  assert.ok(ms < 3_000, `closed after ${ms} ms`);
  await healthy();
});

test('malformed JSON gets 400 with a one-line JSON error and no stack, on every JSON route', async () => {
  const bad = ['{"text": "unterminated', '{text: 1}', '[1, 2', '\u0000\u0001', '{"a": {"id": "00"}, "b": }'];
  for (const path of ['/api/articles', '/api/trace', '/api/compare']) {
    for (const body of bad) {
      const res = await fetch(`${s.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      const text = await res.text();
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      assert.doesNotMatch(text, /\n/);
      assert.doesNotMatch(text, /\bat \S+:\d+|\.ts\b|\.js\b|SyntaxError|node_modules/);
      const parsed = JSON.parse(text);
      assert.deepEqual(Object.keys(parsed.error).sort(), ['code', 'message']);
      assert.equal(parsed.error.code, 'bad_request');
    }
  }
  await healthy();
});

/** The local address of the listening socket on `port`, from /proc/net/tcp (Linux). */
function listeningAddress(listenPort: number): string | null {
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== '0A') continue; // 0A: LISTEN
      const [hex, portHex] = local.split(':');
      if (parseInt(portHex, 16) !== listenPort) continue;
      if (hex.length === 8) return hex.match(/../g)!.reverse().map((h) => parseInt(h, 16)).join('.');
      return hex;
    }
  }
  return null;
}

test('the server binds 127.0.0.1 by default (options and the listening socket)', async (t) => {
  assert.equal(DEFAULT_SERVER_OPTIONS.host, '127.0.0.1');
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  try {
    readFileSync('/proc/net/tcp');
  } catch {
    return t.skip('no /proc/net/tcp on this system');
  }
  assert.equal(listeningAddress(port), '127.0.0.1');
});
