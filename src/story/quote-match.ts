/**
 * Quote matching across articles: which quotations are the same words carried by several
 * outlets, verbatim, trimmed, or altered. Quotes are split at "..." (an omission), compared word
 * by word (src/story/quote-align.ts) and grouped around the form most documents carry; then each
 * group's words are searched in the plain text of the documents that don't quote them, because a
 * copy may keep a quote's words while dropping its marks or rewording its attribution.
 */
import type { Quote } from './quotes.js';
import { compareQuotes, quoteTokens, type QuoteComparison, type QuoteToken, type WordChange } from './quote-align.js';
import { PlainTextSearch } from './quote-search.js';
import { isNamedPerson } from './speaker-names.js';

export interface QuoteOccurrence {
  document: string;
  start: number;
  end: number;
  /** The group's words as they are (possibly cut): kind verbatim or trimmed. */
  verbatim: boolean;
  kind: 'verbatim' | 'trimmed' | 'altered';
  /** For altered occurrences: the group's words → this document's words. */
  changes?: WordChange[];
  /** False when found in the plain text, without quote marks. */
  quoted: boolean;
}

export interface QuoteGroup {
  /** The form most documents carry; the longest among equally common ones. */
  text: string;
  /** The most informative speaker any carrier names (a name beats a description). */
  speaker: string | null;
  occurrences: QuoteOccurrence[];
}

export interface QuoteMatchOptions {
  /** Quotes (or parts between "...") with fewer words are not matched. */
  minTokens: number;
  /** Altered: matched words / the longer side of the compared stretch, at least this. */
  minAlteredSimilarity: number;
  /** Two quotes that overlap without either containing the other must share this many words. */
  minPartialOverlap: number;
  /** Search each group's words in documents that don't quote it. */
  searchPlainText: boolean;
}

export const DEFAULT_QUOTE_MATCH_OPTIONS: QuoteMatchOptions = {
  minTokens: 5,
  minAlteredSimilarity: 0.6,
  minPartialOverlap: 8,
  searchPlainText: true,
};

/** A quote, or one part of it between omission marks. */
interface Unit {
  document: string;
  quote: number;
  start: number;
  end: number;
  text: string;
  tokens: QuoteToken[];
  speaker: string | null;
}

function unitsOf(doc: { id: string; text: string; quotes: Quote[] }, opts: QuoteMatchOptions): Unit[] {
  const units: Unit[] = [];
  doc.quotes.forEach((q, qi) => {
    if (q.short) return;
    const re = /[^.\u2026]+(?:\.(?!\.\.)[^.\u2026]*)*/g; // pieces between "..." / "…"
    for (let m = re.exec(q.text); m; m = re.exec(q.text)) {
      const tokens = quoteTokens(m[0], q.start + m.index);
      if (tokens.length < opts.minTokens) continue;
      const start = tokens[0].start;
      const end = tokens[tokens.length - 1].end;
      units.push({ document: doc.id, quote: qi, start, end, text: doc.text.slice(start, end), tokens, speaker: q.speaker });
    }
  });
  return units;
}

/** Are two quotes the same words (equal, one inside the other, a long shared run, or altered)? */
function related(c: QuoteComparison, la: number, lb: number, opts: QuoteMatchOptions): boolean {
  if (c.verdict === 'equal') return true;
  if (c.verdict === 'overlap') return c.matched === Math.min(la, lb) || c.matched >= opts.minPartialOverlap;
  if (c.verdict === 'altered') return c.similarity >= opts.minAlteredSimilarity && c.matched >= opts.minTokens;
  return false;
}

const trigrams = (t: readonly QuoteToken[]) => {
  const out = new Set<string>();
  for (let i = 0; i + 2 < t.length; i++) out.add(`${t[i].norm} ${t[i + 1].norm} ${t[i + 2].norm}`);
  return out;
};

/** Connected components of related units (compared only when they share a word trigram). */
function components(units: Unit[], opts: QuoteMatchOptions): Unit[][] {
  const parent = units.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byTrigram = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const g of trigrams(u.tokens)) byTrigram.set(g, [...(byTrigram.get(g) ?? []), i]);
  });
  const seen = new Set<string>();
  for (const list of byTrigram.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [i, j] = [list[x], list[y]];
        const key = `${i},${j}`;
        if (seen.has(key) || find(i) === find(j)) continue;
        seen.add(key);
        const c = compareQuotes(units[i].tokens, units[j].tokens);
        if (related(c, units[i].tokens.length, units[j].tokens.length, opts)) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, Unit[]>();
  units.forEach((u, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), u]));
  return [...groups.values()];
}

/** The unit most documents carry verbatim (equal or inside it), then the longest, then the first. */
function representative(units: Unit[]): Unit {
  let best = units[0];
  let bestScore = -1;
  for (const c of units) {
    const docs = new Set<string>();
    for (const u of units) {
      const cmp = compareQuotes(c.tokens, u.tokens);
      if (cmp.verdict === 'equal' || (cmp.verdict === 'overlap' && cmp.matched === u.tokens.length)) docs.add(u.document);
    }
    const score = docs.size * 1e6 + c.tokens.length;
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

function occurrenceOf(rep: Unit, u: Unit, quoted: boolean): QuoteOccurrence {
  const c = compareQuotes(rep.tokens, u.tokens);
  const kind = c.verdict === 'equal' ? 'verbatim' : c.verdict === 'overlap' ? 'trimmed' : 'altered';
  const occ: QuoteOccurrence = { document: u.document, start: u.start, end: u.end, verbatim: kind !== 'altered', kind, quoted };
  if (kind === 'altered') occ.changes = c.changes;
  return occ;
}

/** Joins the parts of one quote (split at "...") that landed in one group into one occurrence. */
function mergeParts(rep: Unit, members: Unit[]): QuoteOccurrence[] {
  const byQuote = new Map<string, Unit[]>();
  for (const u of members) byQuote.set(`${u.document}\u0000${u.quote}`, [...(byQuote.get(`${u.document}\u0000${u.quote}`) ?? []), u]);
  const out: QuoteOccurrence[] = [];
  for (const parts of byQuote.values()) {
    const occs = parts.map((u) => occurrenceOf(rep, u, true));
    if (occs.length === 1) {
      out.push(occs[0]);
      continue;
    }
    const altered = occs.filter((o) => o.kind === 'altered');
    const merged: QuoteOccurrence = { ...occs[0], end: occs[occs.length - 1].end, kind: altered.length ? 'altered' : 'trimmed' };
    merged.verbatim = merged.kind !== 'altered';
    if (altered.length) merged.changes = altered.flatMap((o) => o.changes ?? []);
    out.push(merged);
  }
  return out;
}

function bestSpeaker(units: Unit[]): string | null {
  const rank = (s: string) => (isNamedPerson(s) ? 1000 : 0) + s.length;
  const names = units.map((u) => u.speaker).filter((s): s is string => !!s);
  names.sort((x, y) => rank(y) - rank(x) || (x < y ? -1 : x > y ? 1 : 0));
  return names[0] ?? null;
}

/** Groups the quotes of several documents; output order depends only on ids and offsets. */
export function matchQuotes(
  docs: Array<{ id: string; text: string; quotes: Quote[] }>,
  options: Partial<QuoteMatchOptions> = {},
): QuoteGroup[] {
  const opts = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options };
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const units = sorted.flatMap((d) => unitsOf(d, opts));
  const groups: QuoteGroup[] = [];
  const plain = opts.searchPlainText ? new PlainTextSearch(sorted) : null;
  for (let rest of components(units, opts)) {
    while (rest.length > 0) {
      const rep = representative(rest);
      const members = rest.filter((u) => u === rep || related(compareQuotes(rep.tokens, u.tokens), rep.tokens.length, u.tokens.length, opts));
      rest = rest.filter((u) => !members.includes(u));
      const occurrences = mergeParts(rep, members);
      if (plain) occurrences.push(...plain.find(rep.tokens, new Set(occurrences.map((o) => o.document)), opts));
      occurrences.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start));
      groups.push({ text: rep.text, speaker: bestSpeaker(members), occurrences });
    }
  }
  const key = (g: QuoteGroup) => g.occurrences[0];
  return groups.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x.document < y.document ? -1 : x.document > y.document ? 1 : x.start - y.start || x.end - y.end;
  });
}
