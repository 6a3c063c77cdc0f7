import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv } from './csv.js';
import { loadSemEval, runSemEvalClassify, runSemEvalEval } from './semeval.js';
import { baselineSimilarity } from './baseline.js';
import { sharedPath, SHARED_MISSING } from '../src/test-helpers/shared.js';

const HEADER = ['', 'pair_id', 'lang1', 'lang2', 'text1', 'text2', 'Geography', 'Entities', 'Time', 'Narrative', 'Overall', 'Style', 'Tone'];
const row = (i: number, pairId: string, l1: string, l2: string, t1: string, t2: string, overall: number) =>
  [String(i), pairId, l1, l2, t1, t2, '1', '1', '1', '1', String(overall), '1', '1'];

function withCsv<T>(rows: string[][], fn: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'semeval-'));
  const path = join(dir, 'pairs.csv');
  writeFileSync(path, writeCsv([HEADER, ...rows]));
  return fn(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const ROWS = [
  row(0, '1_2', 'en', 'en', 'Same "story", a', 'same\nstory b', 1),
  row(1, '3_4', 'en', 'en', 'close', 'close too', 1.5),
  row(2, '5_6', 'en', 'en', 'middle', 'ground', 2),
  row(3, '7_8', 'en', 'en', 'far', 'away', 3.5),
  row(4, '9_10', 'en', 'en', 'far', 'out', 4),
  row(5, '11es_12', 'en', 'en', 'augmented', 'row', 1),
  row(6, '13_14', 'de', 'en', 'nicht', 'english', 1),
];

test('loadSemEval keeps plain en-en rows only', async () => {
  await withCsv(ROWS, async (path) => {
    const load = loadSemEval(path);
    assert.deepEqual(load.pairs.map((p) => p.pairId), ['1_2', '3_4', '5_6', '7_8', '9_10']);
    assert.equal(load.skippedAugmented, 1);
    assert.equal(load.skippedNotEnglish, 1);
    assert.equal(load.pairs[0].text2, 'same\nstory b');
  });
});

test('runSemEvalEval: a score that follows -Overall gets Spearman 1 and AUC 1', async () => {
  await withCsv(ROWS, async (path) => {
    const overallOf = new Map(loadSemEval(path).pairs.map((p) => [p.text1 + p.text2, p.overall]));
    const r = await runSemEvalEval(path, async (a, b) => 10 - overallOf.get(a + b)!, { progress: false });
    assert.deepEqual(r.groups, { sameStory: 2, between: 1, unrelated: 2 });
    assert.equal(r.spearman, 1);
    assert.equal(r.auc, 1);
    const inverted = await runSemEvalEval(path, (a, b) => overallOf.get(a + b)!, { progress: false });
    assert.equal(inverted.auc, 0);
    const c = await runSemEvalClassify(path, (a, b) => overallOf.get(a + b)! <= 2, { progress: false });
    assert.deepEqual(c.confusion, { tp: 2, fp: 1, fn: 0, tn: 2 });
    assert.equal(c.recall, 1);
  });
});

test('shared SemEval sample: 161 plain en-en pairs, baseline above chance', async (t) => {
  const csv = sharedPath('datasets', 'semeval2022-task8-sample', 'training_set.csv');
  if (!csv) return t.skip(SHARED_MISSING);
  const r = await runSemEvalEval(csv, (a, b) => baselineSimilarity(a, b), { progress: false });
  assert.equal(r.load.rows, 1283);
  assert.equal(r.load.kept, 161);
  assert.equal(r.groups.sameStory + r.groups.between + r.groups.unrelated, 161);
  assert.ok(r.auc > 0.6, `baseline AUC ${r.auc}`);
});
