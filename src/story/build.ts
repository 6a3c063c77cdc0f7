import type { PairRelation, Span } from '../types.js';
import { DERIVED_RELATIONS } from '../types.js';
import type { AnalyzedArticle, CreditLike } from '../relate/analyzed.js';
import { sameOutlet } from './credit-outlet.js';
import { clusterStories, type ClusterOptions } from './cluster.js';
import { buildGraph, type DerivationGraph } from './graph.js';
import { detectHiddenSource, type HiddenSource } from './hidden-source.js';
import { reconstructSource, type ReconstructedSegment } from './reconstruct.js';

export interface CreditCheck {
  document: string;
  /** true: credits its source; false: reuses without credit; null: not derived. */
  credits: boolean | null;
  /** The source it derives from: a member id or a hidden source's name. */
  source: string | null;
  /** The crediting words found, as written. */
  evidence: string[];
}

export interface Addition extends Span {
  document: string;
  text: string;
  opinion: boolean;
  cues: string[];
}

export interface Story {
  id: string;
  members: string[];
  title: string | null;
  first_published: string | null;
  last_published: string | null;
  outlets: string[];
  graph: DerivationGraph;
  hidden_sources: Array<HiddenSource & { segments: ReconstructedSegment[] }>;
  credits: CreditCheck[];
  additions: Addition[];
}

export interface StoryDeps {
  opinion(sentence: string): { opinion: boolean; cues: string[] };
}

function storyId(members: string[]): string {
  return 's-' + members[0].slice(0, 12);
}

function isDerived(r: PairRelation): boolean {
  return DERIVED_RELATIONS.includes(r.relation);
}

/** The member or hidden source each derived member comes from (strongest directed edge). */
function sourcesOf(members: AnalyzedArticle[], rels: PairRelation[], hidden: HiddenSource | null): Map<string, string> {
  const out = new Map<string, string>();
  const best = new Map<string, number>();
  for (const r of rels) {
    if (!isDerived(r) || r.direction === null) continue;
    const [src, copy] = r.direction === 'a->b' ? [r.a, r.b] : [r.b, r.a];
    if ((best.get(copy) ?? -1) < r.confidence) {
      best.set(copy, r.confidence);
      out.set(copy, src);
    }
  }
  for (const c of hidden?.copies ?? []) if (!out.has(c)) out.set(c, hidden!.id);
  return out;
}

function creditMatches(c: CreditLike, outlet: string | null, authors: string[]): boolean {
  if (c.strength !== 'attribution') return false;
  if (outlet && c.outlet && sameOutlet(c.outlet, outlet)) return true;
  return authors.some((a) => c.authors.some((b) => b.toLowerCase() === a.toLowerCase()));
}

function creditChecks(members: AnalyzedArticle[], sources: Map<string, string>, hidden: HiddenSource | null): CreditCheck[] {
  const byId = new Map(members.map((m) => [m.article.id, m]));
  return members.map((m) => {
    const src = sources.get(m.article.id) ?? null;
    if (src === null) return { document: m.article.id, credits: null, source: null, evidence: [] };
    const isHidden = hidden !== null && src === hidden.id;
    const outlet = isHidden ? hidden!.name : byId.get(src)?.article.outlet ?? null;
    const authors = isHidden ? hidden!.authors : [byId.get(src)?.article.author].filter((x): x is string => !!x);
    const found = m.credits.filter((c) => creditMatches(c, outlet, authors));
    return { document: m.article.id, credits: found.length > 0, source: isHidden ? hidden!.name ?? hidden!.id : src, evidence: found.map((c) => c.text ?? c.outlet ?? '') };
  });
}

/** Sentences of derived members that no derived relation inside the story aligns. */
function additions(members: AnalyzedArticle[], rels: PairRelation[], sources: Map<string, string>, deps: StoryDeps): Addition[] {
  const out: Addition[] = [];
  for (const m of members) {
    const id = m.article.id;
    if (!sources.has(id)) continue;
    const covered: Array<[number, number]> = [];
    for (const r of rels) if (isDerived(r) && (r.a === id || r.b === id)) for (const p of r.passages) covered.push(r.a === id ? p.a : p.b);
    for (const s of m.article.sentences) {
      const overlap = covered.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, s.end) - Math.max(a, s.start)), 0);
      if (overlap > 0.2 * (s.end - s.start)) continue;
      const text = m.article.text.slice(s.start, s.end);
      const o = deps.opinion(text);
      out.push({ document: id, start: s.start, end: s.end, text, opinion: o.opinion, cues: o.cues });
    }
  }
  return out;
}

/** From analysed articles and their pairwise relations to stories with their provenance. */
export function buildStories(
  articles: readonly AnalyzedArticle[],
  relations: readonly PairRelation[],
  deps: StoryDeps,
  clusterOptions: Partial<ClusterOptions> = {},
): Story[] {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  const groups = clusterStories([...byId.keys()], relations, clusterOptions);
  const relationsOf = relationsByGroup(groups, relations);
  return groups.map((ids, g) => {
    const members = ids.map((id) => byId.get(id)!);
    const rels = relationsOf[g];
    const id = storyId(ids);
    const hidden = detectHiddenSource(id, members, rels);
    const hiddenOut = hidden ? [withText(hidden, members, rels)] : [];
    const sources = sourcesOf(members, rels, hidden);
    const dates = members.map((m) => m.article.published).filter((d): d is string => !!d).sort();
    const graph = buildGraph(members, rels, hidden);
    return {
      id, members: ids,
      title: graph.timeline.map((t) => byId.get(t.id)!.article.title).find((t) => !!t) ?? null,
      first_published: dates[0] ?? null, last_published: dates[dates.length - 1] ?? null,
      outlets: [...new Set(members.map((m) => m.article.outlet).filter((o): o is string => !!o))].sort(),
      graph, hidden_sources: hiddenOut,
      credits: creditChecks(members, sources, hidden),
      additions: additions(members, rels, sources, deps),
    };
  });
}

/** The relations inside each group (both ends members), in input order: one pass, not one per group. */
function relationsByGroup(groups: readonly string[][], relations: readonly PairRelation[]): PairRelation[][] {
  const groupOf = new Map<string, number>();
  groups.forEach((ids, g) => ids.forEach((id) => groupOf.set(id, g)));
  const out = groups.map((): PairRelation[] => []);
  for (const r of relations) {
    const g = groupOf.get(r.a);
    if (g !== undefined && g === groupOf.get(r.b)) out[g].push(r);
  }
  return out;
}

function withText(h: HiddenSource, members: AnalyzedArticle[], rels: PairRelation[]): HiddenSource & { segments: ReconstructedSegment[] } {
  const copies = members.filter((m) => h.copies.includes(m.article.id));
  const r = reconstructSource(copies, rels);
  return { ...h, text: r.text, segments: r.segments };
}
