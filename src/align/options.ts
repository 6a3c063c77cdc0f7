/**
 * Options of passage alignment (src/align). Lengths and gaps are counted in content tokens
 * (tokens with `stop === false`), because spinners and abridgers keep function words and
 * change content words, so content tokens are the unit that survives reuse.
 */
export interface AlignOptions {
  /** Seeding, sentence level: minimum tf-isf cosine between two sentences (PAN 2014: 0.33). */
  sentenceCosine: number;
  /** Seeding, sentence level: minimum Dice coefficient over the two sentences' term sets (0.33). */
  sentenceDice: number;
  /** Seeding, sentence level: minimum distinct terms the two sentences share (stops "Mr. Trump said" seeding). */
  sentenceMinShared: number;
  /** Seeding, tiles: minimum length of a Greedy String Tiling match over canonical content tokens. */
  tileMinLength: number;
  /** Seeding, tiles: a k-gram occurring more often than this in one text is not indexed (boilerplate runs). */
  tileMaxOccurrences: number;
  /** Extension: seeds closer than this (in content tokens, in both texts) join one passage. */
  maxGap: number;
  /** Extension: when a cluster fails validation, the gap is halved down to this before giving up. */
  minGap: number;
  /** Extension: a cluster is a passage when the tf-isf cosine of its two fragments reaches this (PAN 2014: 0.34). */
  validationCosine: number;
  /** Extension: the token diff splits a passage where one side has this many unmatched content tokens in a row. */
  splitGap: number;
  /** Extension: rounds of re-clustering the seeds no passage used (reordered blocks inside a cluster). */
  rounds: number;
  /** Filter: clusters whose seeds cover fewer content tokens (on either side) are dropped before the diff. */
  minSeedCoverage: number;
  /** Diff: each kept cluster is widened by this many content tokens on both ends, in both texts (never into another passage), so words next to a short seed join it. */
  margin: number;
  /** Diff: passages matching fewer content tokens (identical or synonym, on either side) are dropped. */
  minPassageTokens: number;
  /** Substitutions: the longest swap reported, in words on each side. */
  maxSubstitutionWords: number;
  /** Substitutions: tokens looked at on each side of a swap to judge whether the local run is "mostly identical". */
  substitutionWindow: number;
  /** Substitutions: share of one side's window that must match for a context swap (no thesaurus support). */
  contextMinIdentity: number;
  /** Substitutions: share of the whole window (both sides) that must match around a context swap. */
  contextMinWindowIdentity: number;
  /** Substitutions: matched words a context swap needs around it, both sides together ("a long run"). */
  contextMinRun: number;
  /** Substitutions: the same share for a thesaurus swap (looser: the lexicon already vouches for it). */
  thesaurusMinIdentity: number;
  /** Early exit: pairs sharing fewer distinct content terms than this are unrelated (no seeding at all). */
  minSharedTerms: number;
}

export const DEFAULT_ALIGN_OPTIONS: Readonly<AlignOptions> = Object.freeze({
  sentenceCosine: 0.33,
  sentenceDice: 0.33,
  sentenceMinShared: 3,
  tileMinLength: 3,
  tileMaxOccurrences: 8,
  maxGap: 40,
  minGap: 8,
  validationCosine: 0.34,
  splitGap: 8,
  rounds: 3,
  minSeedCoverage: 3,
  margin: 6,
  minPassageTokens: 5,
  maxSubstitutionWords: 3,
  substitutionWindow: 8,
  contextMinIdentity: 0.75,
  contextMinWindowIdentity: 0.6,
  contextMinRun: 4,
  thesaurusMinIdentity: 0.5,
  minSharedTerms: 3,
});

export function resolveAlignOptions(options?: Partial<AlignOptions>): AlignOptions {
  return { ...DEFAULT_ALIGN_OPTIONS, ...(options ?? {}) };
}
