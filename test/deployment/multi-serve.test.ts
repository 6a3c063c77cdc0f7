/**
 * Issue 7: `storytrace serve --db postgres://…` with several server processes on one database.
 * Three real `serve` processes start at once on a fresh schema (so they also race to create
 * it), then, concurrently:
 * - articles from examples/ are posted to different servers, one of them to all three at the
 *   same moment (it must be stored once: one `added`, two `duplicates` of it);
 * - two servers are asked to analyse at the same moment while the test holds the database's
 *   analysis lock (as a worker would): both must wait for it, then run one after the other, so
 *   exactly one relates the pairs and the other finds them stored;
 * - one server ingests and analyses while another analyses: whatever the order, the result is
 *   the settled one (a further analysis computes nothing and changes no story).
 * After each round every server must return the same articles, stories (list and detail, whose
 * graphs carry the relations) and quotes, with no duplicates and no 5xx, and the relations in
 * the database must be one per pair.
 *
 * The servers run the source through tsx (as the workers test does) rather than bin/storytrace.js,
 * which runs dist/ and so tests whatever was last built. Skips without a PostgreSQL server,
 * except under CI=true.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call } from '../../src/server/test-helpers/serve.js';
import { analyzeLockWaiters, withPgAnalyzeLock } from '../../src/queue/analyze-lock.js';
import { openStore } from '../../src/store/open.js';
import { createPool, DEFAULT_POSTGRES_OPTIONS, parsePostgresSpec } from '../../src/store/postgres-connect.js';
import { findPgServer, missingServerFailure, PG_SKIP_MESSAGE, TestSchemas } from '../../src/test-helpers/postgres.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
/** Generous: three processes load tsx and the store on two shared, busy cores. */
const START_DEADLINE_MS = 90_000;

const pgUrl = await findPgServer();

interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** What the process wrote to stderr (errors it logged). */
  stderr: string[];
}

function startServe(dbUrl: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', dbUrl, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (s: string) => stderr.push(s));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in time; stderr: ${stderr.join('')}`)), START_DEADLINE_MS);
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      // "storytrace: serving <db> at http://127.0.0.1:PORT/ (API: …)"
      const m = / at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, stderr });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening; stderr: ${stderr.join('')}`));
    });
  });
}

/** SIGTERM and wait for the exit; SIGKILL if it does not come. */
function stop(s: ServeProcess): Promise<void> {
  const child = s.child;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** An example article as a POST body (its own file type). */
function example(prefix: string): { body: string; type: string } {
  const name = EXAMPLES_FILES.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no example ${prefix}`);
  return { body: readFileSync(EXAMPLES + name, 'utf8'), type: name.endsWith('.html') ? 'text/html' : 'text/plain' };
}
const EXAMPLES_FILES = ['02-carrow-observer-syndicated.html', '03-kestrel-today-updated.txt', '07-valewatch-rewrite.html', '10-rovers-cup-replay.html', '12-ferry-illan-times-credited.html', '13-ferry-coastnow-copy.txt', '14-ferry-tideline-rewrite.html'];

/** Every answer, to check afterwards that none was a 5xx. */
const answered: string[] = [];

async function request(server: ServeProcess, path: string, init: RequestInit = {}) {
  const r = await call(server.url + path, init);
  answered.push(`${r.status} ${init.method ?? 'GET'} ${path} @${server.url}`);
  assert.ok(r.status < 500, `${init.method ?? 'GET'} ${path} on ${server.url}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  return r;
}

interface AddReport {
  added: Array<{ id: string }>;
  duplicates: Array<{ id: string; duplicate_of: string }>;
  errors: unknown[];
}

/** Posts the examples one after another (one request at a time per server, under its gate's limit). */
async function postEach(server: ServeProcess, prefixes: string[]): Promise<AddReport[]> {
  const reports: AddReport[] = [];
  for (const p of prefixes) {
    const { body, type } = example(p);
    const r = await request(server, '/api/articles', { method: 'POST', body, headers: { 'content-type': type } });
    assert.deepEqual(r.body.errors, [], `${p} stored without error`);
    reports.push(r.body as AddReport);
  }
  return reports;
}

async function analyze(server: ServeProcess): Promise<{ articles: number; relations: number; computed: number; stories: number }> {
  const r = await request(server, '/api/analyze', { method: 'POST' });
  assert.equal(r.status, 200);
  return r.body;
}

/** What one server shows: article ids, every story in full, the quotes. */
async function view(server: ServeProcess) {
  const articles = (await request(server, '/api/articles?limit=1000')).body;
  const list = (await request(server, '/api/stories?all=1')).body.stories as Array<{ id: string }>;
  const stories = [];
  for (const s of list) stories.push((await request(server, `/api/stories/${s.id}`)).body.story);
  const quotes = (await request(server, '/api/quotes?all=1')).body.quotes;
  return { total: articles.total as number, ids: (articles.articles as Array<{ id: string }>).map((a) => a.id), list, stories, quotes };
}

/** Every server shows the same, and it has no duplicates; returns that view. */
async function sameEverywhere(servers: ServeProcess[], expectedArticles: number) {
  const views = await Promise.all(servers.map(view));
  for (const v of views.slice(1)) assert.deepEqual(v, views[0], 'every server returns the same articles, stories and quotes');
  const v = views[0]!;
  assert.equal(v.total, expectedArticles);
  assert.equal(new Set(v.ids).size, expectedArticles, 'no article twice');
  assert.equal(new Set(v.list.map((s) => s.id)).size, v.list.length, 'no story twice');
  const members = v.stories.flatMap((s: { members: string[] }) => s.members);
  assert.equal(new Set(members).size, members.length, 'no article in two stories');
  for (const m of members) assert.ok(v.ids.includes(m), `story member ${m} is a stored article`);
  assert.ok(v.stories.some((s: { members: string[] }) => s.members.length > 1), 'the examples make a story of several articles');
  return v;
}

/** Relations as stored: one row per pair, as many as the last analysis reported. */
async function storedRelations(dbUrl: string): Promise<string[]> {
  const store = await openStore(dbUrl, { readonly: true });
  try {
    const pairs = (await store.getRelations()).map((r) => [r.a, r.b].sort().join('|'));
    assert.equal(new Set(pairs).size, pairs.length, 'one relation per pair');
    return pairs;
  } finally {
    await store.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two servers asked to analyse at the same moment. The test holds the database's analysis lock,
 * as a worker's analyze job would, until both requests wait for it (seen in pg_locks), then lets
 * go: they must then run one after the other. A server that analysed without the lock would
 * finish while the test holds it, which fails at once. `meanwhile` runs while both wait.
 */
async function analyzeTwoAtOnce(dbUrl: string, x: ServeProcess, y: ServeProcess, meanwhile: () => Promise<unknown>) {
  const pool = createPool(parsePostgresSpec(dbUrl), { ...DEFAULT_POSTGRES_OPTIONS, poolSize: 2 });
  try {
    let finished = false;
    let both: Promise<Array<Awaited<ReturnType<typeof analyze>>>> | null = null;
    await withPgAnalyzeLock(pool, async () => {
      both = Promise.all([analyze(x), analyze(y)]);
      both.then(() => (finished = true), () => (finished = true));
      const deadline = Date.now() + 60_000;
      while ((await analyzeLockWaiters(pool)) < 2) {
        if (finished) await both; // a failed request shows its own error
        assert.ok(!finished, 'an analysis finished while another process held the analysis lock');
        assert.ok(Date.now() < deadline, 'both analyses wait for the analysis lock');
        await sleep(100);
      }
      await meanwhile();
      assert.ok(!finished, 'an analysis finished while another process held the analysis lock');
    });
    return await both!;
  } finally {
    await pool.end();
  }
}

if (pgUrl === null) {
  const failure = missingServerFailure();
  if (failure !== null) test('PostgreSQL server is reachable (required under CI=true)', () => assert.fail(failure));
  else test('several serve processes on PostgreSQL', (t) => t.skip(PG_SKIP_MESSAGE));
} else {
  const schemas = new TestSchemas(pgUrl);
  after(() => schemas.dropAll());

  test('three serve processes on one PostgreSQL schema return the same articles, relations and stories', { timeout: 240_000 }, async () => {
    const { url } = schemas.fresh('serve');
    const t0 = Date.now();
    const phases: string[] = [];
    const phase = (name: string) => phases.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const started = await Promise.allSettled([startServe(url), startServe(url), startServe(url)]);
    const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      for (const s of started) if (s.status === 'rejected') throw s.reason;
      const [a, b, c] = servers as [ServeProcess, ServeProcess, ServeProcess];
      phase('started');

      // Round 1: each server starts with the same article (12), sent to all three at once.
      const reports = (await Promise.all([postEach(a, ['12', '02']), postEach(b, ['12', '07']), postEach(c, ['12', '13', '14'])])).flat();
      const first = [reports[0]!, reports[2]!, reports[4]!];
      const added = first.flatMap((r) => r.added.map((x) => x.id));
      const dupes = first.flatMap((r) => r.duplicates.map((x) => x.duplicate_of));
      assert.equal(added.length, 1, 'the article sent to three servers at once is added once');
      assert.deepEqual(dupes, [added[0], added[0]], 'and reported as a duplicate of it by the other two');
      const allAdded = reports.flatMap((r) => r.added.map((x) => x.id));
      assert.equal(new Set(allAdded).size, 5, 'five different articles');
      assert.equal(allAdded.length, 5, 'each added once');

      phase('posted');
      // Two analyses at once: the second waits for the first and finds every pair related.
      // Meanwhile a waiting server still stores articles: the wait does not hold its gate.
      const both = await analyzeTwoAtOnce(url, a, b, () => postEach(a, ['03']));
      const computed = both.map((r) => r.computed).sort((x, y) => x - y);
      assert.equal(computed[0], 0, `one analysis ran after the other (computed: ${computed.join(', ')})`);
      assert.ok(computed[1]! > 0, 'the other related the pairs');
      assert.deepEqual(both[0].relations, both[1].relations);
      assert.deepEqual(both[0].stories, both[1].stories);
      await sameEverywhere(servers, 6);
      assert.equal((await storedRelations(url)).length, both[0].relations);

      phase('round 1');
      // Round 2: one server ingests and analyses while another analyses.
      await Promise.all([postEach(b, ['10']).then(() => analyze(b)), analyze(a)]);
      const settled = await sameEverywhere(servers, 7);
      phase('round 2');
      // The stored result is the settled one: analysing again relates nothing and changes nothing.
      const again = await analyze(a); // a warm server: c would first load the analysis modules
      assert.equal(again.computed, 0);
      assert.equal((await storedRelations(url)).length, again.relations);
      assert.deepEqual(await sameEverywhere(servers, 7), settled);
      phase('settled');
      console.log(`# ${phases.join(', ')}`);
      for (const s of servers) assert.doesNotMatch(s.stderr.join(''), /storytrace serve:/, `server ${s.url} logged no error`);
      assert.deepEqual(answered.filter((x) => x.startsWith('5')), []);
    } finally {
      await Promise.all(servers.map(stop));
    }
  });
}
