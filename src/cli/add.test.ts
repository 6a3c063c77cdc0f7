import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/open.js';
import { runInProcess, type CliRun } from './harness.js';
import type { AddReport } from './commands/add.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const dir = mkdtempSync(join(tmpdir(), 'storytrace-add-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let dbCounter = 0;
const freshDb = () => join(dir, `add-${++dbCounter}.db`);
const add = (db: string, ...args: string[]) => runInProcess(['--db', db, 'add', ...args]);

async function storedIds(db: string): Promise<string[]> {
  const store = await openStore(db, { readonly: true });
  try {
    return (await store.listArticles()).map((s) => s.id).sort();
  } finally {
    await store.close();
  }
}

function summary(r: CliRun): string {
  return r.stdout.trimEnd().split('\n').at(-1) ?? '';
}

/** Every stderr line is `storytrace: <file>: <problem>` for one of `files`. */
function assertErrorLinesName(r: CliRun, files: string[]): void {
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, files.length, r.stderr);
  for (const file of files) {
    assert.ok(lines.some((l) => l.startsWith(`storytrace: ${file}: `)), `no line for ${file} in:\n${r.stderr}`);
  }
}

describe('storytrace add: inputs', () => {
  test('adds a text file, an HTML page, JSON lines and a folder', async () => {
    const db = freshDb();
    const r = await add(db, fixture('article.txt'), fixture('page.html'), fixture('batch.jsonl'), fixture('folder'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(summary(r), 'added 6, duplicates 0, errors 0');
    assert.equal((await storedIds(db)).length, 6);
    const list = await runInProcess(['--db', db, 'list']);
    assert.match(list.stdout, /Harbour crane back in service/);
    assert.match(list.stdout, /Portlow Echo/);
    assert.match(list.stdout, /Cycle lane on Orchard Road/);
    assert.match(list.stdout, /Allotment waiting list/);
  });

  test('the same text again is a duplicate of the stored article, in the same batch or later', async () => {
    const db = freshDb();
    const first = await add(db, '--json', fixture('article.txt'));
    const report = JSON.parse(first.stdout) as AddReport;
    assert.equal(report.added.length, 1);
    const id = report.added[0].id;
    const reformatted = join(dir, 'reformatted.txt');
    writeFileSync(reformatted, readFileSync(fixture('article.txt'), 'utf8').replace(/\n\n/g, '\n\n\n').replace(/ the /g, ' the  '));
    const again = await add(db, fixture('article.txt'), reformatted);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, new RegExp(`article\\.txt: duplicate of ${id}`));
    assert.match(again.stdout, new RegExp(`reformatted\\.txt: duplicate of ${id}`));
    assert.equal(summary(again), 'added 0, duplicates 2, errors 0');
    assert.deepEqual(await storedIds(db), [id]);
  });

  test('--json lists added, duplicates and errors', async () => {
    const db = freshDb();
    const missing = join(dir, 'not-there.txt');
    const r = await add(db, '--json', fixture('page.html'), fixture('page.html'), missing);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as AddReport;
    assert.equal(report.added.length, 1);
    assert.equal(report.added[0].title, 'Harbour crane back in service after storm repairs');
    assert.deepEqual(report.duplicates.map((d) => d.duplicateOf), [report.added[0].id]);
    assert.equal(report.errors.length, 1);
    assert.equal(report.errors[0].source, missing);
    assertErrorLinesName(r, [missing]);
  });

  test('- reads standard input', async () => {
    const db = freshDb();
    const r = await runInProcess(['--db', db, 'add', '-'], { stdin: readFileSync(fixture('folder/first.txt'), 'utf8') });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^added [0-9a-f]{16}  -$/m);
    const list = await runInProcess(['--db', db, 'list']);
    assert.match(list.stdout, /Night buses added to Hollin Vale route/);
  });

  test('--quiet prints only the summary', async () => {
    const r = await add(freshDb(), '-q', fixture('folder'));
    assert.equal(r.stdout, 'added 2, duplicates 0, errors 0\n');
  });
});

describe('storytrace add: bad inputs', () => {
  test('binary, empty, 50 MB, broken HTML and missing inputs: one line each, the batch goes on, exit 1', async () => {
    const db = freshDb();
    assert.equal((await add(db, fixture('article.txt'))).code, 0);
    const before = await storedIds(db);

    const binary = join(dir, 'image.txt');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'word '));
    const broken = join(dir, 'broken.html');
    writeFileSync(broken, '<!DOCTYPE html><html><head><title>Broken</ti');
    const missing = join(dir, 'missing.html');

    const r = await add(db, binary, empty, huge, broken, missing, fixture('page.html'));
    assert.equal(r.code, 1);
    assertErrorLinesName(r, [binary, empty, huge, broken, missing]);
    assert.equal(summary(r), 'added 1, duplicates 0, errors 5');
    const after = await storedIds(db);
    assert.equal(after.length, 2);
    assert.ok(before.every((id) => after.includes(id)));
  });

  test('a read-only or corrupt database: one line naming it, nothing read, the data kept', async () => {
    const db = freshDb();
    await add(db, fixture('article.txt'));
    const before = await storedIds(db);
    // Tests run as root, where chmod does not stop writes; storytrace itself refuses a file
    // with no write bits, which is what this checks.
    chmodSync(db, 0o444);
    try {
      const r = await add(db, fixture('page.html'));
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `storytrace: ${db}: the database file is read-only; cannot write to it\n`);
    } finally {
      chmodSync(db, 0o644);
    }
    assert.deepEqual(await storedIds(db), before);

    const corrupt = join(dir, 'corrupt.db');
    copyFileSync(db, corrupt);
    const bytes = readFileSync(corrupt);
    bytes.fill(0x5a, 100); // keep the SQLite header, scramble every page
    writeFileSync(corrupt, bytes);
    const r = await add(corrupt, fixture('page.html'));
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^storytrace: ${corrupt}: not a storytrace database \\(corrupt[^\\n]*\\)\\n$`));
    assert.deepEqual(readFileSync(corrupt), bytes);
  });
});

describe('storytrace add: progress', () => {
  test('draws a progress line on a terminal and erases it before other output', async () => {
    const db = freshDb();
    const r = await runInProcess(['--db', db, 'add', fixture('folder')], { tty: true });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /\r\x1b\[Kadding: \d+ added/);
    assert.ok(r.stderr.endsWith('\r\x1b[K'), JSON.stringify(r.stderr));
    const piped = await add(freshDb(), fixture('folder'));
    assert.equal(piped.stderr, '');
  });
});
