/**
 * The example corpus (examples/, our own invented articles) against examples/expected.json:
 * stories, hidden source, credit, and the relation of every pair (pairs the candidate search
 * never compared count as unrelated).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/test-helpers/shared.js';
import { createEngine } from '../src/engine/engine.js';
import { analyzeCorpus } from '../src/engine/corpus.js';
import { DERIVED_RELATIONS } from '../src/types.js';
import { baseName, readArticles } from './corpus-helpers.js';

const dir = join(PROJECT_ROOT, 'examples');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));

test('examples: analysis agrees with expected.json', async () => {
  const result = await analyzeCorpus(createEngine(), await readArticles([dir]));
  const file = new Map(result.documents.map((d) => [d.id, baseName(d.path)]));
  const id = new Map([...file].map(([k, v]) => [v, k]));

  // Stories: each expected story with 2+ members is one found story's member set.
  const found = result.stories.map((s) => s.members.map((m) => file.get(m)).sort().join(' '));
  for (const s of expected.stories) {
    assert.ok(found.includes([...s.members].sort().join(' ')), `story ${s.id}: found ${found.join(' | ')}`);
  }

  // The hidden source of the ferry story is named after the credited wire.
  const ferry = expected.stories.find((s: any) => s.hidden_origin);
  const story = result.stories.find((s) => s.members.includes(id.get(ferry.members[0])!))!;
  assert.equal(story.hidden_sources[0]?.name, ferry.hidden_origin.outlet);
  // The dam story's original is in the corpus: no hidden source there.
  const dam = result.stories.find((s) => s.members.includes(id.get('01-greyhollow-dam-evacuation.html')!))!;
  assert.equal(dam.hidden_sources.length, 0);

  // Credit of each derived document, where expected.json says yes or no.
  const credit = new Map(result.credits.map((c) => [file.get(c.document), c.credits]));
  const wrongCredit = Object.entries<any>(expected.documents)
    .filter(([, d]) => typeof d.credits_source === 'boolean')
    .filter(([f, d]) => credit.get(f) !== d.credits_source)
    .map(([f]) => f);
  assert.ok(wrongCredit.length <= 1, `credit wrong for ${wrongCredit.join(', ')}`);

  // Every pair, coarse relation: derived / same_event / related / unrelated.
  const key = (x: string, y: string) => [x, y].sort().join(' ');
  const got = new Map(result.relations.map((r) => [key(file.get(r.a)!, file.get(r.b)!), r.relation]));
  const coarse = (r: string | undefined) => (r === undefined ? 'unrelated' : DERIVED_RELATIONS.includes(r as any) ? 'derived' : r);
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  const groups: Array<[string, string]> = [['same_story_derived', 'derived'], ['same_event_not_derived', 'same_event'], ['related_not_derived', 'related'], ['unrelated', 'unrelated']];
  for (const [name, want] of groups) {
    for (const [x, y] of expected.pairs[name]) {
      total++;
      const g = coarse(got.get(key(x, y)));
      if (g === want) right++;
      else wrong.push(`${x} ${y}: ${g} (want ${want})`);
    }
  }
  assert.ok(right / total >= 0.9, `${right}/${total} pairs right; wrong: ${wrong.join('; ')}`);
});
