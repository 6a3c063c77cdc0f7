import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareArticles, createEngine } from '../engine/engine.js';
import { prepareArticle } from '../ingest/prepare.js';
import { DERIVED_RELATIONS } from '../types.js';

const engine = createEngine();
const article = (source: string, body: string) => prepareArticle({ source, kind: 'text', body, meta: {} });

const ORIGINAL = [
  'Researchers at a think tank in the capital said on Monday that the White House had agreed to reopen talks on the harbour treaty after months of delay.',
  'The agreement, which covers fishing rights and shipping lanes along the northern coast, was first signed eleven years ago and has been renewed twice since.',
  'Officials from both governments are expected to meet in Lisbon next month, the researchers said, adding that a final text could be ready before the winter.',
  'Fishermen in the coastal towns have long complained that the treaty leaves them out of decisions about quotas and inspection rules.',
].join('\n\n');

/** The original with a spinner's swaps: two of them break set phrases ("believe tank", "White Home"). */
const SPUN = ORIGINAL.replace('think tank', 'believe tank').replace('White House', 'White Home').replace('months of delay', 'months of postponement').replace('complained', 'grumbled');

/** Another story naming the same places, which itself carries a broken phrase. */
const RELATED = [
  'Fishermen in Lisbon held a protest on Friday against new inspection rules for the northern coast, and a believe tank report backed their claims.',
  'The protest blocked the harbour for several hours before the police asked the crowd to leave, according to the local council.',
  'Organisers said they would return next week if the ministry did not publish the quota figures it promised in the spring.',
].join('\n\n');

test('a spun copy carries the broken set phrases as substitutions of the pair', () => {
  const rel = compareArticles(engine, article('original.txt', ORIGINAL), article('spun.txt', SPUN));
  assert.ok(DERIVED_RELATIONS.includes(rel.relation), rel.relation);
  const phrases = rel.substitutions.map((s) => `${s.a} -> ${s.b}`);
  assert.ok(phrases.some((p) => /think tank -> believe tank|believe tank -> think tank/i.test(p)), phrases.join('; '));
  assert.ok(phrases.some((p) => /White House -> White Home|White Home -> White House/i.test(p)), phrases.join('; '));
});

test('a pair that is not derived carries no phrase substitutions, even when one text has broken phrases', () => {
  const rel = compareArticles(engine, article('original.txt', ORIGINAL), article('related.txt', RELATED));
  assert.ok(!DERIVED_RELATIONS.includes(rel.relation), rel.relation);
  assert.deepEqual(rel.substitutions.filter((s) => s.evidence === 'phrase'), []);
  assert.equal(rel.features.broken_a, 0);
  assert.equal(rel.features.broken_b, 0);
});
