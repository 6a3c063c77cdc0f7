import type { PairRelation, RelationType } from '../types.js';

/** How strongly a relation ties two articles into one story (0: never). */
export interface ClusterOptions {
  /** Link weight per relation type. related and unrelated never join a story. */
  weights: Record<RelationType, number>;
  /**
   * Two groups merge only when the average link weight over ALL their member pairs reaches
   * this (pairs never compared count as 0). Average linkage, not single linkage: a chain of
   * weak links cannot pull unrelated material in (text-dedup's union-find failure).
   */
  minAverageLink: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  weights: {
    duplicate: 1,
    near_duplicate: 1,
    spun_copy: 1,
    excerpt: 1,
    abridged: 1,
    rewrite: 0.9,
    same_event: 0.8,
    related: 0,
    unrelated: 0,
  },
  minAverageLink: 0.5,
};

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/**
 * Groups articles into stories by average-linkage agglomeration over the relation graph.
 * Deterministic: ties break on the sorted member ids. Returns groups sorted by their
 * smallest id, members sorted; singletons included.
 *
 * Each connected component of the weighted graph is agglomerated on its own: a merge needs an
 * edge, so groups never cross components, and a merge in one component changes no link in
 * another. The result is the one a single pass over the whole graph gives, in time that grows
 * with the components' sizes rather than with (merges × all edges).
 */
export function clusterStories(
  ids: readonly string[],
  relations: readonly PairRelation[],
  options: Partial<ClusterOptions> = {},
): string[][] {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const weight = linkWeights(relations, o);
  const groups: string[][] = [];
  const edgesOf = componentEdges(ids, weight);
  for (const id of ids) if (!edgesOf.has(id)) groups.push([id]);
  for (const [members, keys] of edgesOf.components()) groups.push(...agglomerate(members, keys, weight, o.minAverageLink));
  return groups.map((g) => [...g].sort()).sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

/** The strongest weight of each linked pair (keyed by pairKey). */
function linkWeights(relations: readonly PairRelation[], o: ClusterOptions): Map<string, number> {
  const weight = new Map<string, number>();
  for (const r of relations) {
    const w = o.weights[r.relation] ?? 0;
    if (w > 0) weight.set(pairKey(r.a, r.b), Math.max(w * Math.max(0.5, r.confidence), weight.get(pairKey(r.a, r.b)) ?? 0));
  }
  return weight;
}

/** Connected components of the weighted pairs among `ids`: members and edge keys of each. */
function componentEdges(ids: readonly string[], weight: Map<string, number>) {
  const known = new Set(ids);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const edges: Array<[string, string, string]> = [];
  for (const key of weight.keys()) {
    const [x, y] = key.split('\u0000');
    if (!known.has(x) || !known.has(y)) continue;
    for (const v of [x, y]) if (!parent.has(v)) parent.set(v, v);
    edges.push([x, y, key]);
    const rx = find(x), ry = find(y);
    if (rx !== ry) parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
  }
  return {
    has: (id: string) => parent.has(id),
    components(): Array<[string[], string[]]> {
      const byRoot = new Map<string, [string[], string[]]>();
      const entry = (root: string) => byRoot.get(root) ?? byRoot.set(root, [[], []]).get(root)!;
      for (const v of parent.keys()) entry(find(v))[0].push(v);
      for (const [x, , key] of edges) entry(find(x))[1].push(key);
      return [...byRoot.values()];
    },
  };
}

/** Repeatedly merges the best pair of groups joined by at least one edge, in one component. */
function agglomerate(members: string[], keys: string[], weight: Map<string, number>, minAverageLink: number): string[][] {
  const groups = new Map<string, string[]>();
  const groupOf = new Map<string, string>();
  for (const id of [...members].sort()) {
    groups.set(id, [id]);
    groupOf.set(id, id);
  }
  const link = (g: string[], h: string[]): number => {
    let sum = 0;
    for (const x of g) for (const y of h) sum += weight.get(pairKey(x, y)) ?? 0;
    return sum / (g.length * h.length);
  };
  const sortedKeys = [...keys].sort();
  for (;;) {
    let best: { g: string; h: string; w: number } | null = null;
    const seen = new Set<string>();
    for (const key of sortedKeys) {
      const [x, y] = key.split('\u0000');
      const g = groupOf.get(x)!;
      const h = groupOf.get(y)!;
      if (g === h) continue;
      const gk = pairKey(g, h);
      if (seen.has(gk)) continue;
      seen.add(gk);
      const w = link(groups.get(g)!, groups.get(h)!);
      if (w >= minAverageLink && (!best || w > best.w + 1e-12)) best = { g: g < h ? g : h, h: g < h ? h : g, w };
    }
    if (!best) break;
    const merged = [...groups.get(best.g)!, ...groups.get(best.h)!].sort();
    groups.delete(best.h);
    groups.set(best.g, merged);
    for (const m of merged) groupOf.set(m, best.g);
  }
  return [...groups.values()];
}
