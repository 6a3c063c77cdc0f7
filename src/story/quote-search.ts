/**
 * Finds a quote's words in a document's plain text, quote marks or not: a copy that rewords the
 * attribution ("said X" → "X argued that") often keeps the quoted words, verbatim or spun.
 * Anchored on shared word trigrams, then compared word by word around the best anchors.
 */
import { compareQuotes, quoteTokens, type QuoteToken } from './quote-align.js';
import type { QuoteMatchOptions, QuoteOccurrence } from './quote-match.js';

interface IndexedText {
  tokens: QuoteToken[];
  /** Word trigram → token positions where it starts. */
  trigrams: Map<string, number[]>;
}

let cache: { text: string; index: IndexedText } | null = null;

function indexText(text: string): IndexedText {
  if (cache?.text === text) return cache.index;
  const tokens = quoteTokens(text);
  const trigrams = new Map<string, number[]>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const g = `${tokens[i].norm} ${tokens[i + 1].norm} ${tokens[i + 2].norm}`;
    const list = trigrams.get(g);
    if (list) list.push(i);
    else trigrams.set(g, [i]);
  }
  const index = { tokens, trigrams };
  cache = { text, index };
  return index;
}

/** Plain-text hits must be stricter than quote-to-quote matches: prose shares stock phrases. */
const MIN_PLAIN_SHARE = 0.6;
const MIN_PLAIN_SIMILARITY = 0.7;
/** Candidate windows examined per document. */
const MAX_WINDOWS = 4;

/** Likely start positions of the quote in the text: votes of shared trigrams, best first. */
function anchorStarts(quote: readonly QuoteToken[], index: IndexedText): number[] {
  const votes = new Map<number, number>();
  for (let i = 0; i + 2 < quote.length; i++) {
    const hits = index.trigrams.get(`${quote[i].norm} ${quote[i + 1].norm} ${quote[i + 2].norm}`) ?? [];
    for (const p of hits) {
      const bucket = Math.max(0, p - i) >> 3; // near-equal offsets vote together
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  return [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_WINDOWS)
    .map(([bucket]) => bucket << 3);
}

/** Occurrences of `quote` (a group's words) in `doc`'s text, verbatim, trimmed or altered. */
export function findInPlainText(
  quote: readonly QuoteToken[],
  doc: { id: string; text: string },
  opts: QuoteMatchOptions,
): QuoteOccurrence[] {
  const index = indexText(doc.text);
  const found: QuoteOccurrence[] = [];
  const n = quote.length;
  for (const start of anchorStarts(quote, index)) {
    const from = Math.max(0, start - 8);
    const window = index.tokens.slice(from, start + n + Math.ceil(n / 2) + 8);
    const c = compareQuotes(quote, window);
    if (c.verdict === 'none' || c.matched < Math.max(opts.minTokens, MIN_PLAIN_SHARE * n)) continue;
    if (c.verdict === 'altered' && c.similarity < MIN_PLAIN_SIMILARITY) continue;
    const s = window[c.b[0]].start;
    const e = window[c.b[1]].end;
    if (found.some((o) => o.start < e && s < o.end)) continue;
    const kind = c.verdict === 'altered' ? 'altered' : c.matched === n && c.b[1] - c.b[0] + 1 === n ? 'verbatim' : 'trimmed';
    const occ: QuoteOccurrence = { document: doc.id, start: s, end: e, verbatim: kind !== 'altered', kind, quoted: false };
    if (kind === 'altered') occ.changes = c.changes;
    found.push(occ);
  }
  return found.sort((a, b) => a.start - b.start);
}
