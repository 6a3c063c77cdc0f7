import type { Span, Token } from '../types.js';
import { forEachSpan, wordForm, type NameToken, type WordForm } from '../text/tokenize.js';
import { scanWordRanges } from '../text/word-scan.js';

/**
 * What two articles are about, independent of wording: weighted content lemmas and named
 * entities. Serves same_event / related / unrelated, where texts share facts, not sentences.
 */
export interface TopicProfile {
  /** lemma -> weight (term frequency times a rarity weight). */
  terms: Map<string, number>;
  /** Capitalised multi-token names and single proper nouns, lower-cased. */
  entities: Set<string>;
  /** Numbers and years mentioned (as written, digits only). */
  numbers: Set<string>;
  norm: number;
}

/** Document frequencies of a corpus, to weight rare terms up (tf-idf). */
export interface TermStats {
  docs: number;
  df: Map<string, number>;
}

const NUMBER = /^\d[\d,.]*$/;

function isCapitalCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isCapitalised(t: NameToken): boolean {
  return isCapitalCode(t.surface.charCodeAt(0));
}

const CONNECTORS = new Set(['of', 'for', 'and', 'de', 'on', 'in']);
/** The longest word that joins two parts of a name: a connector, or "the" after one. */
const LONGEST_JOINER = Math.max(...[...CONNECTORS, 'the'].map((w) => w.length));

/**
 * Proper names as written: runs of capitalised tokens, joined across connectors ("of", "for",
 * "and") when a capitalised token follows ("Foundation for Defense of Democracies").
 */
export function properNames<T extends NameToken>(tokens: readonly T[]): ReadonlyArray<ProperName<T>> {
  // An article's names are read for its names list and again for its topic: found once per
  // token array (which must not change; tokenize's arrays do not).
  let names = namesByTokens.get(tokens);
  if (!names) namesByTokens.set(tokens, (names = findProperNames(tokens)));
  return names as ReadonlyArray<ProperName<T>>;
}

interface ProperName<T> {
  text: string;
  tokens: T[];
  index: number;
}

const namesByTokens = new WeakMap<readonly NameToken[], ReadonlyArray<ProperName<NameToken>>>();

function findProperNames<T extends NameToken>(tokens: readonly T[]): Array<ProperName<T>> {
  const out: Array<ProperName<T>> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i]) || NUMBER.test(tokens[i].surface)) {
      i++;
      continue;
    }
    let j = i + 1;
    let end = i + 1;
    while (j < tokens.length && tokens[j].sentence === tokens[i].sentence) {
      const t = tokens[j];
      if (isCapitalised(t) && !NUMBER.test(t.surface)) end = j + 1;
      // "Bank of the West": "the" joins only right after another connector.
      else if (!CONNECTORS.has(t.norm) && !(t.norm === 'the' && CONNECTORS.has(tokens[j - 1].norm))) break;
      j++;
    }
    const run = tokens.slice(i, end);
    out.push({ text: run.map((t) => t.surface).join(' '), tokens: run, index: i });
    i = end;
  }
  return out;
}

/** Lower-cased names (multi-word and their words), leaving out a lone sentence-opening word. */
export function namedEntities(tokens: readonly NameToken[]): Set<string> {
  const out = new Set<string>();
  for (const name of properNames(tokens)) {
    const words = name.tokens.filter((t) => !t.stop);
    if (words.length === 0) continue;
    if (words.length === 1) {
      if (!isSentenceStart(tokens, name.index)) out.add(words[0].norm);
      continue;
    }
    out.add(name.tokens.map((t) => t.norm).join(' '));
    for (const w of words) if (w.norm.length > 2) out.add(w.norm);
  }
  return out;
}

function isSentenceStart(tokens: readonly NameToken[], i: number): boolean {
  return i === 0 || tokens[i - 1].sentence !== tokens[i].sentence;
}

/**
 * namedEntities(tokenize(text, sentences, lexicon)) for any lexicon, read in one pass over the
 * words without making a token of each: only capitalised words and the short words that may
 * join two parts of a name are looked at (ingest computes this for every stored article).
 */
export function namedEntitiesOfText(text: string, sentences: readonly Span[]): Set<string> {
  const runs = new NameRuns(text);
  forEachSpan(text, sentences, (start, end, sentence) => scanWordRanges(text, start, end, (from, to) => runs.word(from, to, sentence)));
  return runs.finish();
}

/** findProperNames and namedEntities as a state machine over words in text order. */
class NameRuns {
  private readonly out = new Set<string>();
  /** The open name's words, from its first word to the last read (connectors at the end included). */
  private run: WordForm[] = [];
  /** How many of run's words the name holds: up to its last capitalised word. */
  private end = 0;
  private runSentence = -1;
  private runOpensSentence = false;
  /** Sentence of the previous word (-1 before the first). */
  private previousSentence = -1;

  constructor(private readonly text: string) {}

  word(from: number, to: number, sentence: number): void {
    const capital = isCapitalCode(this.text.charCodeAt(from));
    if (this.run.length > 0 && !(sentence === this.runSentence && this.extend(from, to, capital))) this.close();
    if (this.run.length === 0 && capital) {
      this.run.push(wordForm(this.text.slice(from, to)));
      this.end = 1;
      this.runSentence = sentence;
      this.runOpensSentence = this.previousSentence !== sentence;
    }
    this.previousSentence = sentence;
  }

  finish(): Set<string> {
    if (this.run.length > 0) this.close();
    return this.out;
  }

  /** Adds the word to the open name when findProperNames would; false when it ends the name. */
  private extend(from: number, to: number, capital: boolean): boolean {
    if (capital) {
      this.run.push(wordForm(this.text.slice(from, to)));
      this.end = this.run.length;
      return true;
    }
    if (to - from > LONGEST_JOINER) return false;
    const form = wordForm(this.text.slice(from, to));
    // "Bank of the West": "the" joins only right after another connector.
    if (!CONNECTORS.has(form.norm) && !(form.norm === 'the' && CONNECTORS.has(this.run[this.run.length - 1].norm))) return false;
    this.run.push(form);
    return true;
  }

  private close(): void {
    const name = this.run.slice(0, this.end);
    this.run = [];
    const words = name.filter((t) => !t.stop);
    if (words.length === 0) return;
    if (words.length === 1) {
      if (!this.runOpensSentence) this.out.add(words[0].norm);
      return;
    }
    this.out.add(name.map((t) => t.norm).join(' '));
    for (const w of words) if (w.norm.length > 2) this.out.add(w.norm);
  }
}

/** Background rarity of a word, e.g. Lexicon.backgroundIdf; absent: every word weighs 1. */
export type RarityFn = (word: string) => number;

/** Reporting verbs say nothing about which event a text covers. */
const REPORTING = new Set(['say', 'tell', 'report', 'add', 'accord', 'state', 'claim', 'announce', 'ask', 'note', 'describe']);

function rarity(t: Token, stats: TermStats | undefined, background: RarityFn | undefined): number {
  // Conservative: a word is as common as its most common form ("dams" or "dam").
  let w = background ? Math.min(background(t.norm), background(t.lemma)) : 1;
  if (stats && stats.docs >= 20) {
    const df = stats.df.get(t.lemma) ?? 0;
    w *= Math.log((stats.docs + 1) / (df + 1)) + 1;
  }
  return Math.max(0.05, w);
}

export function topicProfile(tokens: readonly Token[], stats?: TermStats, background?: RarityFn): TopicProfile {
  const entities = namedEntities(tokens);
  const numbers = new Set<string>();
  // One Map, first of term frequencies, then overwritten in place with the weights (same keys,
  // same order); each lemma's rarity, from its first token, by the order lemmas first came.
  const terms = new Map<string, number>();
  const rarities: number[] = [];
  for (const t of tokens) {
    if (NUMBER.test(t.surface)) {
      numbers.add(t.surface.replace(/[,.]/g, ''));
      continue;
    }
    if (t.stop || t.norm.length < 2 || REPORTING.has(t.lemma)) continue;
    // Proper nouns say more about which event a text reports than common words do.
    const w = isCapitalised(t) ? 2 : 1;
    const f = terms.get(t.lemma);
    if (f === undefined) rarities.push(rarity(t, stats, background));
    terms.set(t.lemma, (f ?? 0) + w);
  }
  let sq = 0;
  let i = 0;
  for (const [lemma, f] of terms) {
    const w = (1 + Math.log(f)) * rarities[i++];
    terms.set(lemma, w);
    sq += w * w;
  }
  return { terms, entities, numbers, norm: Math.sqrt(sq) };
}

/** Cosine of two weighted term vectors, in [0, 1]. */
export function termCosine(a: TopicProfile, b: TopicProfile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.terms) {
    const v = large.terms.get(k);
    if (v !== undefined) dot += w * v;
  }
  return Math.min(1, dot / (a.norm * b.norm));
}

/** Overlap coefficient |A∩B| / min(|A|,|B|) of two sets, 0 when either is empty. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}
