/**
 * The derivation graph drawn as SVG, laid out here: x follows the timeline (hidden sources
 * first, then articles by date), y is the derivation depth (a copy sits below its source).
 * Edges run source → copy, coloured by relation; undirected ones are dashed.
 */
import { href } from '../router';
import type { GraphEdge, GraphNode, Story } from '../types';
import { RELATION_COLORS } from './common';

const COL = 180;
const ROW = 110;
const W = 160;
const H = 62;
const PAD = 24;
const TOP = 40;

interface Placed extends GraphNode {
  x: number;
  y: number;
  col: number;
}

/** Depth of each node along directed edges (roots 0); bounded by the node count against cycles. */
function depths(nodes: GraphNode[], edges: GraphEdge[]): Map<string, number> {
  const depth = new Map(nodes.map((n) => [n.id, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      if (!e.directed || !depth.has(e.from) || !depth.has(e.to)) continue;
      const want = depth.get(e.from)! + 1;
      if (want > depth.get(e.to)! && want < nodes.length) {
        depth.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return depth;
}

export function layout(story: Story): Placed[] {
  const { nodes, edges, timeline } = story.graph;
  const order = [...nodes.filter((n) => n.kind === 'hidden_source').map((n) => n.id), ...timeline.map((t) => t.id)];
  for (const n of nodes) if (!order.includes(n.id)) order.push(n.id);
  const depth = depths(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return order.map((id, col) => ({ ...byId.get(id)!, col, x: PAD + col * COL, y: TOP + depth.get(id)! * ROW }));
}

/** Where the line from a box's centre towards (dx, dy) leaves the box. */
function exitPoint(cx: number, cy: number, dx: number, dy: number): [number, number] {
  const sx = dx === 0 ? Infinity : W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

function edgePath(from: Placed, to: Placed): string {
  const [fx, fy, tx, ty] = [from.x + W / 2, from.y + H / 2, to.x + W / 2, to.y + H / 2];
  const [dx, dy] = [tx - fx, ty - fy];
  const len = Math.hypot(dx, dy) || 1;
  // Long edges bend away from the boxes between their ends.
  const bend = Math.min(0.25 * len, 90) * (len > COL * 1.5 ? 1 : 0.3);
  const [cx, cy] = [(fx + tx) / 2 + (dy / len) * bend, (fy + ty) / 2 - (dx / len) * bend];
  const [sx, sy] = exitPoint(fx, fy, cx - fx, cy - fy);
  const [ex, ey] = exitPoint(tx, ty, cx - tx, cy - ty);
  return `M${sx.toFixed(1)},${sy.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function StoryGraph({ story }: { story: Story }) {
  const placed = layout(story);
  const byId = new Map(placed.map((p) => [p.id, p]));
  const relations = [...new Set(story.graph.edges.map((e) => e.relation))].sort();
  const width = PAD * 2 + Math.max(1, placed.length) * COL - (COL - W);
  const height = TOP + (Math.max(0, ...placed.map((p) => p.y - TOP)) + H) + PAD;
  return (
    <figure className="graph">
      <svg data-testid="story-graph" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="derivation graph">
        <defs>
          {relations.map((r) => (
            <marker key={r} id={`arrow-${r}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={RELATION_COLORS[r] ?? '#555'} />
            </marker>
          ))}
        </defs>
        {placed.map((p, i) => {
          const date = p.published?.slice(0, 10) ?? (p.kind === 'hidden_source' ? 'earlier' : 'no date');
          const prev = i > 0 ? placed[i - 1].published?.slice(0, 10) ?? 'no date' : null;
          return date !== prev ? (
            <text key={'d' + p.id} className="axis" x={p.x + W / 2} y={16} textAnchor="middle">
              {date}
            </text>
          ) : null;
        })}
        {story.graph.edges.map((e) => {
          const [from, to] = [byId.get(e.from), byId.get(e.to)];
          if (!from || !to) return null;
          const color = RELATION_COLORS[e.relation] ?? '#555';
          return (
            <path key={e.from + e.to} className="edge" data-relation={e.relation} d={edgePath(from, to)} stroke={color} strokeWidth={2 + 2 * e.confidence} fill="none"
              strokeDasharray={e.directed ? undefined : '6 4'} markerEnd={e.directed ? `url(#arrow-${e.relation})` : undefined}>
              <title>{`${e.relation.replace(/_/g, ' ')} (${Math.round(e.confidence * 100)}%)${e.reasons.length ? ': ' + e.reasons.join('; ') : ''}`}</title>
            </path>
          );
        })}
        {placed.map((p) => (
          <a key={p.id} href={p.kind === 'article' ? href(['article', p.id]) : '#hidden-source'} className={`node ${p.kind}`} data-id={p.id}>
            <rect x={p.x} y={p.y} width={W} height={H} rx={8} />
            <text x={p.x + 8} y={p.y + 18} className="node-outlet">{cut(p.outlet ?? (p.kind === 'hidden_source' ? 'hidden source' : 'unknown outlet'), 22)}</text>
            <text x={p.x + 8} y={p.y + 35} className="node-label">{cut(p.label, 24)}</text>
            <text x={p.x + 8} y={p.y + 52} className="node-date">{p.kind === 'hidden_source' ? 'not in the store' : p.published?.slice(0, 10) ?? 'no date'}</text>
            <title>{p.label}</title>
          </a>
        ))}
      </svg>
      <figcaption className="graph-legend">
        {relations.map((r) => (
          <span key={r} className="legend-item">
            <svg width="28" height="10" aria-hidden="true"><line x1="0" y1="5" x2="28" y2="5" stroke={RELATION_COLORS[r] ?? '#555'} strokeWidth="3" /></svg>
            {r === 'derived_from_hidden' ? 'from hidden source' : r.replace(/_/g, ' ')}
          </span>
        ))}
        <span className="legend-item"><span className="swatch-hidden" /> hidden source (reconstructed)</span>
        <span className="legend-item muted">arrows point from source to copy; dashed: direction unknown</span>
      </figcaption>
    </figure>
  );
}
