import type { Lexicon } from '../lexicon/lexicon.js';
import type { AlignedPassage, Substitution } from '../types.js';
import { buildEdits, type EditCounts } from './edits.js';
import type { Cluster } from './extend.js';
import { diffHunks, isContentMatch, trimHunks, type Hunk } from './hunks.js';
import type { AlignOptions } from './options.js';
import type { Side } from './prepare.js';
import type { Seed } from './seeds.js';
import { contentInside } from './stats.js';
import { findSubstitutions } from './substitutions.js';

/** One finished passage with what the alignment totals need. */
export interface PassageResult {
  passage: AlignedPassage;
  substitutions: Substitution[];
  counts: EditCounts;
  /** The passage's extent in content positions, for blocking later rounds. */
  box: Seed;
}

/**
 * Diffs a kept cluster's two fragments and cuts the diff where one side has `splitGap` or more
 * unmatched content tokens in a row: a cluster's bounding box can hold a block the other text
 * has elsewhere, and the diff, which keeps one order, leaves it unmatched. Each piece, trimmed
 * to its matched words, is a passage if it still matches `minPassageTokens` content tokens.
 */
export function diffCluster(cluster: Cluster, a: Side, b: Side, lexicon: Lexicon, opts: AlignOptions): PassageResult[] {
  const all = diffHunks(a, a.content[cluster.a0], a.content[cluster.a1 - 1] + 1, b, b.content[cluster.b0], b.content[cluster.b1 - 1] + 1);
  const out: PassageResult[] = [];
  for (const piece of splitAtGaps(all, a, b, opts.splitGap)) {
    const hunks = trimHunks(piece, a, b);
    if (hunks.length === 0) continue;
    const result = finishPassage(hunks, a, b, lexicon, opts);
    if (result) out.push(result);
  }
  return out;
}

/**
 * Cuts the diff at stretches without a matched content word whose unmatched content words
 * reach `splitGap` on one side. Matched function words inside such a stretch do not bridge it
 * ("the" matched across an inserted sentence is chance, not reuse).
 */
function splitAtGaps(hunks: Hunk[], a: Side, b: Side, splitGap: number): Hunk[][] {
  const pieces: Hunk[][] = [];
  let current: Hunk[] = [];
  let stretch: Hunk[] = [];
  let gapA = 0;
  let gapB = 0;
  const flush = (): void => {
    if (Math.max(gapA, gapB) >= splitGap) {
      pieces.push(current);
      current = [];
    } else current.push(...stretch);
    stretch = [];
    gapA = 0;
    gapB = 0;
  };
  for (const h of hunks) {
    if (isContentMatch(h, a, b)) {
      flush();
      current.push(h);
      continue;
    }
    stretch.push(h);
    if (h.op === 'change') {
      gapA += h.a.filter((i) => !a.tokens[i].stop).length;
      gapB += h.b.filter((j) => !b.tokens[j].stop).length;
    }
  }
  flush();
  pieces.push(current);
  return pieces;
}

function finishPassage(hunks: Hunk[], a: Side, b: Side, lexicon: Lexicon, opts: AlignOptions): PassageResult | null {
  const { edits, counts } = buildEdits(hunks, a, b, lexicon);
  if (Math.min(counts.same + counts.synonym, counts.matchedB) < opts.minPassageTokens) return null;
  const firstA = hunks[0].a[0];
  const firstB = hunks[0].b[0];
  const lastA = hunks[hunks.length - 1].a[0];
  const lastB = hunks[hunks.length - 1].b[0];
  const rangeA: [number, number] = [a.tokens[firstA].start, a.tokens[lastA].end];
  const rangeB: [number, number] = [b.tokens[firstB].start, b.tokens[lastB].end];
  const matched = counts.same + counts.synonym + counts.matchedB;
  const similarity = matched / Math.max(1, contentInside(a, [rangeA]) + contentInside(b, [rangeB]));
  return {
    passage: { a: rangeA, b: rangeB, similarity: Math.min(1, similarity), edits },
    substitutions: findSubstitutions(hunks, a, b, lexicon, opts),
    counts,
    box: {
      a0: a.contentRank[firstA],
      a1: a.contentRank[lastA + 1],
      b0: b.contentRank[firstB],
      b1: b.contentRank[lastB + 1],
    },
  };
}
