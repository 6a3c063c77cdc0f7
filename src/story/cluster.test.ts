import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PairRelation, RelationType } from '../types.js';
import { clusterStories } from './cluster.js';

function rel(a: string, b: string, relation: RelationType, confidence = 0.9): PairRelation {
  return {
    a, b, relation, confidence, explanation: '', direction: null, direction_confidence: 0, direction_reasons: [],
    share_a: 0, share_b: 0, passages: [], substitutions: [], features: {},
  };
}

test('derived articles form one story, a related one stays apart', () => {
  const rels = [
    rel('a', 'b', 'spun_copy'), rel('a', 'c', 'rewrite'), rel('b', 'c', 'abridged'),
    rel('a', 'd', 'related'), rel('b', 'd', 'related'),
  ];
  assert.deepEqual(clusterStories(['a', 'b', 'c', 'd'], rels), [['a', 'b', 'c'], ['d']]);
});

test('a chain of single links does not pull unrelated articles together', () => {
  // a-b-c-d-e-f linked only to neighbours: average linkage refuses the long chain.
  const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
  const rels = ids.slice(1).map((id, i) => rel(ids[i], id, 'same_event', 0.6));
  const groups = clusterStories(ids, rels);
  assert.ok(groups.every((g) => g.length <= 3), JSON.stringify(groups));
});

test('a core of mutually linked articles absorbs a member linked to most of it', () => {
  const rels = [
    rel('a', 'b', 'duplicate'), rel('a', 'c', 'duplicate'), rel('b', 'c', 'duplicate'),
    rel('d', 'a', 'rewrite'), rel('d', 'b', 'rewrite'),
  ];
  assert.deepEqual(clusterStories(['a', 'b', 'c', 'd'], rels), [['a', 'b', 'c', 'd']]);
});

test('clusters do not depend on the order of ids or relations', () => {
  const kinds: RelationType[] = ['duplicate', 'rewrite', 'same_event', 'related', 'unrelated'];
  const arb = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(...kinds)), { maxLength: 25 });
  fc.assert(
    fc.property(arb, (edges) => {
      const ids = Array.from({ length: 8 }, (_, i) => `n${i}`);
      const rels = edges.filter(([x, y]) => x !== y).map(([x, y, k]) => rel(`n${x}`, `n${y}`, k));
      const one = clusterStories(ids, rels);
      const two = clusterStories([...ids].reverse(), [...rels].reverse());
      assert.deepEqual(one, two);
      assert.equal(one.flat().length, ids.length);
    }),
    { numRuns: 200, seed: 7 },
  );
});
