import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInProcess } from './harness.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'storytrace-compact-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('storytrace compact merges the index into one part, and trace answers as before', async () => {
  const db = join(dir, 'store.db');
  assert.equal((await runInProcess(['--db', db, 'add', '-q', examples])).code, 0);
  const list = await runInProcess(['--db', db, 'list', '--json']);
  const id = (JSON.parse(list.stdout) as Array<{ id: string }>)[0].id;
  const before = await runInProcess(['--db', db, 'trace', id, '--json']);
  assert.equal(before.code, 0, before.stderr);
  const compacted = await runInProcess(['--db', db, 'compact', '--json']);
  assert.equal(compacted.code, 0, compacted.stderr);
  const report = JSON.parse(compacted.stdout) as { compacted: boolean; before: number; after: number };
  assert.deepEqual([report.compacted, report.before, report.after], [true, 1, 1], 'the tail of a small store becomes one run');
  assert.equal((await runInProcess(['--db', db, 'trace', id, '--json'])).stdout, before.stdout);
  assert.match((await runInProcess(['--db', db, 'compact'])).stdout, /^index parts: 1 -> 1 \(/);
});

test('storytrace compact on a missing database is a one-line error', async () => {
  const r = await runInProcess(['--db', join(dir, 'missing', 'none.db'), 'compact']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^storytrace: .*none\.db/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

for (const command of [['compact'], ['reindex'], ['analyze', '--json']]) {
  test(`storytrace ${command[0]} refuses a database file that does not exist, and creates none`, async () => {
    const missing = join(dir, `mistyped-${command[0]}.db`);
    const r = await runInProcess(['--db', missing, ...command]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `storytrace: ${missing}: no such database file\n`);
    assert.ok(!existsSync(missing), 'no empty database left behind');
  });
}
