/**
 * Hostile files through the real `storytrace add` (in-process harness): each is refused with
 * one line naming the file, or processed, within bounded time and memory, and the rest of the
 * batch goes on. The files are generated here in a temp folder (100 MB, a gzip bomb, …).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runInProcess, type CliRun } from '../../src/cli/harness.js';
import type { AddReport } from '../../src/cli/commands/add.js';
import { readInputs } from '../../src/ingest/read.js';
import { seededRandom, syntheticArticle, tempDir } from './helpers.js';

const { dir, cleanup } = tempDir('hostile');
after(cleanup);
const path = (name: string) => join(dir, name);
const MB = 1024 * 1024;

/** Writes `total` bytes made of `unit` repeated, a megabyte at a time (never all in memory). */
function writeRepeated(file: string, head: string, unit: string, total: number, tail = ''): void {
  const fd = openSync(file, 'w');
  const block = Buffer.from(unit.repeat(Math.ceil(MB / unit.length)));
  writeSync(fd, head);
  for (let written = 0; written < total; written += block.length) writeSync(fd, block);
  writeSync(fd, tail);
  closeSync(fd);
}

before(() => {
  const random = seededRandom(8);
  writeFileSync(path('good-1.txt'), syntheticArticle(1, random));
  writeFileSync(path('good-2.txt'), syntheticArticle(2, random));
  writeFileSync(path('binary.html'), Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
  writeFileSync(path('binary.jsonl'), Buffer.from(Array.from({ length: 65536 }, () => Math.floor(random() * 256))));
  // 64 MB of zeros gzip to ~64 KB: read as text it must stay 64 KB (refused as binary, never inflated).
  writeFileSync(path('bomb.html'), gzipSync(Buffer.alloc(64 * MB)));
  writeRepeated(path('huge.html'), '<html><body><p>', 'All work and no play. ', 100 * MB, '</p></body></html>');
  const depth = 1_000_000;
  writeFileSync(path('nested.html'), '<div>'.repeat(depth) + '<p>Deep inside a million tags the council met. It voted on the budget.</p>' + '</div>'.repeat(depth));
  // 0xC3 0x28 and a lone 0xFF are invalid UTF-8: read as Windows-1252, not refused.
  writeFileSync(path('invalid-utf8.txt'), Buffer.concat([Buffer.from(syntheticArticle(3, random)), Buffer.from([0xc3, 0x28, 0x20, 0xff, 0x0a])]));
  writeFileSync(path('nul.txt'), Buffer.concat([Buffer.from(syntheticArticle(4, random)), Buffer.from([0, 0, 0])]));
  const jsonLine = (n: number) => JSON.stringify({ text: syntheticArticle(n, random), title: `Line ${n}` }) + '\n';
  writeRepeated(path('big-line.jsonl'), jsonLine(5) + '{"text": "', 'x'.repeat(1024), 50 * MB, '"}\n' + jsonLine(6));
  writeFileSync(path('nul-escaped.jsonl'), JSON.stringify({ text: `NUL\u0000 escapes vanish.\n\n${syntheticArticle(7, random)}` }) + '\n');
});

const ORDER = ['good-1.txt', 'binary.html', 'bomb.html', 'huge.html', 'nested.html', 'invalid-utf8.txt', 'nul.txt', 'big-line.jsonl', 'nul-escaped.jsonl', 'binary.jsonl', 'good-2.txt'];

describe('hostile files in one batch', () => {
  let run: CliRun;
  let report: AddReport;
  let seconds = 0;
  let rssGrowthMb = 0;

  before(async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    run = await runInProcess(['--db', path('batch.db'), 'add', '--json', ...ORDER.map(path)]);
    seconds = (performance.now() - started) / 1000;
    rssGrowthMb = (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB;
    report = JSON.parse(run.stdout) as AddReport;
  });

  const errorFor = (name: string) => report.errors.find((e) => e.source === path(name) || e.source.startsWith(`${path(name)}:`));

  test('the batch finishes in bounded time and memory, exit 1 for the refused files', () => {
    assert.equal(run.code, 1, run.stderr);
    assert.ok(seconds < 90, `batch took ${seconds.toFixed(1)} s`);
    // Nothing big is held: not the 100 MB file, not the 50 MB line, not the inflated bomb.
    assert.ok(rssGrowthMb < 600, `peak RSS grew ${rssGrowthMb.toFixed(0)} MB`);
  });

  test('every error is one stderr line naming its file', () => {
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, report.errors.length, run.stderr);
    for (const e of report.errors) assert.ok(lines.includes(`storytrace: ${e.message}`), e.message);
    for (const line of lines) assert.match(line, new RegExp(`^storytrace: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[\\w.-]+(:\\d+)?: \\S`));
  });

  test('binary data, a gzip bomb and raw NUL bytes are refused as binary, once per file', () => {
    for (const name of ['binary.html', 'bomb.html', 'nul.txt', 'binary.jsonl']) {
      assert.equal(errorFor(name)?.message, `${path(name)}: binary data, not text`);
    }
  });

  test('a 100 MB file is refused by the size limit', () => {
    assert.equal(errorFor('huge.html')?.message, `${path('huge.html')}: file larger than ${20 * MB} bytes`);
  });

  test('a 50 MB JSON line is refused as file:line; the lines around it are added', () => {
    assert.equal(errorFor('big-line.jsonl')?.message, `${path('big-line.jsonl')}:2: line larger than ${20 * MB} bytes`);
    const added = report.added.map((a) => a.source);
    assert.ok(added.includes(`${path('big-line.jsonl')}:1`) && added.includes(`${path('big-line.jsonl')}:3`), added.join(' '));
  });

  test('a million nested tags, invalid UTF-8 and escaped NULs are processed; good files added', () => {
    const added = report.added.map((a) => a.source);
    for (const name of ['good-1.txt', 'good-2.txt', 'nested.html', 'invalid-utf8.txt']) assert.ok(added.includes(path(name)), name);
    assert.ok(added.includes(`${path('nul-escaped.jsonl')}:1`));
    assert.equal(report.errors.length, 6, JSON.stringify(report.errors));
  });

  test('stored text has no NUL and the invalid bytes read as Windows-1252', async () => {
    const id = (source: string) => report.added.find((a) => a.source === source)!.id;
    const show = async (source: string) => (await runInProcess(['--db', path('batch.db'), 'show', '--json', id(source)])).stdout;
    assert.ok(!(await show(`${path('nul-escaped.jsonl')}:1`)).includes('\\u0000'));
    assert.match(await show(path('invalid-utf8.txt')), /Ã\(/);
  });
});

/** One WARC/1.0 response record holding an HTML page, gzipped on its own as Common Crawl does. */
function warcRecord(n: number, html: string): Buffer {
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(html)}\r\n\r\n${html}`;
  const header =
    `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/${n}\r\nWARC-Date: 2024-01-0${n}T03:04:05Z\r\n` +
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000${n}>\r\nContent-Type: application/http; msgtype=response\r\n` +
    `Content-Length: ${Buffer.byteLength(http)}\r\n\r\n`;
  return gzipSync(Buffer.from(`${header}${http}\r\n\r\n`));
}

async function warcSupported(file: string): Promise<boolean> {
  for await (const item of readInputs([file])) if (!(item instanceof Error)) return true;
  return false;
}

test('a truncated WARC.gz: the records before the damage are added, then one line names the file', async (t) => {
  const random = seededRandom(9);
  const page = (n: number) => `<html><head><title>Page ${n}</title></head><body><article><p>${syntheticArticle(n, random).replace(/\n\n/g, '</p><p>')}</p></article></body></html>`;
  const whole = Buffer.concat([warcRecord(1, page(11)), warcRecord(2, page(12))]);
  writeFileSync(path('probe.warc.gz'), whole);
  if (!(await warcSupported(path('probe.warc.gz')))) return t.skip('.warc.gz input is not supported yet');
  const first = warcRecord(1, page(11)).length;
  writeFileSync(path('cut.warc.gz'), whole.subarray(0, first + Math.floor((whole.length - first) / 2)));
  const started = performance.now();
  const r = await runInProcess(['--db', path('warc.db'), 'add', '--json', path('cut.warc.gz'), path('good-1.txt')]);
  assert.ok(performance.now() - started < 60_000, "bounded: a hang guard, not a speed test");
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as AddReport;
  assert.equal(report.added.length, 2, r.stdout); // the first record and the file after the WARC
  assert.equal(report.errors.length, 1);
  assert.ok(report.errors[0].message.startsWith(`${path('cut.warc.gz')}`), report.errors[0].message);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
});
