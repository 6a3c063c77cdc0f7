import type { PairRelation } from '../types.js';
import { DERIVED_RELATIONS } from '../types.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';
import { outletKey, sameOutlet } from './credit-outlet.js';

/** A source text that several members derive from but no stored article holds. */
export interface HiddenSource {
  id: string;
  /** The credited outlet (as the copies write it), or null when no copy names one. */
  name: string | null;
  authors: string[];
  /** Members that derive from it. */
  copies: string[];
  /** Reconstructed text (see reconstruct.ts); filled by the caller. */
  text: string;
  evidence: string[];
  confidence: number;
}

interface Tally {
  key: string;
  names: Map<string, number>;
  authors: Set<string>;
  score: number;
  docs: Set<string>;
  evidence: string[];
}

/** Outlets the members credit (attribution counts twice a mention), best first. */
export function creditedOutlets(members: readonly AnalyzedArticle[]): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const m of members) {
    for (const c of m.credits) {
      // A copyright line is the page's own publisher, not where its text came from.
      if (!c.outlet || c.kind === 'copyright') continue;
      const outlet = c.outlet;
      const existing = [...tallies.values()].find((t) => [...t.names.keys()].some((n) => sameOutlet(n, outlet)));
      const key = outletKey(outlet);
      const t: Tally = existing ?? { key, names: new Map(), authors: new Set(), score: 0, docs: new Set(), evidence: [] };
      if (!existing) tallies.set(key, t);
      if (key.length > t.key.length) t.key = key; // keep the fullest form ("washingtontimes" over "times")
      t.names.set(c.outlet, (t.names.get(c.outlet) ?? 0) + 1);
      for (const a of c.authors) t.authors.add(a);
      t.score += c.strength === 'attribution' ? 2 : 1;
      t.docs.add(m.article.id);
      t.evidence.push(`${m.article.id} ${c.strength === 'attribution' ? 'credits' : 'mentions'} "${c.text ?? c.outlet}"`);
    }
  }
  return [...tallies.values()].sort((x, y) => y.score - x.score || y.docs.size - x.docs.size || (x.key < y.key ? -1 : 1));
}

function displayName(t: Tally): string {
  // The longest written form, capitalised as a copy wrote it ("The Washington Times").
  return [...t.names.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1))[0];
}

/** Members with no derived source inside the story (by directed edges). */
function rootsOf(ids: string[], derived: PairRelation[]): string[] {
  const hasSource = new Set<string>();
  for (const r of derived) {
    if (r.direction === 'a->b') hasSource.add(r.b);
    if (r.direction === 'b->a') hasSource.add(r.a);
  }
  return ids.filter((id) => !hasSource.has(id));
}

/**
 * Proposes a hidden source when the story's derived members cannot all come from one member:
 * two or more roots tied by derived links (siblings), or copies crediting an outlet that no
 * member belongs to. Names it after the outlet the copies credit most.
 */
export function detectHiddenSource(
  storyId: string,
  members: readonly AnalyzedArticle[],
  relations: readonly PairRelation[],
): HiddenSource | null {
  const ids = members.map((m) => m.article.id).sort();
  const inStory = new Set(ids);
  const derived = relations.filter((r) => inStory.has(r.a) && inStory.has(r.b) && DERIVED_RELATIONS.includes(r.relation));
  if (derived.length === 0) return null;
  const linked = new Set(derived.flatMap((r) => [r.a, r.b]));
  const roots = rootsOf([...linked].sort(), derived);
  const ownOutlets = members.map((m) => m.article.outlet).filter((x): x is string => !!x);
  const credited = creditedOutlets(members.filter((m) => linked.has(m.article.id))).filter(
    (t) => !ownOutlets.some((o) => [...t.names.keys()].some((n) => sameOutlet(n, o))),
  );
  const top = credited.find((t) => t.score >= 2) ?? null;
  const siblings = roots.length >= 2;
  if (!siblings && !top) return null;
  const evidence: string[] = [];
  if (siblings) evidence.push(`${roots.length} members share text yet none can be the source of the others (${roots.join(', ')})`);
  if (top) evidence.push(...top.evidence);
  const copies = siblings ? roots : [...linked].sort();
  return {
    id: `${storyId}:hidden`,
    name: top ? displayName(top) : null,
    authors: top ? [...top.authors].sort() : [],
    copies,
    text: '',
    evidence,
    confidence: Math.min(0.95, 0.4 + (siblings ? 0.25 : 0) + (top ? Math.min(0.3, top.score * 0.05) : 0)),
  };
}
