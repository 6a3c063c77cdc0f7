/**
 * Spin without a source: set phrases a spinner broke by swapping one word for a "synonym".
 * "believe tank" is no phrase, but swapping "believe" back for its synonym "think" gives the
 * WordNet expression "think tank"; "Structure for Defense of Democracies" is a name seen
 * elsewhere in the corpus with one word swapped. Normal writing almost never produces such a
 * near-miss of a fixed expression, so each finding is strong evidence by itself.
 */
import type { PhraseLexicon } from '../lexicon/lexicon.js';
import type { Substitution, Token } from '../types.js';
import { brokenNames, KnownNames, namePhrases } from './broken-names.js';

export { KnownNames, namePhrases };

export interface BrokenPhraseOptions {
  /** Longest WordNet expression (in words) checked for a swapped word. */
  maxPhraseWords: number;
  /**
   * Multi-word names seen elsewhere in the corpus ("Foundation for Defense of Democracies");
   * a capitalised run equal to one except for swapped related words is reported.
   */
  knownPhrases: Iterable<string> | KnownNames;
  /**
   * With a KnownNames built from corpus counts: how often this text itself carries each name
   * (a name is known when the corpus carries it more often than this text does).
   */
  ownNames?: ReadonlyMap<string, number>;
  /** findBrokenWordNetPhrases() of this text with the same options, when already known (saves the search). */
  wordNetFound?: readonly Substitution[];
  /** Most swapped words allowed in one known name. */
  maxNameSwaps: number;
  /**
   * Lower-case word pairs ("administration officials") seen in other texts of the corpus: a
   * pair other writers use is ordinary English, not a spinner's coinage.
   */
  attestedBigrams: Iterable<string>;
}

export const DEFAULT_BROKEN_PHRASE_OPTIONS: BrokenPhraseOptions = { maxPhraseWords: 3, knownPhrases: [], maxNameSwaps: 2, attestedBigrams: [] };

const isCapitalised = (s: string): boolean => /^\p{Lu}/u.test(s);
const isLower = (s: string): boolean => s === s.toLowerCase();

/** Runs of tokens inside one sentence separated by spaces only (no punctuation breaks a phrase). */
function windows(text: string, tokens: readonly Token[], from: number, size: number): Token[] | null {
  const w = tokens.slice(from, from + size);
  if (w.length < size) return null;
  for (let k = 1; k < size; k++) {
    if (w[k].sentence !== w[0].sentence || !/^[ \t]+$/.test(text.slice(w[k - 1].end, w[k].start))) return null;
  }
  return w;
}

/** The case WordNet writes the phrase in must be the case the text uses (a sentence start may be capitalised). */
function caseAgrees(window: readonly Token[], phraseCase: 'lower' | 'proper' | 'both', text: string): boolean {
  const proper = window.every((t) => t.stop || isCapitalised(t.surface));
  const sentenceStart = /(^|[.!?"“”]\s*)$/.test(text.slice(Math.max(0, window[0].start - 3), window[0].start));
  const lower = window.every((t, k) => isLower(t.surface) || (k === 0 && sentenceStart));
  if (phraseCase === 'proper') return proper;
  if (phraseCase === 'lower') return lower;
  return proper || lower;
}

/** Same word or a derivation of it ("east"/"eastern"): a change of form, not a swap. */
const isVariant = (a: string, b: string): boolean => {
  const n = Math.min(a.length, b.length);
  return a === b || (n >= 4 && a.slice(0, Math.max(4, n - 2)) === b.slice(0, Math.max(4, n - 2)));
};

const withCaseOf = (model: string, word: string): string => (isCapitalised(model) ? word[0].toUpperCase() + word.slice(1) : word);

function restore(text: string, window: readonly Token[], slot: number, word: string): string {
  const parts = window.map((t, k) => (k === slot ? withCaseOf(t.surface, word) : t.surface));
  return parts.join(' ');
}

/** A head word written as a noun would be: its lemma, or a plural of it (not "ran", "lodged", "making"). */
const isNounForm = (t: Token): boolean => t.norm === t.lemma || (t.norm.endsWith('s') && !t.norm.endsWith('ss'));

/**
 * Spinners draw from synonym lists; hypernym links ("sources" / "activity") would flag
 * ordinary pairs like "intelligence sources", so only words sharing a synset count here.
 */
const isSynonym = (lexicon: PhraseLexicon, a: string, b: string): boolean => lexicon.canon(a) === lexicon.canon(b) || lexicon.synonyms(a).includes(b);

/** A WordNet expression a window becomes with the word at `slot` swapped back for `word`. */
interface Repair {
  slot: number;
  word: string;
  phraseCase: 'lower' | 'proper' | 'both';
}

/**
 * What the lexicon says about a window's words, before the text is read again: for each slot,
 * in order, the repairs that pass every word test (case still to check). Empty when the window
 * is a phrase already, ordinary English, or no slot has a filler.
 */
function repairsOf(lexicon: PhraseLexicon, lemmas: string[], norms: string[], stops: boolean[]): Repair[] {
  const size = lemmas.length;
  const fillersBySlot: string[][] = [];
  let any = false;
  for (let slot = 0; slot < size; slot++) {
    const list = stops[slot] ? [] : [...new Set([...lexicon.phraseFillers(lemmas, slot), ...lexicon.phraseFillers(norms, slot)])];
    fillersBySlot.push(list);
    any ||= list.length > 0;
  }
  // no filler anywhere: nothing can be repaired (checked first, it is the common case)
  if (!any) return [];
  // a fixed expression already, or a pair ordinary English uses: nothing broken
  if (lexicon.isPhrase(lemmas) || lexicon.isPhrase(norms) || lexicon.attested(norms) || lexicon.attested(lemmas)) return [];
  const out: Repair[] = [];
  for (let slot = 0; slot < size; slot++) {
    if (fillersBySlot[slot].length === 0 || !lexicon.knows(lemmas[slot])) continue;
    for (const x of fillersBySlot[slot]) {
      if (x.includes(' ') || isVariant(x, lemmas[slot]) || isVariant(x, norms[slot]) || !isSynonym(lexicon, lemmas[slot], x)) continue;
      const phrase = lemmas.map((l, k) => (k === slot ? x : l));
      // set phrases that get broken are names and compounds; verb idioms ("take five") vary freely
      if (lexicon.posOf(phrase.join(' ')) !== 1) continue;
      // a compositional phrase ("talking point" is a kind of point) is no fixed expression to break
      if (lexicon.relatedLemmas(phrase.join(' ')).some((r) => phrase.includes(r))) continue;
      const phraseCase = lexicon.phraseCase(phrase) ?? lexicon.phraseCase(norms.map((n, k) => (k === slot ? x : n)));
      if (phraseCase) out.push({ slot, word: x, phraseCase });
    }
  }
  return out;
}

/** Most windows remembered per lexicon; a corpus repeats its word pairs, so most look-ups hit. */
const REPAIR_MEMO_LIMIT = 400_000;
const repairMemo = new WeakMap<PhraseLexicon, Map<string, Repair[]>>();

function memoRepairs(lexicon: PhraseLexicon, lemmas: string[], norms: string[], stops: boolean[]): Repair[] {
  let memo = repairMemo.get(lexicon);
  if (!memo) repairMemo.set(lexicon, (memo = new Map()));
  const key = `${norms.join(' ')}\u0001${lemmas[lemmas.length - 1]}\u0001${stops.map((x) => (x ? 1 : 0)).join('')}`;
  let repairs = memo.get(key);
  if (repairs === undefined) {
    if (memo.size >= REPAIR_MEMO_LIMIT) memo.clear();
    memo.set(key, (repairs = repairsOf(lexicon, lemmas, norms, stops)));
  }
  return repairs;
}

/** Broken WordNet expressions: a window that is no phrase but becomes one with one word swapped back. */
function brokenWordNetPhrases(
  text: string,
  tokens: readonly Token[],
  lexicon: PhraseLexicon,
  maxWords: number,
  corpusBigrams: ReadonlySet<string>,
): Substitution[] {
  const found: Substitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let size = 2; size <= maxWords; size++) {
      const w = windows(text, tokens, i, size);
      if (!w || w[0].stop || w[size - 1].stop || !isNounForm(w[size - 1])) continue;
      // inflection only on the head (last) word: "think tanks", not "family ran" -> "home run"
      const lemmas = w.map((t, k) => (k === size - 1 ? t.lemma : t.norm));
      const norms = w.map((t) => t.norm);
      if (corpusBigrams.size > 0 && norms.every((n, k) => k === 0 || corpusBigrams.has(`${norms[k - 1]} ${n}`))) continue;
      let lastSlot = -1;
      for (const r of memoRepairs(lexicon, lemmas, norms, w.map((t) => t.stop))) {
        // the first repair of a slot whose case agrees with the text wins
        if (r.slot === lastSlot || !caseAgrees(w, r.phraseCase, text)) continue;
        lastSlot = r.slot;
        found.push({ a: text.slice(w[0].start, w[size - 1].end), b: restore(text, w, r.slot, r.word), a_at: w[0].start, b_at: w[0].start, evidence: 'phrase' });
      }
    }
  }
  return found;
}

/** Lower-case adjacent word pairs of a text, for other texts' `attestedBigrams`. */
export function textBigrams(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) if (tokens[i].sentence === tokens[i - 1].sentence) out.add(`${tokens[i - 1].norm} ${tokens[i].norm}`);
  return [...out];
}

/** Keeps the first of overlapping findings (they are usually one broken phrase seen twice). */
function dropOverlaps(found: Substitution[]): Substitution[] {
  const sorted = [...found].sort((x, y) => x.a_at - y.a_at || y.a.length - x.a.length);
  const out: Substitution[] = [];
  let end = -1;
  for (const s of sorted) {
    if (s.a_at < end) continue;
    out.push(s);
    end = s.a_at + s.a.length;
  }
  return out;
}

/**
 * Broken set phrases in one text, ordered by offset. `tokens` come from `tokenize` on the same
 * text; a_at and b_at both point at the spun words in this text (there is no other text).
 */
export function findBrokenPhrases(
  text: string,
  tokens: readonly Token[],
  lexicon: PhraseLexicon,
  options: Partial<BrokenPhraseOptions> = {},
): Substitution[] {
  const opts = { ...DEFAULT_BROKEN_PHRASE_OPTIONS, ...options };
  const found = [
    ...(opts.wordNetFound ?? brokenWordNetPhrases(text, tokens, lexicon, opts.maxPhraseWords, new Set(opts.attestedBigrams))),
    ...brokenNames(text, tokens, knownNames(opts.knownPhrases, lexicon), opts.maxNameSwaps, opts.ownNames),
  ];
  return dropOverlaps(found);
}

/**
 * The part of findBrokenPhrases that reads no other text but the attested bigrams: broken
 * WordNet expressions. Computed once per text, it serves every pair (`wordNetFound`).
 */
export function findBrokenWordNetPhrases(
  text: string,
  tokens: readonly Token[],
  lexicon: PhraseLexicon,
  options: Partial<Pick<BrokenPhraseOptions, 'maxPhraseWords' | 'attestedBigrams'>> = {},
): Substitution[] {
  const opts = { ...DEFAULT_BROKEN_PHRASE_OPTIONS, ...options };
  return brokenWordNetPhrases(text, tokens, lexicon, opts.maxPhraseWords, new Set(opts.attestedBigrams));
}

function knownNames(names: Iterable<string> | KnownNames, lexicon: PhraseLexicon): KnownNames {
  return names instanceof KnownNames ? names : new KnownNames(names, lexicon);
}
