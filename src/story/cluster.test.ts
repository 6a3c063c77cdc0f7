import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PairRelation, RelationType } from '../types.js';
import { clusterStories, DEFAULT_CLUSTER_OPTIONS } from './cluster.js';

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

/** The whole-graph version (every merge rescans every edge): the reference for the per-component one. */
function referenceCluster(ids: readonly string[], relations: readonly PairRelation[]): string[][] {
  const o = DEFAULT_CLUSTER_OPTIONS;
  const key = (x: string, y: string) => (x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`);
  const weight = new Map<string, number>();
  for (const r of relations) {
    const w = o.weights[r.relation] ?? 0;
    if (w > 0) weight.set(key(r.a, r.b), Math.max(w * Math.max(0.5, r.confidence), weight.get(key(r.a, r.b)) ?? 0));
  }
  const groups = new Map([...ids].sort().map((id) => [id, [id]]));
  const groupOf = new Map(ids.map((id) => [id, id]));
  const link = (g: string[], h: string[]) => g.reduce((s, x) => s + h.reduce((t, y) => t + (weight.get(key(x, y)) ?? 0), 0), 0) / (g.length * h.length);
  for (;;) {
    let best: { g: string; h: string; w: number } | null = null;
    const seen = new Set<string>();
    for (const k of [...weight.keys()].sort()) {
      const [g, h] = k.split('\u0000').map((x) => groupOf.get(x)!);
      if (g === h || seen.has(key(g, h))) continue;
      seen.add(key(g, h));
      const w = link(groups.get(g)!, groups.get(h)!);
      if (w >= o.minAverageLink && (!best || w > best.w + 1e-12)) best = { g: g < h ? g : h, h: g < h ? h : g, w };
    }
    if (!best) break;
    const merged = [...groups.get(best.g)!, ...groups.get(best.h)!].sort();
    groups.delete(best.h);
    groups.set(best.g, merged);
    for (const m of merged) groupOf.set(m, best.g);
  }
  return [...groups.values()].sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

test('clustering each connected component alone gives the whole-graph result', () => {
  const kinds: RelationType[] = ['duplicate', 'spun_copy', 'rewrite', 'same_event', 'related'];
  const edge = fc.tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 14 }), fc.constantFrom(...kinds), fc.constantFrom(0.3, 0.6, 0.9));
  fc.assert(
    fc.property(fc.array(edge, { maxLength: 40 }), (edges) => {
      const ids = Array.from({ length: 15 }, (_, i) => `n${String(i).padStart(2, '0')}`);
      const rels = edges.filter(([x, y]) => x !== y).map(([x, y, k, c]) => rel(ids[x], ids[y], k, c));
      assert.deepEqual(clusterStories(ids, rels), referenceCluster(ids, rels));
    }),
    { numRuns: 300, seed: 3 },
  );
});
