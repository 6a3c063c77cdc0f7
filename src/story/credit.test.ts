import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { creditsSource, findCredits, outletKey, resolveOutlet, RULES, searchCredits } from './credit.js';
import { classifyByWords, classifyName } from './credit-outlet.js';
import { normalizeText } from '../text/normalize.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';

const only = (text: string) => findCredits(text).map((c) => [c.strength, c.kind, c.outlet, c.authors.join(' & ')]);

test('attribution phrases', () => {
  assert.deepEqual(only('The Boston Ledger reported that the mayor resigned.'), [['attribution', 'reported', 'The Boston Ledger', '']]);
  assert.deepEqual(only('The fund lost money, according to the Financial Times.'), [['attribution', 'according_to', 'the Financial Times', '']]);
  assert.deepEqual(only('As first reported by Reuters, the deal collapsed.'), [['attribution', 'first_reported', 'Reuters', '']]);
  assert.deepEqual(only('This is an edited version of an article by Ana Ruiz and Tom Hale for The Coastal Herald.'), [
    ['attribution', 'version_of', 'The Coastal Herald', 'Ana Ruiz & Tom Hale'],
  ]);
  assert.deepEqual(only('This story was originally published by ProPublica.'), [['attribution', 'originally_published', 'ProPublica', '']]);
  assert.deepEqual(only('Source: Agence France-Presse'), [['attribution', 'source_line', 'Agence France-Presse', '']]);
  assert.deepEqual(only('Jane Doe contributed to this report.'), [['attribution', 'contributed', null, 'Jane Doe']]);
  assert.deepEqual(only('The Ledger report also notes that fares rose.'), [['attribution', 'report_says', 'The Ledger', '']]);
  assert.deepEqual(only('Read it at https://www.coastalherald.com/news/1 today'), [['attribution', 'link', 'coastalherald.com', '']]);
});

test('every match of a credit rule holds one of the literals its pre-check looks for', () => {
  // A text without any of a rule's `needs` is not searched: a wrong literal would lose credits.
  // Texts of names and credit-shaped phrases covering every alternative the rules spell out.
  const names = ['The Ledger', 'the Coastal Herald', 'Reuters', 'Ana Ruiz', 'U.S. News', 'Ana Ruiz and Tom Hale', 'Daily Record newspaper'];
  const phrases = [
    'This is an', 'A', 'The', 'abridged version of the article', 'updated version of a story', 'version of this report that was originally published',
    'first published in', 'originally posted at', 'first appeared on', 'first ran by', 'As first reported by', 'as previously reported in', 'as reported by',
    'reported', 'has reported', 'also reported', ', daily,', 'According to', 'according to a report by', 'according to the investigation from',
    "From yesterday's", 'In the', 'in an', 'report', 'story', 'article', 'piece', 'investigation', 'reporting', 'reports', 'also notes', 'says', 'found', 'claimed',
    '(via', 'Via:', 'via', 'Written by', 'written by', 'Filed by', 'Produced by', 'Reported by', 'reported by', 'for', 'of', 'at', 'by',
    'Source:', 'SOURCE:', 'Sources:', '©', '(c)', '(C)', 'Copyright 2024', 'contributed to this report', 'contributed to this story',
    'told', 'tells', 'said to', 'reported to', 'explained to', 'confirmed to', 'spoke with', 'talking to', 'talked with', 'speaking to',
    'has learned', 'have learned', 'in an exclusive interview with', 'in an interview with', 'requests for comment from', 'request for comment by',
    'request for comment', '\n', '.', ',',
  ];
  const textArb = fc.array(fc.constantFrom(...names, ...phrases), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ').replace(/ \n /g, '\n'));
  fc.assert(
    fc.property(textArb, (text) => {
      for (const r of RULES) {
        r.re.lastIndex = 0;
        for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
          assert.ok(r.needs.some((literal) => m![0].includes(literal)), `${r.kind} matched "${m[0]}" without any of ${r.needs.join(', ')}`);
        }
      }
    }),
    { numRuns: 5000 },
  );
});

test('mentions are not attributions', () => {
  assert.deepEqual(only('Two officials told The Coastal Herald that the deal was off.'), [['mention', 'told', 'The Coastal Herald', '']]);
  assert.deepEqual(only('She spoke with the Daily Record on Monday.'), [['mention', 'spoke_to', 'the Daily Record', '']]);
  assert.equal(creditsSource(findCredits('Sources told The Coastal Herald that it was over.'), 'The Coastal Herald', []), false);
});

test('precision: institutions, people, places and subjects are not credits', () => {
  assert.deepEqual(only('The State Department reported no casualties.'), []);
  assert.deepEqual(only('The Trump administration said the talks had failed, according to White House visitor logs.'), []);
  assert.deepEqual(only('The claim is false, according to Dr. Nourani.'), []);
  assert.deepEqual(only('Officials told Congress the plan was ready.'), []);
  assert.deepEqual(only('The Coastal Herald was sold to a hedge fund in 2019.'), []);
  assert.deepEqual(only('The talks were held via Oman.'), []);
});

test('outletKey and resolveOutlet', () => {
  assert.equal(outletKey('the Washington Ledger'), outletKey('The Washington Ledger'));
  assert.equal(outletKey('washingtonledger.com'), outletKey('The Washington Ledger'));
  assert.equal(resolveOutlet('the Ledger', ['The Daily Star', 'The Washington Ledger']), 'The Washington Ledger');
  assert.equal(resolveOutlet('the Ledger', ['The Washington Ledger', 'The Boston Ledger']), null);
  assert.equal(resolveOutlet('AP', ['Associated Press']), 'Associated Press');
  assert.equal(resolveOutlet('the Star', ['The Washington Ledger']), null);
});

test('creditsSource: by short outlet name or by author', () => {
  const credits = findCredits('The Ledger report also notes that fares rose.');
  assert.equal(creditsSource(credits, 'The Washington Ledger', []), true);
  assert.equal(creditsSource(findCredits('An abridged version of an article by Ana Ruiz.'), null, ['Ana Ruiz']), true);
  assert.equal(creditsSource(credits, null, []), false);
});

test('property: credits lie inside the text and are sorted', () => {
  const word = fc.constantFrom('The', 'Times', 'reported', 'told', 'according', 'to', 'the', 'Herald', 'via', 'Source:', '\n', ',', '.', 'Ana', 'and', 'http://x.com');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), (ws) => {
      const text = ws.join(' ');
      const cs = findCredits(text);
      cs.forEach((c, i) => {
        assert.equal(c.text, text.slice(c.start, c.end));
        if (i > 0) assert.ok(cs[i - 1].start <= c.start);
      });
    }),
    { numRuns: 200, seed: 3 },
  );
});

test('seeds: 001, 002, 003 credit the Washington Times, 000 and 004 do not', (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  const result: Record<string, boolean> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const credits = findCredits(normalizeText(readFileSync(join(dir, f), 'utf8')));
    result[f.slice(0, 3)] = creditsSource(credits, 'The Washington Times', ['Ben Wolfgang', 'Guy Taylor']);
  }
  assert.deepEqual(result, { '000': false, '001': true, '002': true, '003': true, '004': false });
});

test('credit phrases at a sentence start, in report-from form, and written-for lines', () => {
  const a = findCredits('According to The Vale Courier, which reported it overnight, a crack was seen.');
  assert.equal(a[0]?.kind, 'according_to');
  const b = findCredits("From this morning's Vale Courier report by Elin Marsh:");
  assert.deepEqual([b[0]?.kind, b[0]?.outlet, b[0]?.authors], ['report_from', 'Vale Courier', ['Elin Marsh']]);
  const c = findCredits('Written by Hana Okafor for Meridian Press Agency.');
  assert.deepEqual([c[0]?.kind, c[0]?.outlet, c[0]?.strength], ['written_for', 'Meridian Press Agency', 'attribution']);
  // A route, not a credit; a copyright line is the page's own publisher.
  assert.equal(findCredits('Buses will divert via Carrow Hill until further notice.').length, 0);
  assert.equal(findCredits('Copyright CoastNow 2025.')[0]?.strength, 'mention');
});

test('property: where the word lists decide a name\'s class, the tagger is never needed (classifyByWords agrees with classifyName)', () => {
  const word = fc.constantFrom('The', 'Daily', 'News', 'Ministry', 'Council', 'of', 'Meridian', 'Press', 'John', 'Smith', 'Paris', 'Agency', 'University', 'Times', 'Bank', 'Ledger');
  fc.assert(
    fc.property(fc.array(word, { minLength: 0, maxLength: 4 }), (words) => {
      const name = words.join(' ');
      const byWords = classifyByWords(name);
      if (byWords !== null) assert.equal(byWords, classifyName(name));
      else assert.ok(['person', 'place', 'unknown'].includes(classifyName(name)));
    }),
    { seed: 5, numRuns: 150 },
  );
});

test('property: possible credits (found without the tagger) hold every credit found with it', () => {
  // names the tagger reads as people, places or neither, next to the phrases that credit them
  const name = fc.constantFrom('Maria Lopez', 'Ana and Tom Berg', 'Pepiburg', 'Paris', 'The Daily Ledger', 'Zedaneis Firodoson', 'the Ministry of Health', 'Reuters');
  const phrase = fc.constantFrom('reported', "'s report found", 'contributed to this report', 'told', 'according to', 'originally published in', 'Source:', 'Copyright', 'said', '.', '\n');
  fc.assert(
    fc.property(fc.array(fc.oneof(name, phrase), { maxLength: 14 }), (ws) => {
      const text = ws.join(' ');
      const search = searchCredits(text);
      const possible = new Set(search.possible.map((c) => JSON.stringify(c)));
      for (const c of search.resolve()) assert.ok(possible.has(JSON.stringify(c)), `${JSON.stringify(c)} not among the possible credits of "${text}"`);
      assert.deepEqual(search.resolve(), findCredits(text));
    }),
    { numRuns: 300, seed: 13 },
  );
});
