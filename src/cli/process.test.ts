/** The real process: stdin, exit codes through process.exitCode, nothing but text on pipes. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'storytrace-proc-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function storytrace(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, STORYTRACE_DB: join(dir, 'proc.db') },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('add - reads standard input; piped output has no progress bar', () => {
  const text = readFileSync(fileURLToPath(new URL('./fixtures/article.txt', import.meta.url)), 'utf8');
  const r = storytrace(['add', '-'], text);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^added [0-9a-f]{16}  -$/m);
  assert.match(r.stdout, /added 1, duplicates 0, errors 0\n$/);
  assert.equal(r.stderr, '');
});

test('a failed input exits 1 and bad usage exits 2, each with one line', () => {
  const missing = join(dir, 'nope.txt');
  const failed = storytrace(['add', missing]);
  assert.equal(failed.code, 1);
  assert.equal(failed.stderr.trimEnd().split('\n').length, 1);
  assert.match(failed.stderr, new RegExp(`^storytrace: ${missing}: `));
  const usage = storytrace(['list', '--no-such-flag']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^storytrace: unknown option '--no-such-flag'/);
});

test('bench with a --tmp folder that does not exist: one line, exit 2, before any work', () => {
  const missing = join(dir, 'no-such-folder');
  const r = storytrace(['bench', '--docs', '100', '--tmp', missing]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `storytrace: --tmp ${missing}: no such folder\n`);
});
