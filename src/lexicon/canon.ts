/**
 * Synonym classes for `Lexicon.canon`: an equivalence relation over single-word lemmas that
 * makes the common swaps of article spinners equal without chaining the language together.
 *
 * Why not the obvious choices: "smallest synset id among the lemma's synsets" is not
 * transitive (a~b and b~c but a!~c), and union-find over every synonym pair joins a third of
 * WordNet into one class through polysemous hubs ("take", "run", "break"). Here classes grow
 * by average linkage: candidate pairs are taken strongest first (pairs sharing a synset that is
 * a frequent sense of both words), and two classes merge only while the result stays small and
 * most of their cross pairs share a synset. A class is therefore close to a clique of mutual
 * synonyms.
 */
import type { WordNetDump } from './wordnet.js';
import { POS_FILES } from './wordnet.js';

export interface CanonOptions {
  /** Largest class allowed. */
  maxClassSize: number;
  /** Share of cross pairs (one word from each class) that must share a synset for a merge. */
  minLinkage: number;
  /**
   * A shared synset proposes a pair only if it carries at least this share of each word's use
   * (SemCor tag counts, add-one smoothed): "have"/"feature" share a rare sense of "feature" only.
   */
  minSenseShare: number;
}

export const DEFAULT_CANON_OPTIONS: CanonOptions = { maxClassSize: 12, minLinkage: 0.34, minSenseShare: 0.05 };

interface CandidatePair {
  a: string;
  b: string;
  score: number;
  /** Part of speech of the shared synset. */
  pos: string;
}

/** Single-word, lower-case lemma: the only kind a token can carry. */
const isWord = (w: string): boolean => /^[a-z][a-z'-]*$/.test(w);

/** Share of a lemma's tagged uses that fall in this synset, add-one smoothed over all its senses. */
function senseShare(dump: WordNetDump, lemma: string, synset: number, totals: Map<string, number>): number {
  let total = totals.get(lemma);
  if (total === undefined) {
    total = 0;
    const entry = dump.senses.get(lemma) ?? {};
    for (const pos of POS_FILES) for (const s of entry[pos] ?? []) total += 1 + (dump.tagCounts.get(`${lemma}|${s}`) ?? 0);
    totals.set(lemma, total);
  }
  return (1 + (dump.tagCounts.get(`${lemma}|${synset}`) ?? 0)) / Math.max(total, 1);
}

function candidatePairs(dump: WordNetDump, opts: CanonOptions): { pairs: CandidatePair[]; linked: Set<string> } {
  const best = new Map<string, CandidatePair>();
  const linked = new Set<string>();
  const totals = new Map<string, number>();
  dump.synsets.forEach((s, id) => {
    const pos = s.pos;
    const words = s.members.filter((w, i) => s.lowerCase[i] && isWord(w));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const [a, b] = words[i] < words[j] ? [words[i], words[j]] : [words[j], words[i]];
        if (a === b) continue;
        const key = `${a} ${b}`;
        linked.add(key);
        const score = Math.min(senseShare(dump, a, id, totals), senseShare(dump, b, id, totals));
        if (score < opts.minSenseShare) continue;
        const old = best.get(key);
        if (!old || score > old.score) best.set(key, { a, b, score, pos });
      }
    }
  });
  const pairs = [...best.values()].sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  return { pairs, linked };
}

/** Maps every lemma that joined a class of two or more to its class representative (the first member alphabetically). */
export function buildCanonClasses(dump: WordNetDump, options: Partial<CanonOptions> = {}): Map<string, string> {
  const opts = { ...DEFAULT_CANON_OPTIONS, ...options };
  const { pairs, linked } = candidatePairs(dump, opts);
  const classOf = new Map<string, string[]>();
  const classPos = new Map<string[], string>();
  const members = (w: string): string[] => {
    let c = classOf.get(w);
    if (!c) classOf.set(w, (c = [w]));
    return c;
  };
  // A class keeps the part of speech it was formed in: "say/state" (verbs) must not pull in
  // "province" through the noun sense of "state".
  const posFits = (c: string[], pos: string): boolean => c.length === 1 || classPos.get(c) === pos;
  const isLinked = (x: string, y: string): boolean => linked.has(x < y ? `${x} ${y}` : `${y} ${x}`);
  for (const { a, b, pos } of pairs) {
    const ca = members(a);
    const cb = members(b);
    if (ca === cb || ca.length + cb.length > opts.maxClassSize || !posFits(ca, pos) || !posFits(cb, pos)) continue;
    let links = 0;
    for (const x of ca) for (const y of cb) if (isLinked(x, y)) links++;
    if (links < opts.minLinkage * ca.length * cb.length) continue;
    const merged = ca.concat(cb);
    classPos.set(merged, pos);
    for (const w of merged) classOf.set(w, merged);
  }
  const canon = new Map<string, string>();
  for (const [w, c] of classOf) {
    if (c.length < 2) continue;
    let rep = c[0];
    for (const m of c) if (m < rep) rep = m;
    canon.set(w, rep);
  }
  return canon;
}
