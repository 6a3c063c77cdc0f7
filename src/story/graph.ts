import type { PairRelation, RelationType } from '../types.js';
import { DERIVED_RELATIONS } from '../types.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import type { HiddenSource } from './hidden-source.js';

export interface GraphNode {
  id: string;
  kind: 'article' | 'hidden_source';
  label: string;
  outlet: string | null;
  published: string | null;
}

export interface GraphEdge {
  /** The source; for an undirected edge, the smaller id. */
  from: string;
  to: string;
  relation: RelationType | 'derived_from_hidden';
  directed: boolean;
  confidence: number;
  reasons: string[];
}

export interface TimelineEntry {
  date: string | null;
  id: string;
  label: string;
}

export interface DerivationGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  timeline: TimelineEntry[];
}

function label(m: AnalyzedArticle): string {
  const a = m.article;
  return a.title ?? a.source.split('/').pop() ?? a.id;
}

/**
 * Directed edges source -> copy from the members' derived relations; sibling pairs of a
 * hidden source become edges from the hidden node to each copy instead.
 */
export function buildGraph(
  members: readonly AnalyzedArticle[],
  relations: readonly PairRelation[],
  hidden: HiddenSource | null,
): DerivationGraph {
  const ids = new Set(members.map((m) => m.article.id));
  const nodes: GraphNode[] = members.map((m) => ({
    id: m.article.id, kind: 'article', label: label(m), outlet: m.article.outlet, published: m.article.published,
  }));
  const edges: GraphEdge[] = [];
  const copiesOfHidden = new Set(hidden?.copies ?? []);
  if (hidden) {
    nodes.push({ id: hidden.id, kind: 'hidden_source', label: hidden.name ?? 'unknown source', outlet: hidden.name, published: null });
    for (const c of hidden.copies) {
      edges.push({ from: hidden.id, to: c, relation: 'derived_from_hidden', directed: true, confidence: hidden.confidence, reasons: hidden.evidence });
    }
  }
  for (const r of relations) {
    if (!ids.has(r.a) || !ids.has(r.b) || !DERIVED_RELATIONS.includes(r.relation)) continue;
    const bothFromHidden = copiesOfHidden.has(r.a) && copiesOfHidden.has(r.b) && r.direction === null;
    if (bothFromHidden) continue; // explained by the hidden source's edges
    const [from, to] = r.direction === 'b->a' ? [r.b, r.a] : [r.a, r.b];
    edges.push({ from, to, relation: r.relation, directed: r.direction !== null, confidence: r.confidence, reasons: r.direction_reasons });
  }
  edges.sort((x, y) => (x.from + x.to < y.from + y.to ? -1 : 1));
  const timeline = members
    .map((m) => ({ date: m.article.published, id: m.article.id, label: label(m) }))
    .sort((x, y) => (x.date ?? '9999') .localeCompare(y.date ?? '9999') || x.id.localeCompare(y.id));
  return { nodes: nodes.sort((x, y) => x.id.localeCompare(y.id)), edges, timeline };
}

const COLORS: Record<string, string> = {
  duplicate: 'black', near_duplicate: 'gray30', spun_copy: 'red', excerpt: 'blue', abridged: 'darkgreen',
  rewrite: 'orange', derived_from_hidden: 'purple', same_event: 'gray60',
};

function dotString(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ') + '"';
}

/** Graphviz DOT of a derivation graph: left to right in time, edges coloured by relation. */
export function toDot(g: DerivationGraph, name = 'story'): string {
  const lines = [`digraph ${dotString(name)} {`, '  rankdir=LR;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of g.nodes) {
    const text = `${n.label}${n.outlet && n.kind === 'article' ? `\\n${n.outlet}` : ''}${n.published ? `\\n${n.published}` : ''}`;
    const style = n.kind === 'hidden_source' ? ', style=dashed, color=purple' : '';
    lines.push(`  ${dotString(n.id)} [label=${dotString(text).replace(/\\\\n/g, '\\n')}${style}];`);
  }
  for (const e of g.edges) {
    const color = COLORS[e.relation] ?? 'black';
    lines.push(`  ${dotString(e.from)} -> ${dotString(e.to)} [label=${dotString(e.relation)}, color=${color}${e.directed ? '' : ', dir=none'}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
