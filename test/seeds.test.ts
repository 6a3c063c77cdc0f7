/**
 * The seed acceptance case (../shared/seeds, never copied in): analysing the five seeds must
 * agree with expected.json on stories, the hidden origin's name, credit, shared quotes and the
 * added opinion. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath, SHARED_MISSING } from '../src/test-helpers/shared.js';
import { createEngine } from '../src/engine/engine.js';
import { analyzeCorpus } from '../src/engine/corpus.js';
import { DERIVED_RELATIONS } from '../src/types.js';
import { baseName, readArticles } from './corpus-helpers.js';

const seeds = sharedPath('seeds');

test('seeds: stories, hidden origin, credit, quotes and opinion agree with expected.json', { skip: seeds ? false : SHARED_MISSING }, async () => {
  const expected = JSON.parse(readFileSync(join(seeds!, 'expected.json'), 'utf8'));
  const result = await analyzeCorpus(createEngine(), await readArticles([seeds!]));
  const num = new Map(result.documents.map((d) => [d.id, baseName(d.path).slice(0, 3)]));
  const n = (id: string) => num.get(id)!;
  const stories = result.stories.map((s) => s.members.map(n).sort().join(','));
  assert.ok(stories.includes('000,001,002,003'), `stories: ${stories.join(' | ')}`);
  assert.ok(stories.includes('004'), `004 alone: ${stories.join(' | ')}`);

  const zarif = result.stories.find((s) => s.members.length === 4)!;
  const hidden = zarif.hidden_sources[0];
  assert.match(hidden?.name ?? '', new RegExp(expected.stories[0].hidden_origin.outlet, 'i'));
  for (const author of expected.stories[0].hidden_origin.authors) assert.ok(hidden.authors.includes(author), `author ${author}`);
  assert.ok(hidden.text.length > 2000, 'reconstructed text');

  const credit = new Map(result.credits.map((c) => [n(c.document), c.credits]));
  for (const [file, doc] of Object.entries<any>(expected.documents)) {
    if (doc.credits_source === null) continue;
    assert.equal(credit.get(file.slice(0, 3)), doc.credits_source, `credit of ${file}`);
  }

  for (const shared of expected.pairs.shared_verbatim_quotes) {
    const group = result.quotes.find((q) => q.text.startsWith(shared.quote_starts) || q.occurrences.length > 2 && q.text.includes(shared.quote_starts.slice(0, 30)));
    assert.ok(group, `quote "${shared.quote_starts}"`);
    for (const d of shared.docs) assert.ok(group!.occurrences.some((o) => n(o.document) === d && o.verbatim), `${d} carries it verbatim`);
    assert.ok(group!.occurrences.some((o) => n(o.document) === '000' && !o.verbatim), '000 alters it');
  }

  const opinion = expected.documents['003_1ef0fbcbc221c84f.txt'].added_opinion_example as string;
  assert.ok(zarif.additions.some((a) => a.opinion && n(a.document) === '003' && a.text.startsWith(opinion.slice(0, 40))), 'added opinion in 003');

  for (const r of result.relations) {
    const pair = [n(r.a), n(r.b)];
    const derived = DERIVED_RELATIONS.includes(r.relation);
    if (pair.includes('004')) assert.ok(!derived, `${pair} must not be derived, got ${r.relation}`);
  }
});
