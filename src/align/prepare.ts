import type { Token } from '../types.js';

/**
 * One text as the aligner sees it: its tokens, the positions of its content tokens, and each
 * content token's term id (its canonical token, numbered in a dictionary shared by both texts,
 * so that synonyms WordNet joins compare equal as plain integers).
 */
export interface Side {
  text: string;
  tokens: Token[];
  /** Token index of each content token (content position -> token index). */
  content: Int32Array;
  /** Term id of each content token. */
  terms: Int32Array;
  /** Dense sentence number (0..sentenceCount-1) of each content token. */
  sentence: Int32Array;
  /** Content position of the first content token of each dense sentence, plus a final end. */
  sentenceStart: Int32Array;
  sentenceCount: number;
  /** Canonical-token id and lemma id of every token (stop words included), for the token diff. */
  tokenCanon: Int32Array;
  tokenLemma: Int32Array;
  /** For each token, how many content tokens come before it (token index -> content position). */
  contentRank: Int32Array;
}

/** Term dictionary shared by the two sides of one alignment. */
export type TermDictionary = Map<string, number>;

/** The dictionaries one alignment shares between its two sides. */
export interface Dictionaries {
  canon: TermDictionary;
  lemma: TermDictionary;
}

export function newDictionaries(): Dictionaries {
  return { canon: new Map(), lemma: new Map() };
}

function termId(dict: TermDictionary, key: string): number {
  let id = dict.get(key);
  if (id === undefined) {
    id = dict.size;
    dict.set(key, id);
  }
  return id;
}

/** Content tokens in text order; tokens the caller gave out of order are sorted by start. */
export function prepareSide(text: string, tokensIn: Token[], dicts: Dictionaries): Side {
  const tokens = isSorted(tokensIn) ? tokensIn : [...tokensIn].sort((x, y) => x.start - y.start || x.end - y.end);
  const contentIdx: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (!tokens[i].stop) contentIdx.push(i);
  const n = contentIdx.length;
  const content = Int32Array.from(contentIdx);
  const terms = new Int32Array(n);
  const sentence = new Int32Array(n);
  const starts: number[] = [];
  let lastRaw = Number.NaN;
  for (let c = 0; c < n; c++) {
    const tok = tokens[contentIdx[c]];
    if (tok.sentence !== lastRaw) {
      starts.push(c);
      lastRaw = tok.sentence;
    }
    sentence[c] = starts.length - 1;
  }
  starts.push(n);
  const tokenCanon = new Int32Array(tokens.length);
  const tokenLemma = new Int32Array(tokens.length);
  tokens.forEach((tok, i) => {
    tokenCanon[i] = termId(dicts.canon, tok.canon || tok.lemma || tok.norm);
    tokenLemma[i] = termId(dicts.lemma, tok.lemma || tok.norm);
  });
  for (let c = 0; c < n; c++) terms[c] = tokenCanon[contentIdx[c]];
  const contentRank = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) contentRank[i + 1] = contentRank[i] + (tokens[i].stop ? 0 : 1);
  return {
    text,
    tokens,
    content,
    terms,
    sentence,
    sentenceStart: Int32Array.from(starts),
    sentenceCount: starts.length - 1,
    tokenCanon,
    tokenLemma,
    contentRank,
  };
}

function isSorted(tokens: Token[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (tokens[i].start < tokens[i - 1].start) return false;
  return true;
}

/** A text prepared with dictionaries of its own, and the strings behind its ids, in id order. */
interface OwnSide {
  side: Side;
  dicts: Dictionaries;
  canonTerms: string[];
  lemmaTerms: string[];
}

/** Prepared texts by token array: a text meets many others (the ~20 candidates of a trace). */
const ownSides = new WeakMap<Token[], OwnSide>();

function ownSide(text: string, tokens: Token[]): OwnSide {
  const hit = ownSides.get(tokens);
  if (hit && hit.side.text === text) return hit;
  const dicts = newDictionaries();
  const side = prepareSide(text, tokens, dicts);
  const own = { side, dicts, canonTerms: [...dicts.canon.keys()], lemmaTerms: [...dicts.lemma.keys()] };
  ownSides.set(tokens, own);
  return own;
}

/**
 * The two sides of a pair exactly as prepareSide gives them with one new dictionary pair,
 * a first then b, and the canonical dictionary's size; each text is prepared once (cached by
 * its token array, which must not change) and only b's ids are mapped per pair. With a shared
 * dictionary, a's ids are those of its own; b's are a's for the terms a has, and the others
 * are numbered on from a's in the order b first uses them, which is the order of b's own ids.
 * Sides are shared between pairs: callers must not write into them.
 */
export function preparePair(textA: string, tokensA: Token[], textB: string, tokensB: Token[]): { a: Side; b: Side; termCount: number } {
  const own = ownSide(textA, tokensA);
  const other = ownSide(textB, tokensB);
  const canon = idsInto(own.dicts.canon, other.canonTerms);
  const lemma = idsInto(own.dicts.lemma, other.lemmaTerms);
  const side = other.side;
  const b: Side = { ...side, terms: remap(side.terms, canon.ids), tokenCanon: remap(side.tokenCanon, canon.ids), tokenLemma: remap(side.tokenLemma, lemma.ids) };
  return { a: own.side, b, termCount: canon.size };
}

/** For each of `terms` (another text's, in its id order): its id in `dict`, or the next new one. */
function idsInto(dict: TermDictionary, terms: readonly string[]): { ids: Int32Array; size: number } {
  const ids = new Int32Array(terms.length);
  let size = dict.size;
  for (let i = 0; i < terms.length; i++) ids[i] = dict.get(terms[i]) ?? size++;
  return { ids, size };
}

function remap(values: Int32Array, ids: Int32Array): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = ids[values[i]];
  return out;
}

/** Distinct term ids present on both sides (ids below `termCount`). */
export function sharedTermCount(a: Side, b: Side, termCount: number): number {
  // 1 = in a, 2 = in a and already counted in b
  const seen = new Uint8Array(termCount);
  for (const t of a.terms) seen[t] = 1;
  let shared = 0;
  for (const t of b.terms) {
    if (seen[t] === 1) {
      seen[t] = 2;
      shared++;
    }
  }
  return shared;
}
