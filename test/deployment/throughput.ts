/**
 * Worker throughput on this machine: queues N generated small articles (ingest jobs only) in a
 * fresh schema, starts K worker processes, and times until the queue is empty. Worker start-up
 * (loading the lexicon) is excluded: the clock starts when every worker has said it is alive.
 *
 *   node --import tsx test/deployment/throughput.ts <postgres-url> <docs> <workers...>
 *   e.g. node --import tsx test/deployment/throughput.ts "$STORYTRACE_PG_URL" 1000 1 2 4
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { PgJobQueue } from '../../src/queue/pg-queue.js';
import { smallCorpus } from './small-corpus.js';

const [baseUrl, docsArg, ...counts] = process.argv.slice(2);
if (baseUrl === undefined || docsArg === undefined || counts.length === 0) {
  console.error('usage: throughput.ts <postgres-url> <docs> <workers...>');
  process.exit(64);
}
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Two connections: one holds the start gate while the other watches.
const admin = new pg.Pool({ connectionString: baseUrl, max: 2 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(docs: number, workers: number): Promise<number> {
  const schema = `st_throughput_${process.pid}_${workers}`;
  const url = new URL(baseUrl!);
  url.searchParams.set('schema', schema);
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const queue = await PgJobQueue.open(url.toString());
  await queue.enqueueIngest(smallCorpus(7, docs).map((doc) => ({ doc })));
  // Held until every worker is up, so all start on the queue together.
  const gate = await admin.connect();
  await gate.query(`BEGIN; LOCK TABLE ${schema}.jobs IN EXCLUSIVE MODE`);
  const children: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, ['--import', 'tsx', MAIN, 'worker', '--db', url.toString(), '--poll-ms', '100'], { stdio: 'ignore' }),
  );
  for (;;) {
    const seen = await admin.query(`SELECT count(*) AS n FROM ${schema}.workers`);
    if (Number(seen.rows[0].n) >= workers) break;
    await sleep(100);
  }
  const started = Date.now();
  await gate.query('COMMIT');
  gate.release();
  for (;;) {
    const live = await admin.query(`SELECT count(*) AS n FROM ${schema}.jobs WHERE state IN ('queued', 'running')`);
    if (Number(live.rows[0].n) === 0) break;
    await sleep(100);
  }
  const seconds = (Date.now() - started) / 1000;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => c.once('exit', r))));
  await queue.close();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  return seconds;
}

for (const k of counts) {
  const seconds = await measure(Number(docsArg), Number(k));
  console.log(`| ${k} | ${docsArg} | ${seconds.toFixed(1)} s | ${(Number(docsArg) / seconds).toFixed(1)} |`);
}
await admin.end();
