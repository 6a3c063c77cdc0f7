/**
 * The queue through the CLI, in-process: `add --queue`, `worker` (stopped by a signal, as a
 * person or a service manager would), `status`. Commands that need the queue refuse SQLite.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from '../cli/harness.js';
import { EXIT_OK } from '../cli/errors.js';
import { findPgServer, missingServerFailure, PG_SKIP_MESSAGE, TestSchemas } from '../test-helpers/postgres.js';
import type { QueueStatus } from './queue.js';

const dir = mkdtempSync(join(tmpdir(), 'storytrace-queue-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('worker, status and add --queue refuse a SQLite database', async () => {
  const db = join(dir, 'local.db');
  for (const args of [['worker'], ['status'], ['add', '--queue', dir]]) {
    const run = await runInProcess(['--db', db, ...args]);
    assert.notEqual(run.code, EXIT_OK, args.join(' '));
    assert.match(run.stderr, /needs a PostgreSQL database \(--db postgres:\/\/…\)/);
  }
});

const serverUrl = await findPgServer();
if (serverUrl === null) {
  const failure = missingServerFailure();
  if (failure !== null) test('PostgreSQL server is reachable (required under CI=true)', () => assert.fail(failure));
  else test('queue commands on PostgreSQL', (t) => t.skip(PG_SKIP_MESSAGE));
} else {
  const schemas = new TestSchemas(serverUrl);
  after(() => schemas.dropAll());

  test('add --queue returns with jobs queued; a worker stopped by SIGINT has done them; status says so', async () => {
    const { url } = schemas.fresh('cli');
    const empty = await runInProcess(['--db', url, 'status']);
    assert.match(empty.stderr, /empty database/, 'status does not create a database');
    writeFileSync(join(dir, 'one.txt'), 'The harbour board approved the new pier on Monday after a long debate about its cost.\n');
    writeFileSync(join(dir, 'two.txt'), 'Villagers protested the closure of the old mill, which employed forty people for a century.\n');
    const added = await runInProcess(['--db', url, 'add', '--queue', join(dir, 'one.txt'), join(dir, 'two.txt')]);
    assert.equal(added.code, EXIT_OK, added.stderr);
    assert.equal(added.stdout, 'queued 2, errors 0\n');
    const queued = JSON.parse((await runInProcess(['--db', url, 'status', '--json'])).stdout) as QueueStatus;
    assert.deepEqual(queued.counts, [
      { kind: 'analyze', state: 'queued', jobs: 1 },
      { kind: 'ingest', state: 'queued', jobs: 2 },
    ]);

    const worker = runInProcess(['--db', url, 'worker', '--poll-ms', '50']);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const status = JSON.parse((await runInProcess(['--db', url, 'status', '--json'])).stdout) as QueueStatus;
      if (status.counts.every((c) => c.state === 'done')) break;
      assert.ok(Date.now() < deadline, 'jobs done within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    process.emit('SIGINT');
    const stopped = await worker;
    assert.equal(stopped.code, EXIT_OK, stopped.stderr);
    assert.match(stopped.stdout, /: 3 jobs done, 0 failed attempts/);
    assert.match(stopped.stderr, /SIGINT: finishing the current jobs/);

    const shown = await runInProcess(['--db', url, 'status']);
    assert.match(shown.stdout, /^ingest +0 +0 +2 +0$/m);
    assert.match(shown.stdout, /^done: 3 in the last minute, 3 in the last hour$/m);
    assert.match(shown.stdout, /workers: 0 live, 1 stopped recently/);
    assert.match(shown.stdout, /failed jobs: none/);
    const listed = await runInProcess(['--db', url, 'list', '--json']);
    assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 2);
  });
}
