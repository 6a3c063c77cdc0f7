import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import type { RawDocument } from '../types.js';
import { readWarcFile } from './warc.js';

/** One WARC record (headers + block), as a crawler writes it. */
function record(type: string, uri: string, block: string, date = '2024-03-05T10:20:30Z'): Buffer {
  const body = Buffer.from(block, 'utf8');
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    `WARC-Target-URI: ${uri}`,
    `WARC-Date: ${date}`,
    `WARC-Record-ID: <urn:uuid:${uri.length}-${type}>`,
    `Content-Type: application/http; msgtype=${type}`,
    `Content-Length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]);
}

function http(status: string, type: string, body: string): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

const PAGE = (t: string) => `<html><head><title>${t}</title></head><body><article><p>${t} opened on Monday after years of delay, officials said.</p></article></body></html>`;

const RECORDS = [
  record('request', 'https://news.example/a', 'GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n'),
  record('response', 'https://news.example/a', http('200 OK', 'text/html; charset=utf-8', PAGE('Bridge in Kell'))),
  record('response', 'https://news.example/missing', http('404 Not Found', 'text/html', PAGE('Not found'))),
  record('response', 'https://news.example/logo.png', http('200 OK', 'image/png', 'PNG')),
  record('response', 'https://news.example/b', http('200 OK', 'application/xhtml+xml', PAGE('Dam at Vessa'))),
  record('response', 'https://news.example/big', http('200 OK', 'text/html', PAGE('x'.repeat(5000)))),
];

async function readAll(path: string, maxBytes = 4000): Promise<Array<RawDocument | InputError>> {
  const out: Array<RawDocument | InputError> = [];
  for await (const item of readWarcFile(path, path, { maxBytes })) out.push(item);
  return out;
}

test('WARC.gz (gzip per record): HTML 200 responses only, URL and date from the record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-warc-'));
  try {
    const path = join(dir, 'crawl.warc.gz');
    writeFileSync(path, Buffer.concat(RECORDS.map((r) => gzipSync(r))));
    const items = await readAll(path);
    const docs = items.filter((x): x is RawDocument => !(x instanceof InputError));
    assert.deepEqual(docs.map((d) => d.source), ['https://news.example/a', 'https://news.example/b']);
    assert.equal(docs[0].kind, 'html');
    assert.deepEqual(docs[0].meta, { url: 'https://news.example/a', published: '2024-03-05T10:20:30Z' });
    assert.match(docs[0].body, /Bridge in Kell opened on Monday/);
    const errors = items.filter((x) => x instanceof InputError);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /big.*larger than 4000 bytes/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('plain WARC reads the same documents', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-warc-'));
  try {
    const path = join(dir, 'crawl.warc');
    writeFileSync(path, Buffer.concat(RECORDS));
    const docs = (await readAll(path)).filter((x): x is RawDocument => !(x instanceof InputError));
    assert.deepEqual(docs.map((d) => d.source), ['https://news.example/a', 'https://news.example/b']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated WARC.gz keeps what it read and reports an InputError for the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-warc-'));
  try {
    const path = join(dir, 'cut.warc.gz');
    const members = RECORDS.slice(0, 5).map((r) => gzipSync(r));
    const whole = Buffer.concat(members);
    writeFileSync(path, whole.subarray(0, whole.length - Math.floor(members[4].length / 2)));
    const items = await readAll(path);
    const docs = items.filter((x): x is RawDocument => !(x instanceof InputError));
    assert.deepEqual(docs.map((d) => d.source), ['https://news.example/a']);
    const last = items.at(-1);
    assert.ok(last instanceof InputError, 'the damage is reported');
    assert.equal(last.file, path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
