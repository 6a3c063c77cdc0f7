import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestArticle } from '../store/contract.js';
import { openStore } from '../store/open.js';
import type { RegisterCommand } from './context.js';
import { runInProcess } from './harness.js';
import { VERSION } from './version.js';

const dir = mkdtempSync(join(tmpdir(), 'storytrace-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const db = join(dir, 'list.db');
const first = makeTestArticle(1, { id: 'abc1000000000001', published: '2024-05-01T08:00:00Z', outlet: 'Daily Example', title: 'Council votes' });
const second = makeTestArticle(2, { id: 'abc1900000000002', published: '2023-01-09', outlet: null, title: null });
const third = makeTestArticle(3, { id: '0123000000000003', published: null });

async function seed(): Promise<void> {
  const store = await openStore(db);
  for (const a of [first, second, third]) await store.addArticle(a);
  await store.close();
}
const ready = seed();
const run = async (...args: string[]) => {
  await ready;
  return runInProcess(['--db', db, ...args]);
};

function assertOneLineError(r: { code: number; stderr: string; stdout: string }, code: number, pattern: RegExp): void {
  assert.equal(r.code, code, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^storytrace: /);
  assert.match(r.stderr, pattern);
}

describe('storytrace list', () => {
  test('prints a table by date then id, undated last', async () => {
    const r = await run('list');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^ID\s+DATE\s+OUTLET\s+TITLE$/);
    assert.equal(lines.length, 4);
    assert.match(lines[1], new RegExp(`^${second.id}\\s+2023-01-09\\s+-\\s+\\(untitled\\)$`));
    assert.match(lines[2], new RegExp(`^${first.id}\\s+2024-05-01\\s+Daily Example\\s+Council votes$`));
    assert.match(lines[3], new RegExp(`^${third.id}\\s+-\\s+The Test Gazette`));
  });

  test('--json prints the summaries; --limit and --offset page', async () => {
    const r = await run('list', '--json', '--limit', '1', '--offset', '1');
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(rows.map((s: { id: string }) => s.id), [first.id]);
    assert.equal(rows[0].chars, first.text.length);
  });

  test('STORYTRACE_DB names the database when --db is absent', async () => {
    await ready;
    const r = await runInProcess(['list', '--json'], { env: { STORYTRACE_DB: db } });
    assert.equal(JSON.parse(r.stdout).length, 3);
  });

  test('an empty database says so on stderr and succeeds', async () => {
    const empty = join(dir, 'empty.db');
    await (await openStore(empty)).close();
    const r = await runInProcess(['--db', empty, 'list']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no articles/);
  });

  test('a missing or corrupt database is one line naming the file, exit 1', async () => {
    const missing = join(dir, 'nothing-here.db');
    assertOneLineError(await runInProcess(['--db', missing, 'list']), 1, new RegExp(`${missing}: no such database`));
    const corrupt = join(dir, 'corrupt.db');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(3000, 7)]);
    writeFileSync(corrupt, bytes);
    assertOneLineError(await runInProcess(['--db', corrupt, 'list']), 1, new RegExp(`${corrupt}: not a storytrace database`));
    assert.deepEqual(readFileSync(corrupt), bytes);
  });
});

describe('storytrace show', () => {
  test('shows metadata, clean text, and boilerplate apart, found by prefix', async () => {
    const r = await run('show', 'abc10');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^id\\s+${first.id}$`, 'm'));
    assert.match(r.stdout, /^outlet\s+Daily Example$/m);
    assert.match(r.stdout, /^published\s+2024-05-01T08:00:00Z$/m);
    const [, text, boiler] = r.stdout.split(/^--- .* ---$/m);
    assert.match(text, /The council met on Tuesday/);
    assert.doesNotMatch(text, /Share this story/);
    assert.match(boiler, /^social\s+\d+-\d+\s+Share this story\.$/m);
  });

  test('--json prints the stored article', async () => {
    const r = await run('show', '--json', first.id);
    assert.deepEqual(JSON.parse(r.stdout), first);
  });

  test('unknown, ambiguous and too-short ids are one-line user errors', async () => {
    assertOneLineError(await run('show', 'ffffffff'), 1, /no article with id "ffffffff"/);
    assertOneLineError(await run('show', 'abc1'), 1, /matches several articles/);
    assertOneLineError(await run('show', 'ab'), 1, /at least 4 characters/);
  });
});

describe('program', () => {
  test('bad usage exits 2 with a one-line reason and a hint', async () => {
    const unknown = await run('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^storytrace: unknown command 'frobnicate'/);
    assert.match(unknown.stderr, /--help/);
    assert.equal((await run('add')).code, 2);
    assert.equal((await run('show')).code, 2);
    const badLimit = await run('list', '--limit', 'lots');
    assert.equal(badLimit.code, 2);
    assert.match(badLimit.stderr, /whole number/);
  });

  test('--help and --version succeed', async () => {
    const help = await runInProcess(['--help']);
    assert.equal(help.code, 0);
    for (const command of ['add', 'list', 'show', '--db']) assert.ok(help.stdout.includes(command), command);
    const version = await runInProcess(['--version']);
    assert.equal(version.stdout.trim(), VERSION);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(VERSION, pkg.version);
  });

  test('an unexpected error is reported as a bug with exit 70; the stack only on request', async () => {
    const broken: RegisterCommand = (program) => {
      program.command('boom').action(() => {
        throw new TypeError('cannot read x\nof undefined');
      });
    };
    const r = await runInProcess(['boom'], { commands: [broken] });
    assert.equal(r.code, 70);
    assert.match(r.stderr, /^storytrace: internal error: cannot read x of undefined\n/);
    assert.match(r.stderr, /STORYTRACE_DEBUG=1/);
    assert.doesNotMatch(r.stderr, /at .*\.ts/);
    const debug = await runInProcess(['boom'], { commands: [broken], env: { STORYTRACE_DEBUG: '1' } });
    assert.match(debug.stderr, /TypeError: cannot read x/);
  });
});
