import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dateLine, datePrefix, guessPublished, guessTitle, parseDate } from './textmeta.js';
import { splitParagraphs } from './segment.js';

test('date forms → ISO', () => {
  const cases: [string, string | null][] = [
    ['February 22, 2021', '2021-02-22'],
    ['22 February 2021', '2021-02-22'],
    ['date 2021-02-23', '2021-02-23'],
    ['2021-02-23T10:00:00Z', '2021-02-23'],
    ['Published: Mon, March 3, 2020', '2020-03-03'],
    ['Feb. 21, 2021', '2021-02-21'],
    ['3rd of Sept 1999', '1999-09-03'],
    ['03:03 27/01/00: Page 1 (X) DESK', '2000-01-27'],
    ['02/11/99', null],
    ['2021-13-40', null],
    ['In 2019 the talks', null],
  ];
  for (const [s, want] of cases) assert.equal(parseDate(s), want, s);
});

test('date lines hold only a date; prefixes need a label, an ISO date or a separator', () => {
  assert.equal(dateLine('Updated 11:30 GMT, 2 Jan 2020'), '2020-01-02');
  assert.equal(dateLine('Tuesday, March 15, 2022 08:30 GMT'), '2022-03-15');
  assert.equal(dateLine('02/11/99'), '');
  assert.equal(dateLine('February 22, 2021 was a Monday'), null);
  assert.deepEqual(datePrefix(' date 2021-02-23 In 2019 President'), { length: 17, iso: '2021-02-23' });
  assert.equal(datePrefix('February 22, 2021 was a Monday'), null);
  assert.equal(datePrefix('May 2, 2020 - LONDON The court')?.iso, '2020-05-02');
});

test('title: first non-boilerplate line when short, without final period, with more text after', () => {
  const text = 'Join our channel!\nBridge approved\nThe council approved the bridge.';
  const paras = splitParagraphs(text);
  assert.equal(guessTitle(text, paras, [paras[0]]), 'Bridge approved');
  assert.equal(guessTitle(text, paras, []), 'Join our channel!');
  const story = 'The council approved the bridge.\nWork starts soon.';
  assert.equal(guessTitle(story, splitParagraphs(story), []), null);
  assert.equal(guessTitle('Only a line', splitParagraphs('Only a line'), []), null);
  const quoted = '"It was obvious," she said.\nMore.';
  assert.equal(guessTitle(quoted, splitParagraphs(quoted), []), null);
});

test('published: first dateline with a date', () => {
  const text = 'Title\n02/11/99\nFebruary 22, 2021\nBody.';
  const spans = splitParagraphs(text).slice(1, 3);
  assert.equal(guessPublished(text, spans), '2021-02-22');
});

test('property: parseDate returns null or a valid ISO date, never throws', () => {
  fc.assert(
    fc.property(fc.string(), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2100 }), (s, d, m, y) => {
      const out = parseDate(s);
      assert.ok(out === null || /^\d{4}-\d{2}-\d{2}$/.test(out));
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      assert.equal(parseDate(iso), iso);
      assert.equal(parseDate(new Date(Date.UTC(y, m - 1, d)).toUTCString().slice(5, 16)), iso);
    }),
    { numRuns: 300 },
  );
});

test('headerDate finds a date on a short header line, not in captions or body text', async () => {
  const { headerDate } = await import('./textmeta.js');
  const { splitParagraphs } = await import('./segment.js');
  const text = 'Dam cracks\nKestrel Today | News | Updated 15 October 2025, 14:20\nBody text that mentions March 3, 2019 in a long sentence about what happened back then and more.';
  assert.equal(headerDate(text, splitParagraphs(text)), '2025-10-15');
  const caption = 'Title\nA photo taken on May 8, 2018 (Reuters)\nBody.';
  const paras = splitParagraphs(caption);
  assert.equal(headerDate(caption, paras, [paras[1]]), null);
  assert.equal(headerDate('No dates here\nat all.', splitParagraphs('No dates here\nat all.')), null);
});

test('headerByline reads author and outlet from a By line', async () => {
  const { headerByline } = await import('./textmeta.js');
  const { splitParagraphs } = await import('./segment.js');
  const t1 = 'Headline\nBy Elin Marsh, The Vale Courier, with additional reporting by staff\nBody.';
  assert.deepEqual(headerByline(t1, splitParagraphs(t1)), { author: 'Elin Marsh', outlet: 'The Vale Courier' });
  const t2 = 'Headline\nBy Jane Doe\nBody.';
  assert.deepEqual(headerByline(t2, splitParagraphs(t2)), { author: 'Jane Doe', outlet: null });
  const t3 = 'Headline\nBody without a byline.';
  assert.deepEqual(headerByline(t3, splitParagraphs(t3)), { author: null, outlet: null });
});
