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

/** Distinct term ids present on both sides. */
export function sharedTermCount(a: Side, b: Side): number {
  const inA = new Set<number>(a.terms);
  const seen = new Set<number>();
  for (const t of b.terms) if (inA.has(t)) seen.add(t);
  return seen.size;
}
