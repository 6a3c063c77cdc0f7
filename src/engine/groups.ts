import type { PairRelation } from '../types.js';
import { DERIVED_RELATIONS } from '../types.js';
import { pairKey, type PairKey } from './candidates.js';

/** Pairs inside groups joined by story-forming links that were never compared (≤ cap members). */
export function completeGroups(ids: string[], relations: PairRelation[], done: Set<PairKey>, cap = 60): PairKey[] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const r of relations) {
    if (DERIVED_RELATIONS.includes(r.relation) || r.relation === 'same_event') parent.set(find(r.a), find(r.b));
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(find(id), [...(groups.get(find(id)) ?? []), id]);
  const out: PairKey[] = [];
  for (const g of groups.values()) {
    if (g.length < 3 || g.length > cap) continue;
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (!done.has(pairKey(g[i], g[j]))) out.push(pairKey(g[i], g[j]));
  }
  return out.sort();
}
