import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, PairRelation, RelationType, Token } from '../types.js';
import type { AnalyzedArticle, CreditLike } from '../relate/analyzed.js';
import { topicProfile } from '../relate/topic.js';
import { detectHiddenSource } from './hidden-source.js';
import { buildGraph, toDot } from './graph.js';
import { reconstructSource } from './reconstruct.js';

function doc(id: string, text: string, credits: CreditLike[] = [], outlet: string | null = null): AnalyzedArticle {
  const article: Article = {
    id, source: `${id}.txt`, title: id, outlet, author: null, published: null, url: null, text, contentHash: id,
    boilerplate: [], paragraphs: [{ start: 0, end: text.length }], sentences: [{ start: 0, end: text.length }],
  };
  const tokens: Token[] = [];
  return { article, tokens, topic: topicProfile(tokens), quotes: [], credits, brokenPhrases: [] };
}

function rel(a: string, b: string, relation: RelationType, direction: PairRelation['direction'], extra: Partial<PairRelation> = {}): PairRelation {
  return {
    a, b, relation, confidence: 0.9, explanation: '', direction, direction_confidence: direction ? 0.8 : 0, direction_reasons: [],
    share_a: 0.5, share_b: 0.5, passages: [], substitutions: [], features: { length_ratio: 1 }, ...extra,
  };
}

const wire: CreditLike = { outlet: 'the Meridian Agency', authors: ['Hana Okafor'], strength: 'attribution', text: 'written by Hana Okafor for the Meridian Agency' };

test('siblings that credit an outlet no member belongs to: a hidden source named after it', () => {
  const docs = [doc('x1', 'one', [wire]), doc('x2', 'two', [{ outlet: 'Meridian Agency', authors: [], strength: 'mention' }]), doc('x3', 'three')];
  const rels = [rel('x1', 'x2', 'rewrite', null), rel('x1', 'x3', 'excerpt', null), rel('x2', 'x3', 'near_duplicate', null)];
  const h = detectHiddenSource('s', docs, rels)!;
  assert.equal(h.name, 'the Meridian Agency');
  assert.deepEqual(h.authors, ['Hana Okafor']);
  assert.deepEqual(h.copies, ['x1', 'x2', 'x3']);
  const g = buildGraph(docs, rels, h);
  assert.equal(g.edges.filter((e) => e.relation === 'derived_from_hidden').length, 3);
  assert.match(toDot(g), /digraph/);
});

test('no hidden source when one member is the source of the others', () => {
  const docs = [doc('o', 'original', [], 'The Vale Courier'), doc('c1', 'copy', [{ outlet: 'The Vale Courier', authors: [], strength: 'attribution' }]), doc('c2', 'copy two')];
  const rels = [rel('o', 'c1', 'duplicate', 'a->b'), rel('o', 'c2', 'spun_copy', 'a->b'), rel('c1', 'c2', 'spun_copy', null)];
  assert.equal(detectHiddenSource('s', docs, rels), null);
});

test('the reconstruction takes the reading two copies agree on against the base', () => {
  const base = doc('b', 'They sought a new plan.');
  const c1 = doc('c1', 'They sought a new strategy.');
  const c2 = doc('c2', 'They sought a new strategy.');
  const edit = { op: 'replace' as const, a: [18, 22] as [number, number], b: [18, 26] as [number, number] };
  const p = { a: [0, 22] as [number, number], b: [0, 26] as [number, number], similarity: 0.8, edits: [edit] };
  const rels = [rel('b', 'c1', 'near_duplicate', null, { passages: [p], share_a: 1, share_b: 1 }), rel('b', 'c2', 'near_duplicate', null, { passages: [p], share_a: 1, share_b: 1 })];
  const bigger = doc('b', 'They sought a new plan.');
  bigger.tokens.push(...Array.from({ length: 5 }, (_, i) => ({ start: 0, end: 1, surface: 'x', norm: 'x', lemma: 'x', canon: 'x', stop: false, sentence: i })));
  const r = reconstructSource([bigger, c1, c2], rels);
  assert.equal(r.base, 'b');
  assert.equal(r.text, 'They sought a new strategy.');
  assert.ok(r.segments.some((s) => s.corrected === 'majority'));
});
