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

function trigramOf(tokens: readonly QuoteToken[], i: number): string {
  return `${tokens[i].norm} ${tokens[i + 1].norm} ${tokens[i + 2].norm}`;
}

function indexText(text: string): IndexedText {
  const tokens = quoteTokens(text);
  const trigrams = new Map<string, number[]>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    const g = trigramOf(tokens, i);
    const list = trigrams.get(g);
    if (list) list.push(i);
    else trigrams.set(g, [i]);
  }
  return { tokens, trigrams };
}

/** Per-document indexes kept (about 100 KB each for a news article): bounds memory. */
const INDEX_CACHE = 1024;

/**
 * Plain-text search over a set of documents. A quote can only be found in a document sharing
 * one of its word trigrams (anchorStarts needs one), so a corpus-wide trigram → documents
 * index picks the documents worth searching: a quote is not compared with every document
 * (which made quote matching grow with quotes × documents, re-tokenising each text each time).
 */
export class PlainTextSearch {
  private readonly docsByTrigram = new Map<string, number[]>();
  private readonly cache = new Map<number, IndexedText>();

  constructor(private readonly docs: ReadonlyArray<{ id: string; text: string }>) {
    docs.forEach((d, n) => {
      const tokens = quoteTokens(d.text);
      for (let i = 0; i + 2 < tokens.length; i++) {
        const list = this.docsByTrigram.get(trigramOf(tokens, i));
        if (list === undefined) this.docsByTrigram.set(trigramOf(tokens, i), [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    });
  }

  /** Occurrences of `quote` in every document except `skip`, by document order then offset. */
  find(quote: readonly QuoteToken[], skip: ReadonlySet<string>, opts: QuoteMatchOptions): QuoteOccurrence[] {
    const candidates = new Set<number>();
    for (let i = 0; i + 2 < quote.length; i++) for (const n of this.docsByTrigram.get(trigramOf(quote, i)) ?? []) candidates.add(n);
    const out: QuoteOccurrence[] = [];
    for (const n of [...candidates].sort((x, y) => x - y)) {
      if (!skip.has(this.docs[n].id)) out.push(...occurrencesIn(quote, this.docs[n].id, this.indexOf(n), opts));
    }
    return out;
  }

  private indexOf(n: number): IndexedText {
    const hit = this.cache.get(n);
    if (hit) return hit;
    const index = indexText(this.docs[n].text);
    // Groups visit documents in the same ascending order, so evicting would miss every time once
    // a scan is longer than the cache; keeping the first ones hits them on every scan.
    if (this.cache.size < INDEX_CACHE) this.cache.set(n, index);
    return index;
  }
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
export function findInPlainText(quote: readonly QuoteToken[], doc: { id: string; text: string }, opts: QuoteMatchOptions): QuoteOccurrence[] {
  return occurrencesIn(quote, doc.id, indexText(doc.text), opts);
}

function occurrencesIn(quote: readonly QuoteToken[], docId: string, index: IndexedText, opts: QuoteMatchOptions): QuoteOccurrence[] {
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
    const occ: QuoteOccurrence = { document: docId, start: s, end: e, verbatim: kind !== 'altered', kind, quoted: false };
    if (kind === 'altered') occ.changes = c.changes;
    found.push(occ);
  }
  return found.sort((a, b) => a.start - b.start);
}
