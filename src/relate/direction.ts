import type { RelationType } from '../types.js';
import { DERIVED_RELATIONS } from '../types.js';
import type { AnalyzedArticle, CreditLike } from './analyzed.js';
import { outletKey, sameOutlet } from '../story/credit-outlet.js';
import type { DecisionFeatures } from './features.js';

export interface DirectionResult {
  /** "a->b": a is the source of b. */
  direction: 'a->b' | 'b->a' | null;
  confidence: number;
  reasons: string[];
}

/** Does `copy` attribute its text to `source` (by outlet or author name)? */
export function credits(copy: AnalyzedArticle, source: AnalyzedArticle): boolean {
  const outlet = source.article.outlet;
  const author = source.article.author?.toLowerCase() ?? null;
  const names = (c: CreditLike) =>
    c.strength === 'attribution' &&
    ((outlet !== null && c.outlet !== null && sameOutlet(c.outlet, outlet)) ||
      (author !== null && c.authors.some((x) => author.includes(x.toLowerCase()))));
  // credits ⊆ possibleCredits: no possible credit naming the source means no credit does
  if (copy.possibleCredits && !copy.possibleCredits.some(names)) return false;
  return copy.credits.some(names);
}

const namedOutlets = (cs: readonly CreditLike[]) => cs.map((c) => c.outlet).filter((o): o is string => !!o);

/** Outlets both texts attribute their material to (neither's own): a shared third source. */
export function sharedCreditedOutlets(a: AnalyzedArticle, b: AnalyzedArticle): string[] {
  const own = [a.article.outlet, b.article.outlet].filter((x): x is string => !!x);
  const shared = (fromA: string[], fromB: string[]) => fromA.filter((name) => fromB.some((x) => sameOutlet(x, name)) && !own.some((o) => sameOutlet(o, name)));
  // the answer only shrinks from possible credits to credits: none possible, none found
  if (a.possibleCredits && b.possibleCredits && shared(namedOutlets(a.possibleCredits), namedOutlets(b.possibleCredits)).length === 0) return [];
  const out = new Map<string, string>();
  for (const name of shared(namedOutlets(a.credits), namedOutlets(b.credits))) out.set(outletKey(name), name);
  return [...out.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([, name]) => name);
}

/** Publication time in ms; dates without a time compare by day only. */
function timeOf(iso: string | null): { t: number; day: boolean } | null {
  if (!iso) return null;
  const day = iso.length <= 10;
  const t = Date.parse(day ? iso + 'T00:00:00Z' : iso);
  return Number.isNaN(t) ? null : { t, day };
}

/** -1: x first, 1: y first, 0: unknown or the same (a date without a time can't order one day). */
function whichFirst(x: string | null, y: string | null): number {
  const a = timeOf(x);
  const b = timeOf(y);
  if (!a || !b) return 0;
  const dayA = Math.floor(a.t / 86_400_000);
  const dayB = Math.floor(b.t / 86_400_000);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  if (a.day || b.day || a.t === b.t) return 0;
  return a.t < b.t ? -1 : 1;
}

/**
 * Weighs the clues for which text is the source. Positive votes point a->b. Each clue adds
 * its reason, so a user sees why. Not-derived relations have no direction.
 */
export function decideDirection(
  a: AnalyzedArticle,
  b: AnalyzedArticle,
  f: DecisionFeatures,
  relation: RelationType,
): DirectionResult {
  if (!DERIVED_RELATIONS.includes(relation)) return { direction: null, confidence: 0, reasons: [] };
  const reasons: string[] = [];
  let vote = 0;
  const first = whichFirst(a.article.published, b.article.published);
  if (first !== 0) {
    vote += first < 0 ? 2 : -2;
    reasons.push(`${first < 0 ? 'a' : 'b'} was published first (${a.article.published} vs ${b.article.published})`);
  }
  if (credits(b, a)) {
    vote += 3;
    reasons.push('b credits a');
  }
  if (credits(a, b)) {
    vote -= 3;
    reasons.push('a credits b');
  }
  if ((relation === 'excerpt' || relation === 'abridged') && f.length_ratio < 0.9) {
    const aShorter = f.share_a === f.share_small;
    vote += aShorter ? -2 : 2;
    reasons.push(`${aShorter ? 'a' : 'b'} is the shorter text and lies inside the other`);
  }
  if (f.broken_a !== f.broken_b && (f.broken_a === 0 || f.broken_b === 0)) {
    vote += f.broken_b > f.broken_a ? 2 : -2;
    reasons.push(`${f.broken_b > f.broken_a ? 'b' : 'a'} holds broken set phrases the other does not`);
  }
  const third = sharedCreditedOutlets(a, b);
  if (third.length > 0 && !credits(a, b) && !credits(b, a)) {
    reasons.push(`both credit ${third.join(', ')}: siblings of that source`);
    return { direction: null, confidence: 0.7, reasons };
  }
  if (Math.abs(vote) < 1) return { direction: null, confidence: 0, reasons: reasons.length ? reasons : ['no clue to direction'] };
  const confidence = Math.round((1 - Math.exp(-Math.abs(vote) / 2.5)) * 100) / 100;
  return { direction: vote > 0 ? 'a->b' : 'b->a', confidence, reasons };
}
