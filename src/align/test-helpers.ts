/**
 * Test doubles for the aligner's tests, so they do not depend on the real tokenizer and
 * WordNet lexicon: a tiny tokenizer (words, sentences split after ". "), lemma = canon = the
 * lower-cased word unless a small synonym table joins it to another word, and a fake Lexicon.
 */
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Token } from '../types.js';

const STOPWORDS = new Set(
  'a an the of to in on at for from by with and or but as is are was were be been has have had it its this that these those he she they we i you his her their our who which what not no so than then there also into over'.split(
    ' ',
  ),
);

/** Synonym classes of the fake lexicon; the first word is the class id. */
const SYNONYM_CLASSES: string[][] = [
  ['house', 'home'],
  ['think', 'believe'],
  ['tension', 'stress'],
  ['seek', 'sought'],
  ['role', 'function'],
  ['big', 'large'],
  ['fast', 'quick', 'rapid'],
];

/** Pairs related one hop (wider than a synonym class). */
const RELATED_PAIRS: Array<[string, string]> = [
  ['strategy', 'technique'],
  ['helpful', 'valuable'],
];

const canonOf = new Map<string, string>();
for (const cls of SYNONYM_CLASSES) for (const w of cls) canonOf.set(w, cls[0]);

export const fakeLexicon: Lexicon = {
  lemma: (word) => word.toLowerCase(),
  canon: (lemma) => canonOf.get(lemma) ?? lemma,
  related: (x, y) =>
    x === y ||
    (canonOf.get(x) ?? x) === (canonOf.get(y) ?? y) ||
    RELATED_PAIRS.some(([p, q]) => (p === x && q === y) || (p === y && q === x)),
  synonyms: (lemma) => {
    const c = canonOf.get(lemma);
    return c ? SYNONYM_CLASSES.find((cls) => cls[0] === c)!.filter((w) => w !== lemma) : [];
  },
  isPhrase: () => false,
};

/** Words of `text` with offsets; a new sentence starts after a word followed by ". " or "." at the end. */
export function testTokenize(text: string, lexicon: Lexicon = fakeLexicon): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  for (const m of text.matchAll(/[A-Za-z0-9']+/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const norm = m[0].toLowerCase();
    const lemma = lexicon.lemma(norm);
    tokens.push({ start, end, surface: m[0], norm, lemma, canon: lexicon.canon(lemma), stop: STOPWORDS.has(norm), sentence });
    if (text[end] === '.' && (end + 1 >= text.length || /\s/.test(text[end + 1]))) sentence++;
  }
  return tokens;
}
