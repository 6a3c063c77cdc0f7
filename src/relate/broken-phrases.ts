/**
 * Spin without a source: set phrases a spinner broke by swapping one word for a "synonym".
 * "believe tank" is no phrase, but swapping "believe" back for its synonym "think" gives the
 * WordNet expression "think tank"; "Structure for Defense of Democracies" is a name seen
 * elsewhere in the corpus with one word swapped. Normal writing almost never produces such a
 * near-miss of a fixed expression, so each finding is strong evidence by itself.
 */
import type { PhraseLexicon } from '../lexicon/lexicon.js';
import type { Substitution, Token } from '../types.js';

export interface BrokenPhraseOptions {
  /** Longest WordNet expression (in words) checked for a swapped word. */
  maxPhraseWords: number;
  /**
   * Multi-word names seen elsewhere in the corpus ("Foundation for Defense of Democracies");
   * a capitalised run equal to one except for swapped related words is reported.
   */
  knownPhrases: Iterable<string>;
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
      // a fixed expression already, or a pair ordinary English uses: nothing broken
      if (lexicon.isPhrase(lemmas) || lexicon.isPhrase(norms) || lexicon.attested(norms) || lexicon.attested(lemmas)) continue;
      if (norms.every((n, k) => k === 0 || corpusBigrams.has(`${norms[k - 1]} ${n}`))) continue;
      for (let slot = 0; slot < size; slot++) {
        if (w[slot].stop || !lexicon.knows(lemmas[slot])) continue;
        const fillers = new Set([...lexicon.phraseFillers(lemmas, slot), ...lexicon.phraseFillers(norms, slot)]);
        for (const x of fillers) {
          if (x.includes(' ') || isVariant(x, lemmas[slot]) || isVariant(x, norms[slot]) || !isSynonym(lexicon, lemmas[slot], x)) continue;
          const phrase = lemmas.map((l, k) => (k === slot ? x : l));
          // set phrases that get broken are names and compounds; verb idioms ("take five") vary freely
          const pos = lexicon.posOf(phrase.join(' '));
          if (pos !== 1) continue;
          // a compositional phrase ("talking point" is a kind of point) is no fixed expression to break
          if (lexicon.relatedLemmas(phrase.join(' ')).some((r) => phrase.includes(r))) continue;
          const phraseCase = lexicon.phraseCase(phrase) ?? lexicon.phraseCase(norms.map((n, k) => (k === slot ? x : n)));
          if (!phraseCase || !caseAgrees(w, phraseCase, text)) continue;
          found.push({ a: text.slice(w[0].start, w[size - 1].end), b: restore(text, w, slot, x), a_at: w[0].start, b_at: w[0].start, evidence: 'phrase' });
          break;
        }
      }
    }
  }
  return found;
}

/** One position of a known name: a word, or a WordNet expression inside it that one word may stand for. */
interface NameSlot {
  norm: string;
  lemma: string;
  stop: boolean;
  /** This slot stands for several words of the name ("Plan of Action" -> one slot "plan of action"). */
  collapsed: boolean;
}

interface NameVariant {
  name: string;
  slots: NameSlot[];
}

/** A known name and its variants with each WordNet expression inside it collapsed to one slot. */
function nameVariants(name: string, lexicon: PhraseLexicon, stop: (w: string) => boolean): NameVariant[] {
  const words = name.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 0);
  if (words.length < 2 || !isCapitalised(words[0]) || !isCapitalised(words[words.length - 1])) return [];
  const slots: NameSlot[] = words.map((w) => {
    const norm = w.toLowerCase();
    return { norm, lemma: lexicon.lemma(norm), stop: stop(norm), collapsed: false };
  });
  const variants: NameVariant[] = [{ name, slots }];
  for (let from = 0; from < slots.length; from++) {
    for (let size = 2; size <= 4 && from + size <= slots.length; size++) {
      const span = slots.slice(from, from + size);
      if (span[0].stop || span[size - 1].stop || !lexicon.isPhrase(span.map((x) => x.lemma))) continue;
      const joined = span.map((x) => x.lemma).join(' ');
      const merged: NameSlot = { norm: joined, lemma: joined, stop: false, collapsed: true };
      variants.push({ name, slots: [...slots.slice(0, from), merged, ...slots.slice(from + size)] });
    }
  }
  return variants;
}

/** Whether a text window reads as the name with a few related words swapped. */
function isSwappedName(window: readonly Token[], slots: readonly NameSlot[], lexicon: PhraseLexicon, maxSwaps: number): boolean {
  let swaps = 0;
  let anchors = 0;
  for (let k = 0; k < slots.length; k++) {
    const t = window[k];
    const slot = slots[k];
    if (!slot.collapsed && (t.norm === slot.norm || t.lemma === slot.lemma)) {
      if (!slot.stop) anchors++;
      continue;
    }
    if (t.stop || slot.stop || !isCapitalised(t.surface)) return false;
    swaps++;
  }
  if (swaps === 0 || swaps > maxSwaps || anchors < swaps) return false;
  // a long frame of identical words is strong context: allow two thesaurus hops there
  const hops = anchors >= 2 ? 2 : 1;
  return slots.every((slot, k) => {
    const t = window[k];
    const same = !slot.collapsed && (t.norm === slot.norm || t.lemma === slot.lemma);
    return same || lexicon.relatedWithin(t.lemma, slot.lemma, hops);
  });
}

/** Capitalised runs that equal a known name except for swapped related words. */
function brokenNames(
  text: string,
  tokens: readonly Token[],
  lexicon: PhraseLexicon,
  knownPhrases: Iterable<string>,
  maxSwaps: number,
): Substitution[] {
  const stopOf = new Map(tokens.map((t) => [t.norm, t.stop]));
  const stop = (w: string): boolean => stopOf.get(w) ?? /^(of|for|the|and|on|in|to|a|an|at|by)$/.test(w);
  const known = new Set(knownPhrases);
  const variants = [...known].flatMap((n) => nameVariants(n, lexicon, stop));
  const ownNames = new Set(namePhrases(text, tokens));
  const found: Substitution[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isCapitalised(tokens[i].surface)) continue;
    for (const v of variants) {
      const w = tokens.slice(i, i + v.slots.length);
      if (w.length < v.slots.length || w.some((t) => t.sentence !== w[0].sentence)) continue;
      const written = text.slice(w[0].start, w[w.length - 1].end);
      // only a whole name ("Joint Comprehensive Plan" inside "... Plan of Action" is not one), and not a name in its own right
      if (!ownNames.has(written) || known.has(written) || lexicon.isPhrase(w.map((t) => t.norm))) continue;
      if (!isSwappedName(w, v.slots, lexicon, maxSwaps)) continue;
      found.push({ a: written, b: v.name, a_at: w[0].start, b_at: w[0].start, evidence: 'phrase' });
    }
  }
  return found;
}

/** Lower-case words that may sit inside a name ("Bank of England", "Foundation for Defense of Democracies"). */
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'del', 'la', 'von', 'van', 'der']);

/**
 * Multi-word names in a text, for other texts' `knownPhrases`: runs of capitalised words
 * (small function words allowed inside, as in "Foundation for Defense of Democracies").
 */
export function namePhrases(text: string, tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length > 0 && !isCapitalised(run[run.length - 1].surface)) run.pop();
    if (run.length >= 2) names.add(text.slice(run[0].start, run[run.length - 1].end));
    run = [];
  };
  tokens.forEach((t, i) => {
    const joined = i > 0 && t.sentence === tokens[i - 1].sentence && /^[ \t]+$/.test(text.slice(tokens[i - 1].end, t.start));
    if (run.length > 0 && !joined) flush();
    if (isCapitalised(t.surface) && !/^\p{Lu}+$/u.test(t.surface)) run.push(t);
    else if (run.length > 0 && NAME_CONNECTORS.has(t.surface) && run.length < 6) run.push(t);
    else flush();
  });
  flush();
  return [...names].sort();
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
    ...brokenWordNetPhrases(text, tokens, lexicon, opts.maxPhraseWords, new Set(opts.attestedBigrams)),
    ...brokenNames(text, tokens, lexicon, opts.knownPhrases, opts.maxNameSwaps),
  ];
  return dropOverlaps(found);
}
