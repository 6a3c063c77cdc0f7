import type { Alignment, Token } from '../types.js';
import type { AnalyzedArticle } from './analyzed.js';
import { overlap, sharedCount, termCosine } from './topic.js';
import { sharedQuotes } from './quotes-shared.js';
import { credits, sharedCreditedOutlets } from './direction.js';
import { processFeatures, type ProcessFeatures } from './process-features.js';

/**
 * The measured facts about a pair that the relation and direction decisions read. All are
 * numbers so they can be printed, logged, and compared across runs.
 */
export interface PairFeatures extends ProcessFeatures {
  share_a: number;
  share_b: number;
  /** Coverage of the shorter / longer text (by content tokens). */
  share_small: number;
  share_large: number;
  /** Content tokens of the shorter over the longer text. */
  length_ratio: number;
  /** Of the aligned tokens (a side): identical, synonym swaps, other replacements. */
  identical: number;
  synonym_rate: number;
  replaced_rate: number;
  longest_run: number;
  order_kept: number;
  passages: number;
  /** How much of the longer text's aligned stretch is one contiguous block (1 = one block). */
  contiguity: number;
  topic_cosine: number;
  entity_overlap: number;
  shared_entities: number;
  number_overlap: number;
  shared_quotes: number;
  broken_a: number;
  broken_b: number;
  /** Coverage counting only content words outside quotation marks (quotes travel between independent reports). */
  unquoted_share_a: number;
  unquoted_share_b: number;
  unquoted_share_small: number;
  /** 1 when one text credits the other's outlet, or both credit the same third outlet. */
  shared_credit: number;
  /** Days between the two publication dates; -1 when either is unknown. */
  date_gap_days: number;
  /** Share of each text's content words whose lemma the other text uses too (order-free reuse of facts and wording). */
  lemma_containment_a: number;
  lemma_containment_b: number;
}

/** What the relation decision (classifyPair) and the direction read: every feature but the ones below. */
export type DecisionFeatures = Omit<PairFeatures, DetailName>;

/**
 * Features only reported, never decided on (the process features, lemma containment, shares
 * outside quotes): a trace ranks every candidate by its decision, and computes these only for
 * the pairs its answer shows (two in five candidates turn out unrelated and are dropped).
 */
type DetailName = keyof ProcessFeatures | 'unquoted_share_a' | 'unquoted_share_b' | 'unquoted_share_small' | 'lemma_containment_a' | 'lemma_containment_b';

/**
 * The features the decision reads, with broken_a / broken_b left at 0: reading broken phrases
 * is the costliest part of analysing a text, the relation decision does not use them, and
 * relate.ts fills them in (withBrokenCounts) for the pairs that need them.
 */
export function decisionFeatures(a: AnalyzedArticle, b: AnalyzedArticle, al: Alignment): DecisionFeatures {
  const s = al.stats;
  const aligned = s.same + s.synonym + s.replaced;
  const aSmall = s.tokens_a <= s.tokens_b;
  const small = Math.min(s.tokens_a, s.tokens_b);
  const large = Math.max(s.tokens_a, s.tokens_b);
  return {
    share_a: al.share_a,
    share_b: al.share_b,
    share_small: aSmall ? al.share_a : al.share_b,
    share_large: aSmall ? al.share_b : al.share_a,
    length_ratio: large === 0 ? 0 : small / large,
    identical: aligned === 0 ? 0 : s.same / aligned,
    synonym_rate: aligned === 0 ? 0 : s.synonym / aligned,
    replaced_rate: aligned === 0 ? 0 : s.replaced / aligned,
    longest_run: s.longest_run,
    order_kept: s.order_kept,
    passages: al.passages.length,
    contiguity: contiguity(al, aSmall ? 'b' : 'a'),
    topic_cosine: termCosine(a.topic, b.topic),
    entity_overlap: overlap(a.topic.entities, b.topic.entities),
    shared_entities: sharedCount(a.topic.entities, b.topic.entities),
    number_overlap: overlap(a.topic.numbers, b.topic.numbers),
    shared_quotes: sharedQuotes(a, b).length,
    broken_a: 0,
    broken_b: 0,
    shared_credit: credits(a, b) || credits(b, a) || sharedCreditedOutlets(a, b).length > 0 ? 1 : 0,
    date_gap_days: dateGapDays(a.article.published, b.article.published),
  };
}

/**
 * Every feature of a pair (broken_a / broken_b left at 0, as in decisionFeatures), in one
 * fixed key order. `decided`: decisionFeatures(a, b, al), when the caller has it already.
 */
export function pairFeatures(a: AnalyzedArticle, b: AnalyzedArticle, al: Alignment, decided?: DecisionFeatures): PairFeatures {
  const d = decided ?? decisionFeatures(a, b, al);
  return {
    share_a: d.share_a,
    share_b: d.share_b,
    share_small: d.share_small,
    share_large: d.share_large,
    length_ratio: d.length_ratio,
    identical: d.identical,
    synonym_rate: d.synonym_rate,
    replaced_rate: d.replaced_rate,
    longest_run: d.longest_run,
    order_kept: d.order_kept,
    passages: d.passages,
    contiguity: d.contiguity,
    topic_cosine: d.topic_cosine,
    entity_overlap: d.entity_overlap,
    shared_entities: d.shared_entities,
    number_overlap: d.number_overlap,
    shared_quotes: d.shared_quotes,
    broken_a: d.broken_a,
    broken_b: d.broken_b,
    ...unquotedShares(a, b, al, al.stats.tokens_a <= al.stats.tokens_b),
    shared_credit: d.shared_credit,
    date_gap_days: d.date_gap_days,
    lemma_containment_a: lemmaContainment(a, b),
    lemma_containment_b: lemmaContainment(b, a),
    ...processFeatures(a, b),
  };
}

/** The features with broken_a / broken_b counted (reads both texts' broken phrases). */
export function withBrokenCounts(f: PairFeatures, a: AnalyzedArticle, b: AnalyzedArticle): PairFeatures {
  return { ...f, broken_a: brokenOnlyIn(a, b).length, broken_b: brokenOnlyIn(b, a).length };
}

/** Share of x's content tokens whose lemma y also has. */
export function lemmaContainment(x: AnalyzedArticle, y: AnalyzedArticle): number {
  const other = contentLemmas(y);
  let n = 0;
  let hit = 0;
  for (const t of x.tokens) {
    if (t.stop) continue;
    n++;
    if (other.has(t.lemma)) hit++;
  }
  return n === 0 ? 0 : hit / n;
}

/** Content lemmas by token array, built once: one text meets many pairs. */
const lemmaSets = new WeakMap<readonly Token[], Set<string>>();

function contentLemmas(y: AnalyzedArticle): Set<string> {
  let set = lemmaSets.get(y.tokens);
  if (!set) {
    set = new Set<string>();
    for (const t of y.tokens) if (!t.stop) set.add(t.lemma);
    lemmaSets.set(y.tokens, set);
  }
  return set;
}

/**
 * Broken set phrases of `x` whose words `y` does not also carry: a phrase both texts share
 * ("water board's" read as a broken "water table") is no sign that one spun the other.
 */
export function brokenOnlyIn(x: AnalyzedArticle, y: AnalyzedArticle): AnalyzedArticle['brokenPhrases'] {
  const other = y.article.text.toLowerCase();
  return x.brokenPhrases.filter((s) => !other.includes(s.a.toLowerCase()));
}

function dateGapDays(x: string | null, y: string | null): number {
  if (!x || !y) return -1;
  const tx = Date.parse(x.slice(0, 10) + 'T00:00:00Z');
  const ty = Date.parse(y.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(tx) || Number.isNaN(ty) ? -1 : Math.abs(tx - ty) / 86_400_000;
}

function unquotedShares(a: AnalyzedArticle, b: AnalyzedArticle, al: Alignment, aSmall: boolean) {
  const ua = coverageOutsideQuotes(a, al.passages.map((p) => p.a));
  const ub = coverageOutsideQuotes(b, al.passages.map((p) => p.b));
  return { unquoted_share_a: ua, unquoted_share_b: ub, unquoted_share_small: aSmall ? ua : ub };
}

/** Share of a text's content tokens outside quotes that lie inside the given ranges. */
export function coverageOutsideQuotes(doc: AnalyzedArticle, ranges: ReadonlyArray<[number, number]>): number {
  // Tokens are in text order: one sweep over sorted spans instead of a search per token.
  const inQuote = sweep(doc.quotes.map((q) => [q.start, q.end] as [number, number]));
  const inRange = sweep(ranges);
  let total = 0;
  let covered = 0;
  for (const t of doc.tokens) {
    if (t.stop || inQuote(t.start)) continue;
    total++;
    if (inRange(t.start)) covered++;
  }
  return total === 0 ? 0 : covered / total;
}

/** A membership test for positions asked in increasing order. */
function sweep(spans: ReadonlyArray<[number, number]>): (at: number) => boolean {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  let i = 0;
  let reach = -1; // furthest end among spans that start at or before the last position asked
  return (at) => {
    while (i < sorted.length && sorted[i][0] <= at) reach = Math.max(reach, sorted[i++][1]);
    return at < reach;
  };
}

/** Aligned characters in one text over the extent from the first to the last passage. */
function contiguity(al: Alignment, side: 'a' | 'b'): number {
  if (al.passages.length === 0) return 0;
  let covered = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of al.passages) {
    const [s, e] = p[side];
    covered += e - s;
    lo = Math.min(lo, s);
    hi = Math.max(hi, e);
  }
  return hi > lo ? Math.min(1, covered / (hi - lo)) : 0;
}
