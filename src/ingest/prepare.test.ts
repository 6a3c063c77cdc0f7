import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { bodyText, prepareArticle, contentHashOf } from './prepare.js';
import { readInputs } from './read.js';
import { InputError } from '../errors.js';
import { sharedPath, SHARED_MISSING } from '../test-helpers/shared.js';
import type { RawDocument } from '../types.js';

const raw = (body: string, meta = {}, kind: 'text' | 'html' = 'text'): RawDocument => ({ source: 's.txt', kind, body, meta });

test('text article: headline, dateline, boilerplate out of sentences and hash', () => {
  const body = 'Follow us on Telegram\r\nFerry “routes” closed\r\nMarch 3, 2022\r\nAll ferry routes were closed on Friday. Winds reached 90 km/h.\r\nLeave a Reply';
  const a = prepareArticle(raw(body));
  assert.equal(a.title, 'Ferry "routes" closed');
  assert.equal(a.published, '2022-03-03');
  assert.deepEqual(a.boilerplate.map((b) => b.kind), ['social', 'dateline', 'comments']);
  assert.deepEqual(a.sentences.map((s) => a.text.slice(s.start, s.end)), [
    'Ferry "routes" closed',
    'All ferry routes were closed on Friday.',
    'Winds reached 90 km/h.',
  ]);
  assert.equal(a.contentHash, contentHashOf('ferry "routes" closed\nall ferry routes were closed on friday. winds reached 90 km/h.'));
  assert.equal(a.id, a.contentHash.slice(0, 16));
  // Same body with other furniture and case/space changes: same hash.
  const b = prepareArticle(raw('FERRY "ROUTES"   CLOSED\nAll ferry routes were closed on Friday.  Winds reached 90 km/h.\nShare this'));
  assert.equal(b.contentHash, a.contentHash);
});

test('container metadata wins over text guesses; HTML goes through extraction', () => {
  const a = prepareArticle(raw('Headline in text\nMarch 3, 2022\nBody sentence here.', { title: 'Given title', published: '2020-01-01', outlet: 'Wire' }));
  assert.equal(a.title, 'Given title');
  assert.equal(a.published, '2020-01-01');
  assert.equal(a.outlet, 'Wire');
  const h = prepareArticle(raw('<html><head><meta property="og:title" content="Page title"></head><body><p>First para.</p><p>Second para.</p></body></html>', {}, 'html'));
  assert.equal(h.title, 'Page title');
  assert.equal(h.text, 'First para.\n\nSecond para.');
  assert.equal(h.paragraphs.length, 2);
});

test('empty body is an InputError', () => {
  assert.throws(() => prepareArticle(raw('Leave a Reply\n\nShare this')), { name: 'InputError', message: 's.txt: no article text found' });
  assert.throws(() => prepareArticle(raw('<p></p>', {}, 'html')), InputError);
});

test('seeds: titles, dates and boilerplate', async (t) => {
  const dir = sharedPath('seeds');
  if (!dir) return t.skip(SHARED_MISSING);
  const got: Record<string, { title: string | null; published: string | null }> = {};
  for await (const item of readInputs([dir])) {
    assert.ok(!(item instanceof InputError), String(item));
    const a = prepareArticle(item as RawDocument);
    got[a.source.split('/').pop()!.slice(0, 3)] = { title: a.title, published: a.published };
    assert.ok(a.sentences.length > 5);
  }
  assert.deepEqual(Object.keys(got), ['000', '001', '002', '003', '004']);
  assert.equal(got['000'].title, 'John Kerry held backchannel talks with Iran, Javad Zarif');
  assert.equal(got['001'].published, '2021-02-23');
  assert.equal(got['002'].title, 'Top Biden diplomats held secret talks with Iran to undermine Trump agenda say new sources');
  assert.equal(got['002'].published, '2021-02-22');
  assert.equal(got['003'].title, null);
});

test('METER: ISO-8859-1 pound signs decode, wire copy is unwrapped', (t) => {
  const dir = sharedPath('datasets', 'meter-courts', 'PA', 'rawtexts', 'courts');
  if (!dir) return t.skip(SHARED_MISSING);
  const file = join(dir, '27.01.00', 'pinochet', 'pinochet1.txt');
  const a = prepareArticle({ source: file, kind: 'text', body: readFileSync(file, 'latin1'), meta: {} });
  assert.equal(a.title, "HUMAN RIGHTS LEGAL CHALLENGE TO PINOCHET'S RETURN HOME");
  assert.equal(a.published, '2000-01-27');
  assert.ok(a.paragraphs.some((p) => /^A High Court challenge was continuing today .* on health grounds\.$/.test(a.text.slice(p.start, p.end))));
  assert.ok(a.boilerplate.some((b) => b.kind === 'byline' && a.text.slice(b.start, b.end) === 'By PA News Reporters'));
});

test('METER: a pound sign stored as byte 0xA3 reads as £ through readInputs', async (t) => {
  const file = sharedPath('datasets', 'meter-courts', 'newspapers', 'rawtexts', 'courts', ...'01.03.00/burstein/burstein387_times.txt'.split('/'));
  if (!file) return t.skip(SHARED_MISSING);
  assert.ok(readFileSync(file).includes(0xa3));
  for await (const item of readInputs([file])) {
    const a = prepareArticle(item as RawDocument);
    assert.match(a.text, /£/);
    assert.doesNotMatch(a.text, /Â£|\uFFFD/);
  }
});

test('property: the id hash is contentHashOf the body, and text holds no whitespace but spaces and line feeds', () => {
  const pieces = fc.constantFrom('Word', 'two', '.', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff', '\v', 'Share this', 'By Jo Lee');
  const texts = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), fc.string({ unit: 'binary' }));
  fc.assert(
    fc.property(texts, (body) => {
      let a;
      try {
        a = prepareArticle(raw(body));
      } catch (e) {
        if (e instanceof InputError) return;
        throw e;
      }
      assert.doesNotMatch(a.text, /[^\S \n]/);
      assert.equal(a.contentHash, contentHashOf(bodyText(a.text, a.paragraphs, a.boilerplate)));
    }),
    { numRuns: 500 },
  );
});
