import type { AnalyzedArticle, QuoteLike } from './analyzed.js';

/** Words of a quote, lower-cased, punctuation dropped: the form quotes are compared in. */
export function quoteWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
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

/** Each long enough quote of a text with its words as a space-delimited line, built once per analysed article. */
const quoteLineLists = new WeakMap<AnalyzedArticle, Array<{ quote: QuoteLike; line: string }>>();

function quoteLines(x: AnalyzedArticle): Array<{ quote: QuoteLike; line: string }> {
  let list = quoteLineLists.get(x);
  if (list === undefined) {
    list = [];
    for (const quote of x.quotes) {
      const words = quoteWords(quote.text);
      if (words.length >= MIN_QUOTE_WORDS) list.push({ quote, line: ' ' + words.join(' ') + ' ' });
    }
    quoteLineLists.set(x, list);
  }
  return list;
}

/** A text's words as one space-delimited line, built once per analysed article (it meets many pairs). */
const lines = new WeakMap<AnalyzedArticle, string>();

function wordsLine(x: AnalyzedArticle): string {
  let line = lines.get(x);
  if (line === undefined) lines.set(x, (line = ' ' + quoteWords(x.article.text).join(' ') + ' '));
  return line;
}
