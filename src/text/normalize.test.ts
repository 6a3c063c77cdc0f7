import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanPlainText, normalizeText, stripLineEndMarks, unwrapHardWrapped } from './normalize.js';

test('quotes, apostrophes (also a misused opening quote), TeX quotes', () => {
  assert.equal(normalizeText('Iran‘s “web” and Zarif’s ‘bat signal’'), `Iran's "web" and Zarif's 'bat signal'`);
  assert.equal(normalizeText("he was ``minded'' to"), 'he was "minded" to');
  assert.equal(normalizeText('«non» „tak”'), '"non" "tak"');
});

test('dashes keep the spacing as written', () => {
  assert.equal(normalizeText('officials — who now serve — said'), 'officials - who now serve - said');
  assert.equal(normalizeText('2017–2019 U.S‑Africa −5'), '2017-2019 U.S-Africa -5');
});

test('spaces, line ends, invisible characters, blank lines', () => {
  assert.equal(normalizeText('a\u00a0b\u202fc\td'), 'a b c d');
  assert.equal(normalizeText('one\r\ntwo\rthree'), 'one\ntwo\nthree');
  assert.equal(normalizeText('zero\u200bwidth\u00ad soft \x19wire\ufeff'), 'zerowidth soft wire');
  assert.equal(normalizeText('\n\npara one  \n\n\n\n\npara two   \n\n'), 'para one\n\npara two');
  assert.equal(normalizeText('wait\u2026 what'), 'wait... what');
  assert.equal(normalizeText('Cafe\u0301'), 'Café');
});

test('unwrapHardWrapped joins wrapped wire lines and keeps short paragraph ends', () => {
  const wrapped = [
    'HEADLINE ABOUT A COURT CASE',
    'By Wire Reporters',
    'A High Court challenge was continuing today over the Home Secretary\'s',
    'decision to allow the former dictator to return home on health grounds',
    'after a long stay.',
    'Lawyers acting for the six human rights groups are seeking leave for a',
    'judicial review of the decision that the proceedings should be dropped.',
  ].join('\n');
  const out = unwrapHardWrapped(wrapped).split('\n');
  assert.equal(out.length, 4);
  assert.match(out[2], /Secretary's decision to allow .* after a long stay\.$/);
  assert.equal(unwrapHardWrapped(out.join('\n')), out.join('\n'));
  const news = 'A first paragraph that is a long line well over a hundred characters, as plain news has it when pasted.\nShort.';
  assert.equal(unwrapHardWrapped(news), news);
});

test('property: normalizeText is idempotent', () => {
  const chars = fc.constantFrom(
    'a', 'B', ' ', '\n', '\r', '\t', '’', '‘', '“', '”', '`', "'", '—', '–', '\u00a0', '\u200b',
    '\u0301', 'e', '…', '.', '\x19', '\ufeff', '\u2028', 'é', '\u0300',
  );
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), fc.string(), (s, t) => {
      for (const x of [s, t]) {
        const once = normalizeText(x);
        assert.equal(normalizeText(once), once);
        assert.doesNotMatch(once, /[\r\u00a0\u200b’“]| \n/);
      }
    }),
    { numRuns: 1000 },
  );
});

test('stripLineEndMarks removes a mark ending most lines, and nothing when it is rare', () => {
  assert.equal(stripLineEndMarks('HEADLINE<\nBy A Writer<\nText here.<\n<\nend'), 'HEADLINE\nBy A Writer\nText here.\n\nend');
  const rare = 'a < b\nc<\nd\ne\nf';
  assert.equal(stripLineEndMarks(rare), rare);
  assert.equal(cleanPlainText('\x19HEAD<\n\x19By X<\n\x19Body one.<\n'), 'HEAD\nBy X\nBody one.');
});
