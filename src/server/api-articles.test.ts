import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call, fixture, testServer, type TestServer } from './test-helpers/serve.js';

let s: TestServer;
before(async () => {
  s = await testServer({ maxBodyBytes: 64 * 1024 });
});
after(async () => s.close());

test('POST /api/articles stores one JSON article, then reports it as a duplicate', async () => {
  const first = await call(`${s.url}/api/articles`, { json: { text: fixture('report.txt'), outlet: 'Penmarro Post', published: '2025-01-14' } });
  assert.equal(first.status, 201);
  assert.equal(first.body.added.length, 1);
  assert.match(first.body.added[0].title, /sea wall/);
  const again = await call(`${s.url}/api/articles`, { json: { text: fixture('report.txt') } });
  assert.equal(again.status, 200);
  assert.equal(again.body.added.length, 0);
  assert.equal(again.body.duplicates[0].duplicate_of, first.body.added[0].id);
});

test('POST /api/articles takes a JSON array, reporting bad items and storing the rest', async () => {
  const r = await call(`${s.url}/api/articles`, { json: [{ text: fixture('other.txt'), outlet: 'Valley Gazette' }, { title: 'no body' }, 'not an object'] });
  assert.equal(r.status, 201);
  assert.equal(r.body.added.length, 1);
  assert.deepEqual(r.body.errors.map((e: { source: string }) => e.source), ['request[1]', 'request[2]']);
});

test('POST /api/articles takes JSON lines and multipart uploads', async () => {
  const lines = JSON.stringify({ text: fixture('spun.txt'), outlet: 'Coast Wire' }) + '\n\n{broken\n';
  const r = await call(`${s.url}/api/articles`, { method: 'POST', body: lines, headers: { 'content-type': 'application/x-ndjson' } });
  assert.equal(r.body.added.length, 1);
  assert.equal(r.body.errors.length, 1);
  assert.match(r.body.errors[0].source, /request:3/);
  const form = new FormData();
  form.append('file', new Blob(['<html><head><title>Uploaded page</title></head><body><article><p>' + 'A page about tide tables and harbour dredging in the north. '.repeat(8) + '</p></article></body></html>']), 'page.html');
  const up = await call(`${s.url}/api/articles`, { method: 'POST', body: form });
  assert.equal(up.status, 201);
  assert.equal(up.body.added[0].source, 'upload:page.html');
  assert.equal(up.body.added[0].title, 'Uploaded page');
});

test('GET /api/articles lists summaries; GET /api/articles/:id gives text and boilerplate', async () => {
  const list = await call(`${s.url}/api/articles?limit=2`);
  assert.equal(list.status, 200);
  assert.equal(list.body.total, 4);
  assert.equal(list.body.articles.length, 2);
  const id = list.body.articles[0].id;
  const one = await call(`${s.url}/api/articles/${id.slice(0, 6)}`);
  assert.equal(one.body.id, id);
  assert.equal(typeof one.body.text, 'string');
  assert.ok(Array.isArray(one.body.boilerplate));
});

test('errors are JSON {error: {code, message}} with the right status', async () => {
  const missing = await call(`${s.url}/api/articles/ffffffffffff`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error.code, 'not_found');
  const badJson = await call(`${s.url}/api/articles`, { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } });
  assert.deepEqual([badJson.status, badJson.body.error.code], [400, 'bad_request']);
  const media = await call(`${s.url}/api/articles`, { method: 'POST', body: 'x', headers: { 'content-type': 'image/png' } });
  assert.deepEqual([media.status, media.body.error.code], [415, 'unsupported_media_type']);
  const big = await call(`${s.url}/api/articles`, { method: 'POST', body: 'x'.repeat(70 * 1024), headers: { 'content-type': 'text/plain' } });
  assert.deepEqual([big.status, big.body.error.code], [413, 'too_large']);
  const limit = await call(`${s.url}/api/articles?limit=-3`);
  assert.equal(limit.status, 400);
  const route = await call(`${s.url}/api/nothing-here`);
  assert.deepEqual([route.status, route.body.error.code], [404, 'not_found']);
});

test('every answer carries a strict CSP and nosniff; the UI is served, files outside it are not', async () => {
  for (const path of ['/', '/api/articles', '/assets/app.js', '/api/nothing']) {
    const r = await fetch(s.url + path);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, path);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
  }
  const page = await fetch(s.url + '/');
  assert.match(await page.text(), /<title>ui<\/title>/);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  const js = await fetch(s.url + '/assets/app.js');
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
    const r = await fetch(s.url + path);
    assert.notEqual(await r.text(), 'not for the web', path);
  }
});
