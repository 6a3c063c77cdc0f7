import type { Lexicon } from '../lexicon/lexicon.js';
import type { Alignment, AlignmentStats, Token } from '../types.js';
import { extendSeeds } from './extend.js';
import { filterPassages, widen } from './filter.js';
import { resolveAlignOptions, type AlignOptions } from './options.js';
import { preparePair, sharedTermCount, type Side } from './prepare.js';
import { diffCluster, type PassageResult } from './passage.js';
import { inverseSentenceFrequency, sentenceSeeds, type Seed } from './seeds.js';
import { contentInside, orderKept } from './stats.js';
import { tileSeeds } from './tiles.js';

export { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './options.js';

/**
 * Aligns the reused passages of two tokenised texts (tokens from `tokenize`, body only).
 * Seeds (similar sentence pairs by tf-isf cosine and Dice, plus Greedy String Tiling runs over
 * canonical content tokens) are clustered into passages by proximity in both texts, validated,
 * and overlaps resolved (Sanchez-Perez, Gelbukh & Sidorov, PAN 2014); inside each passage a
 * Myers token diff gives the edits and word substitutions. Passages are sorted by a-offset.
 */
export function alignTokens(
  textA: string,
  tokensA: Token[],
  textB: string,
  tokensB: Token[],
  lexicon: Lexicon,
  options?: Partial<AlignOptions>,
): Alignment {
  const opts = resolveAlignOptions(options);
  const { a, b, termCount } = preparePair(textA, tokensA, textB, tokensB);
  if (sharedTermCount(a, b, termCount) < opts.minSharedTerms) return emptyAlignment(a, b);
  const isf = inverseSentenceFrequency(a, b, termCount);
  const seeds = [...sentenceSeeds(a, b, isf, opts), ...tileSeeds(a, b, opts)];
  const results = passagesInRounds(seeds, a, b, isf, lexicon, opts);
  const stats = emptyStats(a, b);
  for (const r of results) {
    stats.same += r.counts.same;
    stats.synonym += r.counts.synonym;
    stats.replaced += r.counts.replaced;
    stats.deleted += r.counts.deleted;
    stats.inserted += r.counts.inserted;
    stats.longest_run = Math.max(stats.longest_run, r.counts.longestRun);
  }
  const passages = results.map((r) => r.passage).sort((x, y) => x.a[0] - y.a[0] || x.b[0] - y.b[0]);
  const substitutions = results
    .flatMap((r) => r.substitutions)
    .sort((x, y) => x.a_at - y.a_at || x.b_at - y.b_at);
  stats.order_kept = orderKept(passages);
  return {
    passages,
    share_a: share(contentInside(a, passages.map((p) => p.a)), stats.tokens_a),
    share_b: share(contentInside(b, passages.map((p) => p.b)), stats.tokens_b),
    substitutions,
    stats,
  };
}

/**
 * Extension, filter and diff, repeated: seeds that no passage of a round covers (in either
 * text) are clustered again, with the passages found so far blocking overlaps. This recovers a
 * block that sat inside another passage's bounding box but belongs elsewhere in the other text.
 */
function passagesInRounds(
  seeds: Seed[],
  a: Side,
  b: Side,
  isf: Float64Array,
  lexicon: Lexicon,
  opts: AlignOptions,
): PassageResult[] {
  const results: PassageResult[] = [];
  let pending = seeds;
  for (let round = 0; round < opts.rounds && pending.length > 0; round++) {
    const blockers = results.map((r) => r.box);
    const kept = widen(
      filterPassages(extendSeeds(pending, a, b, isf, opts), opts, blockers),
      blockers,
      a.content.length,
      b.content.length,
      opts.margin,
    );
    const found = kept.flatMap((c) => diffCluster(c, a, b, lexicon, opts));
    if (found.length === 0) break;
    results.push(...found);
    const boxes = results.map((r) => r.box);
    pending = pending.filter((s) => !boxes.some((k) => touches(s, k)));
  }
  return results;
}

const touches = (s: Seed, k: Seed): boolean => (s.a0 < k.a1 && k.a0 < s.a1) || (s.b0 < k.b1 && k.b0 < s.b1);

const share = (part: number, whole: number): number => (whole > 0 ? Math.min(1, part / whole) : 0);

function emptyStats(a: Side, b: Side): AlignmentStats {
  return {
    tokens_a: a.content.length,
    tokens_b: b.content.length,
    same: 0,
    synonym: 0,
    replaced: 0,
    deleted: 0,
    inserted: 0,
    longest_run: 0,
    order_kept: 1,
  };
}

function emptyAlignment(a: Side, b: Side): Alignment {
  return { passages: [], share_a: 0, share_b: 0, substitutions: [], stats: emptyStats(a, b) };
}
