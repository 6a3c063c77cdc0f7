import type { AnalyzedArticle, QuoteLike } from './analyzed.js';

/** What separates words: anything but letters, digits and apostrophes. */
const NOT_WORD = /[^\p{L}\p{N}']+/gu;

/** Words of a quote, lower-cased, punctuation dropped: the form quotes are compared in. */
export function quoteWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(NOT_WORD)
    .filter((w) => w.length > 0);
}

/** Minimum words for a quote to count as evidence of copying (shorter ones are phrases). */
const MIN_QUOTE_WORDS = 6;

/**
 * Quotes of `a` (at least MIN_QUOTE_WORDS long) whose words appear contiguously in b's text,
 * inside quote marks or not. A shared long quote is strong evidence of one source.
 */
export function sharedQuotes(a: AnalyzedArticle, b: AnalyzedArticle): QuoteLike[] {
  const out: QuoteLike[] = [];
  for (const { quote, line } of quoteLines(a)) if (wordsLine(b).includes(line)) out.push(quote);
  return out;
}

/** Each long enough quote of a text with its words as a space-delimited line, built once per list of quotes (as wordsLine, below). */
const quoteLineLists = new WeakMap<AnalyzedArticle['quotes'], Array<{ quote: QuoteLike; line: string }>>();

function quoteLines(x: AnalyzedArticle): Array<{ quote: QuoteLike; line: string }> {
  let list = quoteLineLists.get(x.quotes);
  if (list === undefined) {
    list = [];
    for (const quote of x.quotes) {
      const words = quoteWords(quote.text);
      if (words.length >= MIN_QUOTE_WORDS) list.push({ quote, line: ' ' + words.join(' ') + ' ' });
    }
    quoteLineLists.set(x.quotes, list);
  }
  return list;
}

/**
 * A text's words as quoteWords reads them, joined by single spaces, with a space before and
 * after: ' ' + quoteWords(text).join(' ') + ' '. Built by one replace, without the array of
 * words (a whole article: the largest text this module reads).
 */
export function lineOfWords(text: string): string {
  const spaced = text.toLowerCase().replace(NOT_WORD, ' ');
  const from = spaced.startsWith(' ') ? 1 : 0;
  const to = spaced.length > from && spaced.endsWith(' ') ? spaced.length - 1 : spaced.length;
  return ' ' + spaced.slice(from, to) + ' ';
}

/**
 * A text's line of words, built once per article: it meets many pairs, and each pair sees it
 * through a new analysed article (trace ranks with one set of known names, then finishes with
 * another), so the article, not its analysis, is the key.
 */
const lines = new WeakMap<AnalyzedArticle['article'], string>();

function wordsLine(x: AnalyzedArticle): string {
  let line = lines.get(x.article);
  if (line === undefined) lines.set(x.article, (line = lineOfWords(x.article.text)));
  return line;
}
