import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedPath, SHARED_MISSING } from '../src/test-helpers/shared.js';
import { loadMeter, normalizeIndexEntry } from './meter.js';
import { mapSpansToRaw, parseMeterSgml, reuseRegions } from './meter-sgml.js';

test('index entries: meter_corpus/ prefix stripped however often, CR and spaces trimmed', () => {
  const want = 'newspapers/rawtexts/courts/01.03.00/x/x1_sun.txt';
  assert.equal(normalizeIndexEntry(`meter_corpus/${want}\r`), want);
  assert.equal(normalizeIndexEntry(` meter_corpus/meter_corpus/${want}`), want);
  assert.equal(normalizeIndexEntry(`/meter_corpus/${want}`), want);
  assert.equal(normalizeIndexEntry('  \r'), null);
});

test('SGML spans map onto raw text across differing whitespace', () => {
  const sgml = `<meterdocument classification="partially-derived"><body>
<Verbatim PAsource="" >A man was </Verbatim>
<Rewrite PAsource="" >jailed &amp; fined </Rewrite>
<New PAsource="" >yesterday.</New>


<Verbatim PAsource="" >He said "no".</Verbatim>
</body></meterdocument>`;
  const raw = 'A man was jailed & fined yesterday.\r\n\r\nHe said "no".\r\n';
  const doc = parseMeterSgml(sgml);
  assert.equal(doc.classification, 'partially-derived');
  assert.deepEqual(doc.spans.map((s) => s.kind), ['Verbatim', 'Rewrite', 'New', 'Verbatim']);
  const m = mapSpansToRaw(doc.spans, raw);
  assert.ok(m.reliable);
  assert.deepEqual(m.spans.map((s) => raw.slice(s.start, s.end)), ['A man was', 'jailed & fined', 'yesterday.', 'He said "no".']);
  assert.deepEqual(reuseRegions(m.spans, raw).map(([s, e]) => raw.slice(s, e)), ['A man was jailed & fined', 'He said "no".']);
  assert.equal(mapSpansToRaw(doc.spans, 'A man was sent down yesterday.').reliable, false);
});

test('METER courts loads 262/342/166 stories with PA texts and span gold', (t) => {
  const dir = sharedPath('datasets', 'meter-courts');
  if (!dir) return t.skip(SHARED_MISSING);
  const { items, report } = loadMeter(dir);
  assert.deepEqual(report.indexed, { wholly: 262, partially: 342, non: 166 });
  assert.deepEqual(report.loaded, { wholly: 262, partially: 342, non: 166 });
  assert.equal(items.length, 770);
  assert.deepEqual(report.missingNewspapers, []);
  // One story's catchline folder has no PA copy on that date (as found in the corpus).
  assert.deepEqual(report.withoutPa, ['08.12.99/policeman/policeman350_telegraph']);
  assert.equal(new Set(items.map((i) => i.id)).size, items.length);
  assert.ok(items.every((i) => i.newspaperText.length > 0 && i.paTexts.length === i.paPaths.length));
  // ISO-8859-1 pound sign decoded, no replacement characters.
  assert.ok(items.some((i) => i.newspaperText.includes('£')));
  assert.ok(items.every((i) => !i.newspaperText.includes('\uFFFD')));
  assert.equal(report.sgmlWithSpans, 355);
  assert.ok(report.sgmlMapped >= 340, `only ${report.sgmlMapped} SGML span sets mapped`);
  const withGold = items.filter((i) => i.spanGold);
  assert.equal(withGold.length, report.sgmlMapped);
  for (const i of withGold) for (const [s, e] of i.spanGold!.reuse) assert.ok(s >= 0 && e <= i.newspaperText.length && s < e);
});
