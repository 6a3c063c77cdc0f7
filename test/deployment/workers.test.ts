/**
 * The fault test of issue 7: three real worker processes on a fresh PostgreSQL schema ingest and
 * analyze a generated corpus while two of them are SIGKILLed mid-job (and restarted); once the
 * queue drains, the stored articles, relations and stories must equal those of one process
 * writing to SQLite through the engine's library functions.
 *
 * Corpus size: STORYTRACE_WORKERS_TEST_DOCS, default 1000 small articles (about 95 s here), the
 * size CI runs. The 20k takes about 9½ minutes on this 2-core machine (the work is done
 * twice: workers, then the SQLite reference); the command and a recorded run are in
 * docs/deployment.md ("The fault test").
 *
 * Skips without a PostgreSQL server, except under CI=true.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeStore } from '../../src/engine/analyze-store.js';
import { createEngine } from '../../src/engine/engine.js';
import { storeArticle } from '../../src/engine/ingest.js';
import { StoreCandidateIndex } from '../../src/fingerprint/candidates.js';
import { prepareArticle } from '../../src/ingest/index.js';
import { PgJobQueue } from '../../src/queue/pg-queue.js';
import { findPgServer, missingServerFailure, PG_SKIP_MESSAGE, TestSchemas } from '../../src/test-helpers/postgres.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { RawDocument } from '../../src/types.js';
import { smallCorpus } from './small-corpus.js';

const DOCS = Number(process.env.STORYTRACE_WORKERS_TEST_DOCS ?? 1000);
const SEED = 20240607;
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const serverUrl = await findPgServer();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (serverUrl === null) {
  const failure = missingServerFailure();
  if (failure !== null) test('PostgreSQL server is reachable (required under CI=true)', () => assert.fail(failure));
  else test('workers on PostgreSQL', (t) => t.skip(PG_SKIP_MESSAGE));
} else {
  const schemas = new TestSchemas(serverUrl);
  const dir = mkdtempSync(join(tmpdir(), 'storytrace-workers-'));
  after(async () => {
    await schemas.dropAll();
    rmSync(dir, { recursive: true, force: true });
  });
  test(`3 workers, 2 SIGKILLs, ${DOCS} articles: the same articles, relations and stories as one SQLite process`, { timeout: Math.max(15 * 60_000, DOCS * 200) }, async () => {
    const docs = smallCorpus(SEED, DOCS);
    const { url } = schemas.fresh('w');
    const queue = await PgJobQueue.open(url);
    try {
      await queue.enqueueIngest(docs.map((doc) => ({ doc })));
      await queue.enqueueAnalyze();
      const started = Date.now();
      const interrupted = await runWorkersWithKills(url, schemas, DOCS);
      const status = await queue.status();
      console.log(`# ${DOCS} docs through 3 workers in ${((Date.now() - started) / 1000).toFixed(1)} s; jobs interrupted by kills: ${interrupted.join(', ')}`);
      assert.deepEqual(status.failures, [], 'no job set aside');
      const retried = await schemas.query<{ state: string; attempts: number }>(
        `SELECT state, attempts FROM ${new URL(url).searchParams.get('schema')}.jobs WHERE id = ANY($1::bigint[])`,
        [interrupted],
      );
      assert.equal(retried.rows.length, interrupted.length);
      for (const job of retried.rows) assert.ok(job.state === 'done' && job.attempts >= 2, `interrupted job taken over: ${JSON.stringify(job)}`);
      const reference = await openStore(join(dir, 'reference.db'));
      const shared = await openStore(url, { readonly: true });
      try {
        await singleProcessRun(reference, docs);
        const expected = await contents(reference);
        assert.ok(expected.relations.length > 0 && expected.stories.some((s) => s.includes(',')), 'the corpus has relations and stories');
        assert.deepEqual(await contents(shared), expected);
      } finally {
        await reference.close();
        await shared.close();
      }
    } finally {
      await queue.close();
    }
  });
}

/** What must match: article ids, relations (pair and type), stories (member sets). */
async function contents(store: Store): Promise<{ articles: string[]; relations: string[]; stories: string[] }> {
  const articles = (await store.listArticles()).map((a) => a.id).sort();
  const relations = (await store.getRelations()).map((r) => `${r.a}|${r.b}|${r.relation}`).sort();
  const stories = (await store.getStories()).map((s) => [...s.members].sort().join(',')).sort();
  return { articles, relations, stories };
}

/** The reference: every document stored in order by one process, then one analysis. */
async function singleProcessRun(store: Store, docs: readonly RawDocument[]): Promise<void> {
  const engine = createEngine();
  const index = new StoreCandidateIndex(store, engine.options.index);
  for (const doc of docs) await storeArticle(store, index, engine, prepareArticle(doc));
  await analyzeStore(engine, store);
}

function startWorker(url: string): ChildProcess {
  // A short ingest lease so the jobs of a killed worker are taken over within seconds.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', url, '--poll-ms', '100', '--lease-ms', '3000'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** Ids of the jobs this worker process holds as running. */
async function heldJobs(schemas: TestSchemas, schema: string, pid: number): Promise<string[]> {
  const found = await schemas.query<{ id: string }>(`SELECT id::text AS id FROM ${schema}.jobs WHERE state = 'running' AND worker LIKE $1`, [`%:${pid}:%`]);
  return found.rows.map((r) => r.id);
}

/** The index of a worker holding a job now, if any. */
async function busyWorker(schemas: TestSchemas, schema: string, workers: ChildProcess[]): Promise<number | null> {
  for (let i = 0; i < workers.length; i++) {
    if ((await heldJobs(schemas, schema, workers[i]!.pid!)).length > 0) return i;
  }
  return null;
}

/**
 * Runs three workers until no job is queued or running. After a quarter and after 60% of the
 * ingest jobs are done, a worker holding a job is SIGKILLed and started again; a kill
 * that landed between two jobs does not count and is tried again. Returns the jobs that were
 * held by killed workers (each must end done, by another attempt).
 */
async function runWorkersWithKills(url: string, schemas: TestSchemas, total: number): Promise<string[]> {
  const schema = new URL(url).searchParams.get('schema') ?? 'public';
  const workers = [startWorker(url), startWorker(url), startWorker(url)];
  const killAt = [Math.floor(total * 0.25), Math.floor(total * 0.6)];
  const interrupted: string[] = [];
  let kills = 0;
  try {
    for (;;) {
      const counts = await schemas.query<{ kind: string; state: string; n: string }>(
        `SELECT kind, state, count(*) AS n FROM ${schema}.jobs GROUP BY kind, state`,
      );
      const n = (kind: string, state: string) => Number(counts.rows.find((r) => r.kind === kind && r.state === state)?.n ?? 0);
      if (n('ingest', 'queued') + n('ingest', 'running') + n('analyze', 'queued') + n('analyze', 'running') === 0) break;
      const next = killAt[kills];
      if (next !== undefined && n('ingest', 'done') >= next) {
        const slot = await busyWorker(schemas, schema, workers);
        if (slot === null) {
          await sleep(5);
          continue;
        }
        const victim = workers[slot]!;
        victim.kill('SIGKILL');
        await new Promise((r) => victim.once('exit', r));
        // Read after the kill: nobody touches a dead worker's job until its lease runs out.
        const held = await heldJobs(schemas, schema, victim.pid!);
        workers[slot] = startWorker(url);
        if (held.length > 0) {
          interrupted.push(...held);
          kills++;
        }
        continue;
      }
      await sleep(next !== undefined ? 5 : 250);
    }
  } finally {
    await Promise.all(workers.map((w) => stop(w)));
  }
  assert.equal(kills, 2, 'two workers were killed mid-job before the queue drained');
  return interrupted;
}

/** SIGTERM, and wait for the worker to finish its job and exit. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
