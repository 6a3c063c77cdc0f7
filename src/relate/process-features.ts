/**
 * Evidence of how one text was made from another, beyond how much they share: which sentences
 * have a counterpart in the other and whether those come in the other's order, how much of the
 * wording outside quotation marks runs verbatim for eight words or more, and the text's length
 * (a story told wholly from a wire copy is short; one that adds its own reporting is long).
 * Cheap enough for every compared pair: hashed runs and an inverted index over sentence lemmas.
 */
import type { Token } from '../types.js';
import type { AnalyzedArticle } from './analyzed.js';
import { coverageOfMask, insideSpans, maskOfShared, runHashes, SortedHashes } from './process-runs.js';
import { sentenceEvidenceOfSets, sentenceIndex, sentenceLemmaSets, type SentenceIndex } from './process-sentences.js';

/** Process features of one pair; `_a` describes a as derived from b, `_b` b as derived from a. */
export interface ProcessFeatures {
  /** Content words of each text. */
  content_tokens_a: number;
  content_tokens_b: number;
  /** Share of the text's sentences with a counterpart (≥ half its content lemmas in one sentence of the other). */
  derived_sentences_a: number;
  derived_sentences_b: number;
  /** Those sentences whose counterparts keep the other text's order (longest increasing run), over all sentences. */
  in_order_sentences_a: number;
  in_order_sentences_b: number;
  /** Share of the words outside quotation marks inside an 8-word run the other text has verbatim. */
  unquoted_run8_a: number;
  unquoted_run8_b: number;
}

/** Words in a run this long, shared verbatim, are copied wording rather than shared names or phrases. */
const LONG_RUN = 8;

/** What each direction reads of one text, built once per analysed text. */
interface TextProfile {
  content: number;
  sentences: Array<Set<string>>;
  sentenceIndex: SentenceIndex;
  runs: Uint32Array;
  runSet: SortedHashes;
  quoted: boolean[];
  length: number;
}

/**
 * Profiles by token array: one text meets many pairs (every candidate of a trace), and the
 * analyses of one text with different known names (AnalyzedArticle) share its tokens.
 */
const profiles = new WeakMap<readonly Token[], TextProfile>();

function profile(x: AnalyzedArticle): TextProfile {
  let p = profiles.get(x.tokens);
  if (!p) profiles.set(x.tokens, (p = buildProfile(x)));
  return p;
}

function buildProfile(x: AnalyzedArticle): TextProfile {
  const sentences = sentenceLemmaSets(x.tokens);
  const runs = runHashes(x.tokens.map((t) => t.norm), LONG_RUN);
  return {
    content: x.tokens.reduce((n, t) => n + (t.stop ? 0 : 1), 0),
    sentences,
    sentenceIndex: sentenceIndex(sentences),
    runs,
    runSet: new SortedHashes(runs),
    quoted: insideSpans(x.tokens, x.quotes),
    length: x.tokens.length,
  };
}

/** x read as derived from y. */
function oneSide(x: TextProfile, y: TextProfile) {
  const sentences = sentenceEvidenceOfSets(x.sentences, y.sentences, undefined, y.sentenceIndex);
  return {
    content: x.content,
    derived: sentences.derivedSentences,
    inOrder: sentences.inOrderSentences,
    run8: coverageOfMask(maskOfShared(x.runs, x.length, LONG_RUN, y.runSet), x.quoted).unquoted,
  };
}

export function processFeatures(a: AnalyzedArticle, b: AnalyzedArticle): ProcessFeatures {
  const [pa, pb] = [profile(a), profile(b)];
  const fa = oneSide(pa, pb);
  const fb = oneSide(pb, pa);
  return {
    content_tokens_a: fa.content,
    content_tokens_b: fb.content,
    derived_sentences_a: fa.derived,
    derived_sentences_b: fb.derived,
    in_order_sentences_a: fa.inOrder,
    in_order_sentences_b: fb.inOrder,
    unquoted_run8_a: fa.run8,
    unquoted_run8_b: fb.run8,
  };
}
