import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isOpinion, opinionCues, stripQuoted } from './opinion.js';
import { normalizeText } from '../text/normalize.js';
import { segment } from '../text/segment.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';

const LABELLED = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'opinion', 'labelled.json'), 'utf8'))
  .sentences as Array<{ opinion: boolean; text: string }>;

test('labelled fixture: accuracy at least 0.9 with both kinds present', () => {
  assert.ok(LABELLED.length >= 40);
  assert.ok(LABELLED.some((s) => s.opinion) && LABELLED.some((s) => !s.opinion));
  const correct = LABELLED.filter((s) => isOpinion(s.text) === s.opinion).length;
  assert.ok(correct / LABELLED.length >= 0.9, `accuracy ${correct}/${LABELLED.length}`);
});

test('quoted opinion is reported, not the writer\'s', () => {
  const s = '"This is a shameful, disastrous decision!" said the opposition leader.';
  assert.equal(isOpinion(s), false);
  assert.equal(isOpinion('This is a shameful, disastrous decision!'), true);
  assert.equal(isOpinion('If I could pull that off, they would build a statue of me."'), false);
});

test('a conditional "should" is no judgement; a modal one is', () => {
  assert.equal(isOpinion('The rules apply should the court approve them.'), false);
  assert.ok(opinionCues('The minister should resign.').cues.includes('modal:should'));
});

test('property: stripQuoted keeps length; score is finite and non-negative', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), (s) => {
      assert.equal(stripQuoted(s).length, s.length);
      const { score } = opinionCues(s);
      assert.ok(Number.isFinite(score) && score >= 0);
    }),
    { numRuns: 300, seed: 11 },
  );
});

/** Seed sentences that carry the writer's evaluation, by our reading (some are borderline). */
const SEED_OPINION = [
  'But many suspect that Obama officials were simply suckered', // 003, the added opinion
  "It's a casual union of Iran apologists", // 000, loaded label in the writer's voice
  'President Trump has, in fact, repeatedly expressed', // 004, "in fact", "the mullahs"
  'This included the firing of at least seven', // 004, "in what many consider a violation"
];

test('seeds: the added opinion is found; reporting sentences rarely score', (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  let negatives = 0;
  let falsePositives = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = normalizeText(readFileSync(join(dir, f), 'utf8'));
    for (const s of segment(text).sentences) {
      const sentence = text.slice(s.start, s.end);
      if (SEED_OPINION.some((p) => sentence.startsWith(p))) continue;
      negatives++;
      if (isOpinion(sentence)) falsePositives++;
    }
  }
  assert.ok(isOpinion('But many suspect that Obama officials were simply suckered by the regime, which never had any intentions of holding up their end of the deal\'s obligations.'));
  assert.ok(falsePositives / negatives <= 0.05, `false positives ${falsePositives}/${negatives}`);
});
