import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { call, fixture, testServer, type TestServer } from './test-helpers/serve.js';

/** The API is tested here, not the classifier: any derived relation will do. */
const DERIVED = ['duplicate', 'near_duplicate', 'spun_copy', 'excerpt', 'abridged', 'rewrite'];

let s: TestServer;
const ids: Record<string, string> = {};
before(async () => {
  s = await testServer();
  const r = await call(`${s.url}/api/articles`, {
    json: [
      { text: fixture('report.txt'), outlet: 'Penmarro Post', published: '2025-01-14' },
      { text: fixture('spun.txt'), outlet: 'Coast Wire', published: '2025-01-15' },
      { text: fixture('other.txt'), outlet: 'Valley Gazette', published: '2025-01-15' },
    ],
  });
  assert.equal(r.body.added.length, 3);
  for (const a of r.body.added) ids[a.source] = a.id;
});
after(async () => s.close());

test('POST /api/compare of two stored ids: the relation, both texts and the shared quotes', async () => {
  const r = await call(`${s.url}/api/compare`, { json: { a: { id: ids['request[0]'] }, b: { id: ids['request[1]'] } } });
  assert.equal(r.status, 200);
  assert.ok(DERIVED.includes(r.body.relation.relation), r.body.relation.relation);
  assert.equal(r.body.a.outlet, 'Penmarro Post');
  assert.equal(typeof r.body.b.text, 'string');
  const words = r.body.relation.substitutions.map((x: { a: string; b: string }) => `${x.a}>${x.b}`);
  assert.ok(words.includes('storms>tempests'), words.join(', '));
  const sides = r.body.quotes.map((q: { occurrences: Array<{ side: string }> }) => q.occurrences.map((o) => o.side).sort().join(''));
  assert.ok(sides.length >= 1 && sides.every((x: string) => x === 'ab'), JSON.stringify(sides));
});

test('POST /api/compare of pasted texts, and of a pasted text with a stored id', async () => {
  const pasted = await call(`${s.url}/api/compare`, { json: { a: { text: fixture('report.txt') }, b: { html: `<p>${fixture('other.txt')}</p>` } } });
  assert.equal(pasted.status, 200);
  assert.ok(['unrelated', 'related'].includes(pasted.body.relation.relation), pasted.body.relation.relation);
  const mixed = await call(`${s.url}/api/compare`, { json: { a: { text: fixture('spun.txt') }, b: { id: ids['request[0]'].slice(0, 8) } } });
  assert.ok(DERIVED.includes(mixed.body.relation.relation), mixed.body.relation.relation);
  const bad = await call(`${s.url}/api/compare`, { json: { a: { id: 'zzzz' }, b: { text: 'x' } } });
  assert.deepEqual([bad.status, bad.body.error.code], [404, 'not_found']);
  const shape = await call(`${s.url}/api/compare`, { json: { a: 'text' } });
  assert.equal(shape.status, 400);
});

test('POST /api/trace of a pasted text: related stored articles with their metadata, nothing stored', async () => {
  const r = await call(`${s.url}/api/trace`, { json: { text: fixture('spun.txt') + '\nOne more line the copy added about the tides.' } });
  assert.equal(r.status, 200);
  assert.ok(r.body.relations.length >= 1);
  const top = r.body.relations[0];
  assert.equal(top.other.outlet === 'Coast Wire' || top.other.outlet === 'Penmarro Post', true);
  assert.ok(!r.body.relations.some((x: { relation: string; other: { outlet: string } }) => x.other.outlet === 'Valley Gazette' && x.relation !== 'unrelated' && x.relation !== 'related'));
  const plain = await call(`${s.url}/api/trace`, { method: 'POST', body: fixture('report.txt'), headers: { 'content-type': 'text/plain' } });
  assert.equal(plain.status, 200);
  const count = await call(`${s.url}/api/articles`);
  assert.equal(count.body.total, 3);
  const empty = await call(`${s.url}/api/trace`, { json: { text: '   ' } });
  assert.equal(empty.status, 400);
});

test('POST /api/analyze, then stories, one story, and quotes', async () => {
  const before = await call(`${s.url}/api/stories`);
  assert.deepEqual(before.body.stories, []);
  const r = await call(`${s.url}/api/analyze`, { method: 'POST' });
  assert.equal(r.status, 200);
  assert.equal(r.body.articles, 3);
  assert.ok(r.body.stories_with_several_articles >= 1);
  const stories = await call(`${s.url}/api/stories`);
  const story = stories.body.stories[0];
  assert.equal(story.size, 2);
  assert.deepEqual(story.outlets, ['Coast Wire', 'Penmarro Post']);
  const one = await call(`${s.url}/api/stories/${story.id}`);
  assert.ok(one.body.story.graph.edges.some((e: { relation: string }) => DERIVED.includes(e.relation)));
  assert.equal(one.body.articles[ids['request[0]']].outlet, 'Penmarro Post');
  const byMember = await call(`${s.url}/api/stories/${ids['request[1]']}`);
  assert.equal(byMember.body.story.id, story.id);
  const quotes = await call(`${s.url}/api/quotes`);
  const holt = quotes.body.quotes.find((q: { text: string }) => /sandbag/.test(q.text));
  assert.ok(holt);
  assert.equal(new Set(holt.occurrences.map((o: { document: string }) => o.document)).size, 2);
  assert.equal(typeof holt.occurrences[0].text, 'string');
  assert.equal((await call(`${s.url}/api/stories/s-nothing`)).status, 404);
});
