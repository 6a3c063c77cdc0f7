import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from './load.js';

const lx = loadLexicon();

test('lemma picks a part of speech WordNet knows', () => {
  const cases: Record<string, string> = {
    sought: 'seek', tensions: 'tension', stationed: 'station', was: 'be', has: 'have', is: 'be',
    houses: 'house', thinking: 'think', officials: 'official', news: 'news', talks: 'talks',
    arbitrators: 'arbitrator', said: 'say', children: 'child', zarif: 'zarif',
  };
  for (const [word, lemma] of Object.entries(cases)) assert.equal(lx.lemma(word), lemma, word);
  assert.equal(lx.lemma('Sought'), 'seek');
});

test('canon joins close synonyms and keeps unrelated words apart', () => {
  for (const [a, b] of [['help', 'assist'], ['adviser', 'consultant'], ['change', 'alter']]) {
    assert.equal(lx.canon(a), lx.canon(b), `${a}/${b}`);
  }
  for (const [a, b] of [['house', 'dog'], ['say', 'province'], ['have', 'characteristic'], ['take', 'run']]) {
    assert.notEqual(lx.canon(a), lx.canon(b), `${a}/${b}`);
  }
  assert.equal(lx.canon('qwertyzz'), 'qwertyzz');
});

test('related: synsets plus one hop, symmetric', () => {
  for (const [a, b] of [['house', 'home'], ['tension', 'stress'], ['think', 'believe'], ['community', 'neighborhood'], ['seek', 'look for']]) {
    assert.ok(lx.related(a, b) && lx.related(b, a), `${a}/${b}`);
  }
  for (const [a, b] of [['house', 'tension'], ['think', 'tank'], ['regime', 'routine']]) assert.ok(!lx.related(a, b), `${a}/${b}`);
  assert.ok(lx.synonyms('tension').includes('stress'));
  assert.ok(!lx.synonyms('tension').includes('tension'));
});

test('multi-word expressions and their case', () => {
  assert.ok(lx.isPhrase(['think', 'tank']));
  assert.ok(lx.isPhrase(['white', 'house']));
  assert.ok(lx.isPhrase(['intelligence', 'community']));
  assert.ok(!lx.isPhrase(['believe', 'tank']));
  assert.ok(!lx.isPhrase(['tank']));
  assert.equal(lx.phraseCase(['think', 'tank']), 'lower');
  assert.equal(lx.phraseCase(['white', 'house']), 'proper');
  assert.ok(lx.phraseFillers(['', 'tank'], 0).includes('think'));
});

test('backgroundIdf is a finite number for every word, the names of Object.prototype included', () => {
  // read from a plain object, "constructor" used to find Object's constructor: NaN
  for (const w of ['constructor', 'tostring', 'valueof', 'hasownproperty', '__proto__', 'house', 'qwertyzz']) {
    assert.ok(Number.isFinite(lx.backgroundIdf(w)) && lx.backgroundIdf(w) >= 0, w);
  }
  assert.ok(lx.backgroundIdf('qwertyzz') > lx.backgroundIdf('house'), 'unseen words count as rare');
});
