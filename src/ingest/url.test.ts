import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';
import { prepareArticle } from './prepare.js';
import { readInputs } from './read.js';
import { fetchUrl, isPrivateAddress, type UrlOptions } from './url.js';

const PAGE =
  '<html><head><title>Harbour vote</title><link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head>' +
  '<body><article><p>The council voted on the harbour plan on Monday after a long debate.</p>' +
  '<img src="/photo.jpg"><iframe src="/frame"></iframe><p>It passed by nine votes to four.</p></article></body></html>';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
/** Requests seen, by path: proves what was (and was not) fetched. */
const hits: string[] = [];
const routes = new Map<string, Handler>();
let base = ''; // http://127.0.0.1:port
let other = ''; // http://127.0.0.2:port, the "private" address in the tests that pretend 127.0.0.1 is public
const servers: Server[] = [];

function listen(host: string): Promise<string> {
  const server = createServer((req, res) => {
    hits.push(`${host}${req.url}`);
    const handler = routes.get(req.url ?? '') ?? ((_q, r) => r.writeHead(404).end('not found'));
    handler(req, res);
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

before(async () => {
  base = await listen('127.0.0.1');
  other = await listen('127.0.0.2');
  const html = (body: string, type = 'text/html; charset=utf-8'): Handler => (_q, r) => r.writeHead(200, { 'content-type': type }).end(body);
  routes.set('/page', html(PAGE));
  routes.set('/text', html('Plain words of a plain article.', 'text/plain'));
  routes.set('/latin1', html(Buffer.from([0x43, 0x6f, 0xfb, 0x74, 0x20, 0xa3, 0x35]) as unknown as string, 'text/plain; charset=iso-8859-1'));
  routes.set('/pdf', html('%PDF-1.4', 'application/pdf'));
  routes.set('/to-other', (_q, r) => r.writeHead(302, { location: `${other}/page` }).end());
  routes.set('/to-private-name', (_q, r) => r.writeHead(301, { location: `http://private.test:${new URL(other).port}/page` }).end());
  routes.set('/to-file', (_q, r) => r.writeHead(302, { location: 'file:///etc/passwd' }).end());
  for (let n = 1; n <= 6; n++) routes.set(`/hop/${n}`, (_q, r) => r.writeHead(307, { location: n === 1 ? '/page' : `/hop/${n - 1}` }).end());
  routes.set('/slow', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.write('<p>first bytes');
    setTimeout(() => r.end('</p>'), 5000).unref();
  });
  routes.set('/big', (_q, r) => r.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * 1024 * 1024) }).end('x'.repeat(3 * 1024 * 1024)));
  routes.set('/big-chunked', (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    const chunk = '<p>' + 'y'.repeat(64 * 1024) + '</p>';
    let sent = 0;
    const more = (): void => {
      while (sent < 200 && r.write(chunk)) sent++;
      if (sent < 200) r.once('drain', more);
      else r.end();
    };
    more();
  });
});
after(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

/** Tests that need a "public" address pretend 127.0.0.1 is one; 127.0.0.2 and private.test stay private. */
const PRETEND_PUBLIC: Partial<UrlOptions> = {
  isPrivateAddress: (a) => a !== '127.0.0.1',
  resolve: async (host) => [{ address: host === 'private.test' ? '127.0.0.2' : '127.0.0.1', family: 4 }],
};

async function refusal(url: string, options: Partial<UrlOptions>): Promise<string> {
  try {
    await fetchUrl(url, options);
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    assert.equal(err.file, url);
    assert.ok(!err.message.includes('\n'));
    return err.message;
  }
  assert.fail(`${url} was fetched`);
}

test('private, loopback, link-local, unique-local and unspecified addresses', () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', 'localhost']) {
    assert.ok(isPrivateAddress(a), a);
  }
  for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) assert.ok(!isPrivateAddress(a), a);
});

test('loopback refused by default, by literal address and by name; fetched with allowPrivate', async () => {
  assert.match(await refusal(`${base}/page`, {}), /127\.0\.0\.1 is a private address \(allow with --allow-private\)$/);
  assert.match(await refusal(`http://localhost:${new URL(base).port}/page`, {}), /localhost resolves to (127\.0\.0\.1|::1), a private address/);
  assert.match(await refusal(`http://[::1]:${new URL(base).port}/page`, {}), /::1 is a private address/);
  assert.equal(hits.length, 0, 'nothing may reach the server while refused');
  const doc = await fetchUrl(`${base}/page`, { allowPrivate: true });
  assert.equal(doc.kind, 'html');
  assert.equal(doc.meta.url, `${base}/page`);
  assert.match(prepareArticle(doc).text, /passed by nine votes/);
});

test('never fetches what a page references (images, scripts, styles, frames)', async () => {
  hits.length = 0;
  prepareArticle(await fetchUrl(`${base}/page`, { allowPrivate: true }));
  assert.deepEqual(hits, ['127.0.0.1/page']);
});

test('only http and https; only text/html and text/plain; charset honoured', async () => {
  assert.match(await refusal('file:///etc/passwd', { allowPrivate: true }), /only http and https URLs are fetched, not file:/);
  assert.match(await refusal('ftp://example.com/x', { allowPrivate: true }), /only http and https/);
  assert.match(await refusal(`${base}/pdf`, { allowPrivate: true }), /content type application\/pdf is not text\/html or text\/plain/);
  assert.match(await refusal(`${base}/missing`, { allowPrivate: true }), /HTTP 404$/);
  assert.equal((await fetchUrl(`${base}/text`, { allowPrivate: true })).kind, 'text');
  assert.equal((await fetchUrl(`${base}/latin1`, { allowPrivate: true })).body, 'Coût £5');
});

test('every redirect is checked again: to a private address, a private name or another scheme', async () => {
  hits.length = 0;
  assert.match(await refusal(`${base}/to-other`, PRETEND_PUBLIC), /127\.0\.0\.2 is a private address/);
  assert.match(await refusal(`${base}/to-private-name`, PRETEND_PUBLIC), /private\.test resolves to 127\.0\.0\.2, a private address/);
  assert.match(await refusal(`${base}/to-file`, PRETEND_PUBLIC), /only http and https/);
  assert.ok(!hits.some((h) => h.startsWith('127.0.0.2')), hits.join(' '));
  assert.equal((await fetchUrl(`${base}/page`, PRETEND_PUBLIC)).kind, 'html');
});

test('at most 5 redirects', async () => {
  assert.equal((await fetchUrl(`${base}/hop/5`, { allowPrivate: true })).meta.url, `${base}/page`);
  assert.match(await refusal(`${base}/hop/6`, { allowPrivate: true }), /more than 5 redirects$/);
});

test('a slow server times out; an oversized body is refused, declared or streamed', async () => {
  const started = performance.now();
  assert.match(await refusal(`${base}/slow`, { allowPrivate: true, fetchTimeoutMs: 300 }), /timed out after 300 ms$/);
  assert.ok(performance.now() - started < 2000);
  assert.match(await refusal(`${base}/big`, { allowPrivate: true, maxBytes: 1024 * 1024 }), /response larger than 1048576 bytes$/);
  const before = process.memoryUsage().rss;
  assert.match(await refusal(`${base}/big-chunked`, { allowPrivate: true, maxBytes: 1024 * 1024 }), /response larger than 1048576 bytes$/);
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024, 'the download must stop at the limit');
});

test('an unresolvable host and a refused connection are one-line InputErrors', async () => {
  assert.match(await refusal('http://no-such-host.invalid/', {}), /cannot resolve no-such-host\.invalid/);
  const closed = await listen('127.0.0.1');
  await new Promise((r) => servers.at(-1)!.close(r));
  assert.match(await refusal(`${closed}/`, { allowPrivate: true }), /ECONNREFUSED/);
});

test('readInputs fetches URLs with its allowPrivate, fetchTimeoutMs and maxBytes options', async () => {
  const items = [];
  for await (const item of readInputs([`${base}/page`, `${base}/big`], { allowPrivate: true, maxBytes: 1024 * 1024 })) items.push(item);
  assert.equal((items[0] as { kind: string }).kind, 'html');
  assert.ok(items[1] instanceof InputError && /larger than/.test(items[1].message));
  const refused = [];
  for await (const item of readInputs([`${base}/page`])) refused.push(item);
  assert.ok(refused[0] instanceof InputError && /private address/.test(refused[0].message));
});
