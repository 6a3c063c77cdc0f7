import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicon } from '../lexicon/load.js';
import { segment } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { SHARED_MISSING, sharedPath } from '../test-helpers/shared.js';
import { findBrokenPhrases, KnownNames, namePhrases, textBigrams } from './broken-phrases.js';

const lx = loadLexicon();
const prepare = (text: string) => ({ text, tokens: tokenize(text, segment(text).sentences, lx) });

test('a swapped word inside a WordNet expression is found and restored', () => {
  const { text, tokens } = prepare('Experts at a believe tank said the White Home had agreed.');
  const found = findBrokenPhrases(text, tokens, lx);
  assert.deepEqual(found.map((s) => [s.a, s.b, s.evidence]), [['believe tank', 'think tank', 'phrase'], ['White Home', 'White House', 'phrase']]);
  assert.equal(text.slice(found[0].a_at, found[0].a_at + found[0].a.length), 'believe tank');
});

test('ordinary phrasing and intact expressions give nothing', () => {
  const { text, tokens } = prepare('Experts at a think tank said the White House had agreed to new talks on the nuclear deal.');
  assert.deepEqual(findBrokenPhrases(text, tokens, lx), []);
});

test('a known name with one word swapped, also for a collapsed expression', () => {
  const { text, tokens } = prepare('He signed the Joint Comprehensive Strategy and praised it.');
  const found = findBrokenPhrases(text, tokens, lx, { knownPhrases: ['Joint Comprehensive Plan of Action'] });
  assert.deepEqual(found.map((s) => [s.a, s.b]), [['Joint Comprehensive Strategy', 'Joint Comprehensive Plan of Action']]);
  const intact = prepare('He signed the Joint Comprehensive Plan of Action.');
  assert.deepEqual(findBrokenPhrases(intact.text, intact.tokens, lx, { knownPhrases: ['Joint Comprehensive Strategy'] }), []);
});

test('seeds: the spun copy shows broken phrases, the others (almost) none', (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ f, ...prepare(readFileSync(join(dir, f), 'utf8')) }));
  const results = docs.map((d) => {
    const others = docs.filter((o) => o !== d);
    return findBrokenPhrases(d.text, d.tokens, lx, {
      knownPhrases: others.flatMap((o) => namePhrases(o.text, o.tokens)),
      attestedBigrams: others.flatMap((o) => textBigrams(o.tokens)),
    });
  });
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).documents[docs[0].f].spin_evidence_examples as string[][];
  const hits = expected.filter(([spun]) => results[0].some((s) => s.a === spun));
  const falseInSpun = results[0].filter((s) => !expected.some(([spun]) => spun === s.a));
  const falseElsewhere = results.slice(1).flat();
  console.log(`seeds: 000 ${results[0].length} flags, ${hits.length}/${expected.length} expected examples (${hits.map((h) => h[0]).join('; ')}), ${falseInSpun.length} others (${falseInSpun.map((s) => `${s.a}->${s.b}`).join('; ')}); 001-004 ${falseElsewhere.length} flags (${falseElsewhere.map((s) => `${s.a}->${s.b}`).join('; ')})`);
  assert.ok(hits.length >= 3, 'believe tank, White Home, Joint Comprehensive Strategy');
  assert.ok(falseElsewhere.length <= 3);
  assert.ok(results[0].length > falseElsewhere.length * 2);
});

test('METER newspaper texts: few flags per 1,000 words', (t) => {
  const root = sharedPath('datasets', 'meter-courts', 'newspapers', 'rawtexts');
  if (!root) return t.skip(SHARED_MISSING);
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.txt') && !n.startsWith('readme')) files.push(p);
    }
  };
  walk(root);
  const decoder = new TextDecoder('windows-1252');
  const sample = files.filter((_, i) => i % 3 === 0).map((f) => prepare(decoder.decode(readFileSync(f))));
  const corpusBigrams = new Map<string, number>();
  for (const d of sample) for (const b of textBigrams(d.tokens)) corpusBigrams.set(b, (corpusBigrams.get(b) ?? 0) + 1);
  let words = 0;
  const flags: string[] = [];
  const t0 = performance.now();
  for (const d of sample) {
    words += d.tokens.length;
    // bigrams some other text uses (count includes this text once)
    const attested = [...textBigrams(d.tokens)].filter((b) => (corpusBigrams.get(b) ?? 0) >= 2);
    for (const s of findBrokenPhrases(d.text, d.tokens, lx, { attestedBigrams: attested })) flags.push(`${s.a}->${s.b}`);
  }
  const perThousand = (flags.length / words) * 1000;
  console.log(`METER: ${sample.length} texts, ${words} words, ${flags.length} flags = ${perThousand.toFixed(3)} per 1,000 words in ${Math.round(performance.now() - t0)} ms: ${flags.slice(0, 25).join('; ')}`);
  assert.ok(perThousand < 0.4);
});

test('KnownNames from corpus counts: a name only this text carries is not known to it', () => {
  const { text, tokens } = prepare('He signed the Joint Comprehensive Strategy. She praised the Joint Comprehensive Plan of Action.');
  const own = new Map([['Joint Comprehensive Plan of Action', 1]]);
  const onlyMine = new KnownNames(new Map([['Joint Comprehensive Plan of Action', 1]]), lx);
  assert.deepEqual(findBrokenPhrases(text, tokens, lx, { knownPhrases: onlyMine, ownNames: own }), []);
  const elsewhereToo = new KnownNames(new Map([['Joint Comprehensive Plan of Action', 2]]), lx);
  const found = findBrokenPhrases(text, tokens, lx, { knownPhrases: elsewhereToo, ownNames: own });
  assert.deepEqual(found.map((s) => [s.a, s.b]), [['Joint Comprehensive Strategy', 'Joint Comprehensive Plan of Action']]);
});

test('one KnownNames serves many texts with the same findings as a plain list', () => {
  const names = ['Foundation for Defense of Democracies', 'Joint Comprehensive Plan of Action', 'White House'];
  const known = new KnownNames(names, lx);
  for (const s of ['Experts at the White Home said so.', 'He signed the Joint Comprehensive Strategy.', 'Nothing here.']) {
    const { text, tokens } = prepare(s);
    assert.deepEqual(findBrokenPhrases(text, tokens, lx, { knownPhrases: known }), findBrokenPhrases(text, tokens, lx, { knownPhrases: names }));
  }
  const { text, tokens } = prepare('He signed the Joint Comprehensive Strategy.');
  assert.equal(findBrokenPhrases(text, tokens, lx, { knownPhrases: known }).length, 1);
});
