/**
 * The PostgreSQL job queue against a real server, in one fresh schema emptied before each test:
 * leases, takeover after a lease runs out, poison jobs set aside, concurrent claimers, the
 * analyze barrier, and one worker loop end to end. Skips without a server, except under CI=true.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS_TABLE_DDL, PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../store/postgres-schema.js';
import { PgJobQueue } from './pg-queue.js';
import { runWorker } from './worker.js';
import { findPgServer, missingServerFailure, PG_SKIP_MESSAGE, TestSchemas } from '../test-helpers/postgres.js';
import type { IngestPayload, QueueOptions } from './queue.js';

const serverUrl = await findPgServer();

const doc = (i: number, body = `Paragraph ${i} says the council met on day ${i} and voted on budget line ${i * 7}.`): IngestPayload => ({
  doc: { source: `test:${i}`, kind: 'text', body, meta: {} },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (serverUrl === null) {
  const failure = missingServerFailure();
  if (failure !== null) test('PostgreSQL server is reachable (required under CI=true)', () => assert.fail(failure));
  else test('PostgreSQL job queue', (t) => t.skip(PG_SKIP_MESSAGE));
} else {
  queueTests(new TestSchemas(serverUrl));
}

function queueTests(schemas: TestSchemas): void {
  const open: PgJobQueue[] = [];
  // One schema for all tests, emptied before each: creating one costs about a second.
  const shared = schemas.fresh();
  const empty = async () => {
    await schemas.query(`TRUNCATE ${shared.schema}.jobs, ${shared.schema}.workers`);
    return shared;
  };
  const openQueue = async (url: string, options: Partial<QueueOptions> = {}, pool = 4) => {
    const q = await PgJobQueue.open(url, options, pool);
    open.push(q);
    return q;
  };
  after(async () => {
    for (const q of open) await q.close();
    await schemas.dropAll();
  });

  describe('PgJobQueue', () => {
    before(async () => (await openQueue(shared.url)).status());
    test('a database of schema 1 (before the queue) is upgraded to the queue on open', async () => {
      const { schema, url } = schemas.fresh('v1');
      await schemas.query(`CREATE SCHEMA ${schema}`);
      await schemas.query(`SET search_path TO ${schema}; ${MIGRATIONS_TABLE_DDL}; ${PG_MIGRATIONS[0]!.statements.join(';')};
        INSERT INTO schema_migrations (version, description) VALUES (1, 'initial schema'); SET search_path TO public`);
      const q = await openQueue(url);
      await q.enqueueIngest([doc(1)]);
      const versions = await schemas.query<{ version: number }>(`SELECT version FROM ${schema}.schema_migrations ORDER BY 1`);
      assert.deepEqual(versions.rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));
      assert.equal(PG_SCHEMA_VERSION, PG_MIGRATIONS.length);
    });

    test('a claimed job is leased: nobody else gets it while the lease holds', async () => {
      const q = await openQueue((await empty()).url, { leaseMs: 10_000 });
      await q.enqueueIngest([doc(1)]);
      const [job] = await q.claim('w1', 5);
      assert.equal(job?.attempt, 1);
      assert.deepEqual(await q.claim('w2', 5), []);
      assert.equal(await q.renew(job!, 'w1'), true);
      assert.equal(await q.renew(job!, 'w2'), false, 'only the holder renews');
      await q.complete(job!, 'w1', { ok: true });
      const status = await q.status();
      assert.deepEqual(status.counts, [{ kind: 'ingest', state: 'done', jobs: 1 }]);
      assert.equal(status.throughput.lastMinute, 1);
    });

    test('a job whose lease ran out is taken over; the old holder can no longer finish it', async () => {
      const q = await openQueue((await empty()).url, { leaseMs: 150 });
      await q.enqueueIngest([doc(1)]);
      const [first] = await q.claim('dead', 1);
      assert.deepEqual(await q.claim('w2', 1), []);
      await sleep(300);
      const [second] = await q.claim('w2', 1);
      assert.equal(second?.id, first?.id);
      assert.equal(second?.attempt, 2);
      await q.complete(first!, 'dead', { stale: true }); // ignored: not its attempt any more
      assert.equal((await q.status()).counts[0]?.state, 'running');
      await q.complete(second!, 'w2', {});
      assert.deepEqual((await q.status()).counts, [{ kind: 'ingest', state: 'done', jobs: 1 }]);
    });

    test('a poison job is retried maxAttempts times, then set aside as failed with its error', async () => {
      const q = await openQueue((await empty()).url, { maxAttempts: 3, retryDelayMs: 1 });
      await q.enqueueIngest([doc(1)]);
      for (let attempt = 1; attempt <= 3; attempt++) {
        await sleep(attempt * 2 + 5);
        const [job] = await q.claim('w', 1);
        assert.equal(job?.attempt, attempt);
        await q.fail(job!, 'w', `boom ${attempt}`);
      }
      await sleep(20);
      assert.deepEqual(await q.claim('w', 1), []);
      const status = await q.status();
      assert.deepEqual(status.failures.map((f) => [f.kind, f.attempts, f.error, f.what]), [['ingest', 3, 'boom 3', 'test:1']]);
    });

    test('a job whose worker dies on its last attempt is set aside, not run again', async () => {
      const q = await openQueue((await empty()).url, { maxAttempts: 1, leaseMs: 100 });
      await q.enqueueIngest([doc(1)]);
      assert.equal((await q.claim('dies', 1)).length, 1);
      await sleep(250);
      assert.deepEqual(await q.claim('w', 1), []);
      const [failure] = (await q.status()).failures;
      assert.match(failure?.error ?? '', /lease expired/);
    });

    test('concurrent claimers never get the same job', async () => {
      const { url } = await empty();
      const q = await openQueue(url);
      await q.enqueueIngest(Array.from({ length: 300 }, (_, i) => doc(i)));
      const claimers = await Promise.all(Array.from({ length: 4 }, () => openQueue(url, {}, 2)));
      const claimed = await Promise.all(
        claimers.flatMap((c, n) => [0, 1].map(async (slot) => {
          const ids: string[] = [];
          for (;;) {
            const jobs = await c.claim(`w${n}.${slot}`, 3);
            if (jobs.length === 0) return ids;
            ids.push(...jobs.map((j) => j.id));
          }
        })),
      );
      const all = claimed.flat();
      assert.equal(all.length, 300);
      assert.equal(new Set(all).size, 300, 'no job claimed twice');
      assert.ok(claimed.filter((ids) => ids.length > 0).length > 1, 'the work was shared');
    });

    test('analyze waits for the ingest jobs queued before it; a second enqueue coalesces', async () => {
      const q = await openQueue((await empty()).url);
      await q.enqueueIngest([doc(1)]);
      await q.enqueueAnalyze();
      await q.enqueueAnalyze();
      const [ingest] = await q.claim('w', 5);
      assert.equal(ingest?.kind, 'ingest');
      assert.deepEqual(await q.claim('w', 5), [], 'analyze waits for the running ingest job');
      await q.complete(ingest!, 'w', {});
      const [analyze, more] = await q.claim('w', 5);
      assert.equal(analyze?.kind, 'analyze');
      assert.equal(more, undefined, 'one analyze job, not two');
    });

    test('a worker stores good documents, sets a bad one aside, and stops when told', async () => {
      const { url } = await empty();
      const q = await openQueue(url, { retryDelayMs: 1 });
      await q.enqueueIngest([doc(1), doc(2, 'Leave a Reply\n\nShare this'), doc(3)]);
      await q.enqueueAnalyze();
      const stop = new AbortController();
      const running = runWorker(url, stop.signal, { pollMs: 20, concurrency: 2, queue: { maxAttempts: 2, retryDelayMs: 1 } });
      // Generous: loading the engine's lexicon takes seconds on a loaded machine.
      const deadline = Date.now() + 60_000;
      for (let live = -1; live !== 0; await sleep(50)) {
        const s = await q.status();
        live = s.counts.filter((c) => c.state === 'queued' || c.state === 'running').reduce((n, c) => n + c.jobs, 0);
        assert.ok(Date.now() < deadline, `queue still holds ${live} live jobs after 60 s`);
      }
      stop.abort();
      const summary = await running;
      const status = await q.status();
      assert.equal(summary.done, 3, 'two ingest jobs and the analysis');
      assert.equal(summary.failed, 2, 'the bad document, twice');
      assert.deepEqual(status.failures.map((f) => [f.what, f.attempts]), [['test:2', 2]]);
      assert.match(status.failures[0]?.error ?? '', /no article text/);
      assert.equal(status.workers[0]?.stopped, true);
    });
  });
}
