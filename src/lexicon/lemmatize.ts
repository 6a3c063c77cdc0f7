/**
 * Lemmatisation across parts of speech, WordNet "morphy" style: irregular forms from WordNet's
 * exception lists (the ones wink-lemmatizer ships), then suffix rules whose result must be a
 * lemma WordNet knows in that part of speech. wink-lemmatizer itself takes ~300 ms to load and
 * asks the caller for the part of speech; this works from the lexicon already in memory and
 * picks the part of speech itself.
 */
import { POS_BIT } from './build.js';

export interface MorphologySource {
  /** POS_BIT flags of a lemma, 0 when WordNet doesn't know it. */
  posOf(lemma: string): number;
  exceptions: Record<'noun' | 'verb' | 'adj', Record<string, string>>;
}

type Rule = readonly [suffix: string, replacement: string];
const NOUN_RULES: readonly Rule[] = [['ies', 'y'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['s', '']];
const VERB_RULES: readonly Rule[] = [['ies', 'y'], ['es', 'e'], ['es', ''], ['s', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']];
const ADJ_RULES: readonly Rule[] = [['est', ''], ['est', 'e'], ['er', ''], ['er', 'e']];

/** Bases shorter than this are ignored: "is" -> "i", "has" -> "ha" would hit WordNet entries for iodine and hahnium. */
const MIN_BASE_LENGTH = 3;

function byRules(word: string, rules: readonly Rule[], bit: number, src: MorphologySource): string | null {
  for (const [suffix, replacement] of rules) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length) + replacement;
    if (base.length >= MIN_BASE_LENGTH && (src.posOf(base) & bit) !== 0) return base;
  }
  return null;
}

/** An exception entry, with wink's sense digits ("do1") dropped. */
function exception(src: MorphologySource, pos: 'noun' | 'verb' | 'adj', word: string): string | null {
  const v = Object.prototype.hasOwnProperty.call(src.exceptions[pos], word) ? src.exceptions[pos][word] : undefined;
  return typeof v === 'string' && v !== word ? v.replace(/\d+$/, '') : null;
}

/**
 * Dictionary form of a lower-case word. Preference, from what news text needs: irregular verb
 * forms ("sought" -> "seek"); -ing/-ed forms as verbs ("stationed" -> "station"); plurals as
 * nouns unless the plural is a lemma itself ("news", "arms", "talks"), then as verbs ("says");
 * comparatives as adjectives; irregular plurals when the word itself is no noun ("media").
 */
export function lemmatizeWord(word: string, src: MorphologySource): string {
  const known = src.posOf(word);
  const irregularVerb = exception(src, 'verb', word);
  if (irregularVerb) return irregularVerb;
  if (word.endsWith('ing') || word.endsWith('ed')) {
    const verb = byRules(word, VERB_RULES, POS_BIT.verb, src);
    if (verb) return verb;
  }
  if (word.endsWith('s') && !(known & POS_BIT.noun)) {
    const noun = exception(src, 'noun', word) ?? byRules(word, NOUN_RULES, POS_BIT.noun, src);
    if (noun) return noun;
    const verb = byRules(word, VERB_RULES, POS_BIT.verb, src);
    if (verb) return verb;
  }
  if (known) return word;
  const adj = exception(src, 'adj', word) ?? byRules(word, ADJ_RULES, POS_BIT.adj, src);
  if (adj) return adj;
  return exception(src, 'noun', word) ?? byRules(word, NOUN_RULES, POS_BIT.noun, src) ?? word;
}
