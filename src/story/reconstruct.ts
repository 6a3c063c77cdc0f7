import type { Edit, PairRelation } from '../types.js';
import type { AnalyzedArticle } from '../relate/analyzed.js';

/** A stretch of the reconstructed text and where it comes from. */
export interface ReconstructedSegment {
  text: string;
  /** Copies that carry this stretch (the base copy first). */
  from: string[];
  /** Readings that differ between copies, with the one chosen. */
  variants?: Array<{ document: string; text: string }>;
  /** Why the chosen reading differs from the base copy, when it does. */
  corrected?: 'majority' | 'quote' | 'set_phrase';
}

export interface Reconstruction {
  base: string;
  text: string;
  segments: ReconstructedSegment[];
}

interface Reading {
  start: number;
  end: number;
  text: string;
  document: string;
  inQuote: boolean;
}

/** The relation between base and other, seen from the base (edits' `a` side is the base). */
function editsFromBase(base: string, r: PairRelation): Array<{ base: [number, number]; other: [number, number] }> {
  const out: Array<{ base: [number, number]; other: [number, number] }> = [];
  const flip = r.b === base;
  for (const p of r.passages) {
    for (const e of p.edits as Edit[]) {
      if ((e.op !== 'synonym' && e.op !== 'replace') || !e.a || !e.b) continue;
      out.push(flip ? { base: e.b, other: e.a } : { base: e.a, other: e.b });
    }
  }
  return out;
}

function coveredRanges(base: string, r: PairRelation): Array<[number, number]> {
  return r.passages.map((p) => (r.b === base ? p.b : p.a));
}

function insideQuote(doc: AnalyzedArticle, at: number): boolean {
  return doc.quotes.some((q) => q.start <= at && at < q.end);
}

/** The copy that shares the most text with the others: the skeleton of the reconstruction. */
export function chooseBase(copies: readonly AnalyzedArticle[], relations: readonly PairRelation[]): string {
  const score = new Map<string, number>();
  for (const c of copies) score.set(c.article.id, 0);
  for (const r of relations) {
    if (score.has(r.a) && score.has(r.b)) {
      score.set(r.a, score.get(r.a)! + r.share_b * r.features.length_ratio + r.share_a);
      score.set(r.b, score.get(r.b)! + r.share_a * r.features.length_ratio + r.share_b);
    }
  }
  // A copy with broken set phrases is a spun one: prefer an unspun skeleton when one exists.
  for (const c of copies) score.set(c.article.id, score.get(c.article.id)! / (1 + 0.2 * c.brokenPhrases.length));
  // Ties: the longer text keeps more of the original.
  const len = (id: string) => copies.find((c) => c.article.id === id)!.tokens.length;
  return [...score.keys()].sort((x, y) => score.get(y)! - score.get(x)! || len(y) - len(x) || (x < y ? -1 : 1))[0];
}

/**
 * Rebuilds the lost original from its copies (textual criticism): the base copy's body, with
 * each reading that two or more other copies agree on against the base (or that one copy
 * carries inside a verbatim quote) put back, and broken set phrases of the base restored.
 */
export function reconstructSource(
  copies: readonly AnalyzedArticle[],
  relations: readonly PairRelation[],
): Reconstruction {
  const baseId = chooseBase(copies, relations);
  const base = copies.find((c) => c.article.id === baseId)!;
  const others = relations.filter((r) => (r.a === baseId || r.b === baseId) && copies.some((c) => c.article.id === (r.a === baseId ? r.b : r.a)));
  const readings = new Map<string, Reading[]>();
  const support: Array<{ range: [number, number]; doc: string }> = [];
  for (const r of others) {
    const otherId = r.a === baseId ? r.b : r.a;
    const other = copies.find((c) => c.article.id === otherId)!;
    for (const range of coveredRanges(baseId, r)) support.push({ range, doc: otherId });
    for (const e of editsFromBase(baseId, r)) {
      const key = `${e.base[0]}:${e.base[1]}`;
      const list = readings.get(key) ?? [];
      list.push({ start: e.base[0], end: e.base[1], text: other.article.text.slice(e.other[0], e.other[1]), document: otherId, inQuote: insideQuote(other, e.other[0]) });
      readings.set(key, list);
    }
  }
  const corrections = chooseCorrections(base, readings);
  return assemble(base, corrections, support);
}

interface Correction {
  start: number;
  end: number;
  text: string;
  why: 'majority' | 'quote' | 'set_phrase';
  variants: Array<{ document: string; text: string }>;
}

function chooseCorrections(base: AnalyzedArticle, readings: Map<string, Reading[]>): Correction[] {
  const out: Correction[] = [];
  for (const list of readings.values()) {
    const baseText = base.article.text.slice(list[0].start, list[0].end);
    const byText = new Map<string, Reading[]>();
    for (const r of list) {
      const k = r.text.toLowerCase();
      byText.set(k, [...(byText.get(k) ?? []), r]);
    }
    const best = [...byText.values()].sort((x, y) => y.length - x.length || (x[0].text < y[0].text ? -1 : 1))[0];
    const docs = new Set(best.map((r) => r.document));
    const quoted = best.some((r) => r.inQuote);
    if (docs.size >= 2 || quoted) {
      out.push({
        start: list[0].start, end: list[0].end, text: best[0].text, why: docs.size >= 2 ? 'majority' : 'quote',
        variants: [{ document: base.article.id, text: baseText }, ...list.map((r) => ({ document: r.document, text: r.text }))],
      });
    }
  }
  for (const s of base.brokenPhrases) {
    const end = s.a_at + s.a.length;
    if (out.some((c) => c.start < end && s.a_at < c.end)) continue;
    out.push({ start: s.a_at, end, text: s.b, why: 'set_phrase', variants: [{ document: base.article.id, text: s.a }] });
  }
  return out.sort((x, y) => x.start - y.start);
}

function assemble(base: AnalyzedArticle, corrections: Correction[], support: Array<{ range: [number, number]; doc: string }>): Reconstruction {
  const text = base.article.text;
  const segments: ReconstructedSegment[] = [];
  const sentences = base.article.sentences;
  sentences.forEach((s, i) => {
    const from = [base.article.id, ...new Set(support.filter((x) => x.range[0] < s.end && s.start < x.range[1]).map((x) => x.doc).sort())];
    let cursor = s.start;
    for (const c of corrections.filter((c) => c.start >= s.start && c.end <= s.end)) {
      if (c.start > cursor) segments.push({ text: text.slice(cursor, c.start), from });
      segments.push({ text: c.text, from, variants: c.variants, corrected: c.why });
      cursor = c.end;
    }
    if (cursor < s.end) segments.push({ text: text.slice(cursor, s.end), from });
    const next = sentences[i + 1];
    // Keep the base's paragraph breaks between sentences.
    if (next) segments.push({ text: text.slice(s.end, next.start).includes('\n') ? '\n\n' : ' ', from: [] });
  });
  const kept = segments.filter((x) => x.from.length > 0);
  return { base: base.article.id, text: segments.map((x) => x.text).join('').trim(), segments: kept };
}
