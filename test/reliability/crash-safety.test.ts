/**
 * Crash safety: `storytrace add` of a 1,500-article folder, run as a real child process and
 * killed with SIGKILL at seeded points of its progress, several times; after each kill the database opens and
 * holds only whole articles; a last run finishes the work. At the end every input is stored
 * exactly once (compared with the content hashes of the inputs) and nothing else is.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { runInProcess } from '../../src/cli/harness.js';
import { prepareArticle } from '../../src/ingest/prepare.js';
import { readInputs } from '../../src/ingest/read.js';
import { openStore } from '../../src/store/open.js';
import { FINGERPRINT_KIND } from '../../src/fingerprint/candidates.js';
import { seededRandom, syntheticArticle, tempDir } from './helpers.js';

// Enough for six write groups of 512 (src/parallel/ingest.ts): a kill counted in progress lines
// lands after a group commits, and with only three groups the last one often committed before
// the kill arrived, so no run was stopped between groups.
const ARTICLES = 3000;
const KILLS = 4;
const root = fileURLToPath(new URL('../../', import.meta.url));
const { dir, cleanup } = tempDir('crash');
after(cleanup);
const corpus = join(dir, 'corpus');
const db = join(dir, 'crash.db');
/** Content hash of every input, computed here the way `add` does, without the CLI. */
const expected = new Set<string>();

before(async () => {
  mkdirSync(corpus);
  const random = seededRandom(2024);
  for (let i = 0; i < ARTICLES; i++) writeFileSync(join(corpus, `a${String(i).padStart(4, '0')}.txt`), syntheticArticle(i, random));
  for await (const raw of readInputs([corpus])) {
    if (raw instanceof Error) throw raw;
    expected.add(prepareArticle(raw).contentHash);
  }
  assert.equal(expected.size, ARTICLES, 'generated articles must be distinct');
});

/**
 * Runs `storytrace add` in a child process; with `killAfterLines`, kills it with SIGKILL once it
 * has reported that many inputs (added or skipped) on stdout. Counting its own progress lines,
 * not wall time, lands the kill mid-batch however loaded the machine is.
 */
function runAdd(killAfterLines: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--db', db, 'add', corpus], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let lines = 0;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    lines += chunk.toString().split('\n').length - 1;
    if (killAfterLines !== null && lines >= killAfterLines) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** Every stored article is whole: its hash is one of the inputs', its text and spans are there. */
async function checkStored(): Promise<Map<string, string>> {
  if (!existsSync(db)) return new Map(); // killed before the database was created
  const raw = new Database(db, { readonly: true });
  try {
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    raw.close();
  }
  const store = await openStore(db, { readonly: true });
  const hashes = new Map<string, string>();
  try {
    const fingerprinted: boolean[] = [];
    for (const summary of await store.listArticles()) {
      const article = await store.getArticle(summary.id);
      assert.ok(article && article.text.length > 0 && article.sentences.length > 0, `half-stored article ${summary.id}`);
      assert.ok(expected.has(article.contentHash), `unknown article ${summary.id}`);
      assert.ok(!hashes.has(article.contentHash), `article stored twice: ${summary.source}`);
      hashes.set(article.contentHash, summary.id);
      fingerprinted.push((await store.getFingerprint(summary.id, FINGERPRINT_KIND)) !== null);
    }
    // Whether or not `add` indexes fingerprints, it must do so for every stored article or none.
    assert.ok(fingerprinted.every((f) => f === fingerprinted[0]), 'some articles stored without their fingerprint');
  } finally {
    await store.close();
  }
  return hashes;
}

test('add killed with SIGKILL at random moments, then run to completion: each article exactly once', async (t) => {
  const random = seededRandom(77);
  let killed = 0;
  let storedBefore = 0;
  // Kills that stopped a run after it had stored something and before it had stored all. A
  // kill can also come after the last write group commits (a group's progress lines are printed
  // when it commits, and the next group may be the last), or while a run only skips what is
  // stored: such runs prove nothing, so the test counts the ones that did.
  let midWrite = 0;
  for (let i = 0; i < KILLS; i++) {
    // Somewhere in the batch: later runs first skip what is stored, then add more.
    const at = 50 + Math.floor(random() * (ARTICLES - 100));
    const run = await runAdd(at);
    if (run.signal === 'SIGKILL') killed++;
    else assert.equal(run.code, 0, run.stderr);
    const stored = (await checkStored()).size;
    assert.ok(stored >= storedBefore, 'articles vanished after a kill');
    if (run.signal === 'SIGKILL' && stored > storedBefore && stored < ARTICLES) midWrite++;
    storedBefore = stored;
    t.diagnostic(`run ${i + 1}: ${run.signal ?? `exit ${run.code}`} after ${at} inputs, ${stored} stored`);
  }
  assert.ok(killed >= KILLS - 1, `only ${killed} of ${KILLS} runs were killed mid-way`);
  assert.ok(midWrite >= 1, 'no kill landed while articles were being written');
  const last = await runAdd(null);
  assert.equal(last.code, 0, last.stderr);
  const hashes = await checkStored();
  assert.equal(hashes.size, ARTICLES);
  // The user's view: `list --json` shows every input once.
  const list = await runInProcess(['--db', db, 'list', '--json']);
  assert.equal(list.code, 0, list.stderr);
  const ids = (JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id);
  assert.equal(ids.length, ARTICLES);
  assert.equal(new Set(ids).size, ARTICLES);
  assert.deepEqual(new Set(ids), new Set(hashes.values()));
});
