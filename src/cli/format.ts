/** Plain-text layout helpers for human output (tables, cut text, clean article text). */
import type { Article, Span } from '../types.js';

/** Cuts `text` to `width` characters with an ellipsis; width 0 or less means no cut. */
export function cut(text: string, width: number): string {
  if (width <= 0 || text.length <= width) return text;
  return text.slice(0, Math.max(0, width - 1)) + '…';
}

/**
 * Left-aligned columns separated by two spaces; the last column is not padded (and is cut to
 * `maxWidth` when given, so a table fits the terminal).
 */
export function formatTable(rows: readonly string[][], maxWidth = 0): string[] {
  if (rows.length === 0) return [];
  const columns = rows[0].length;
  const widths = Array.from({ length: columns - 1 }, (_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((row) => {
    const head = row.slice(0, -1).map((cell, c) => cell.padEnd(widths[c])).join('  ');
    const prefix = head === '' ? '' : head + '  ';
    const room = maxWidth > 0 ? Math.max(10, maxWidth - prefix.length) : 0;
    return (prefix + cut(row[columns - 1], room)).trimEnd();
  });
}

/** The date part of an ISO date ("2024-03-05T10:00:00Z" → "2024-03-05"), or "-". */
export function shortDate(published: string | null): string {
  return published === null ? '-' : published.slice(0, 10);
}

/** Parts of `span` not covered by any of `holes` (holes sorted or not). */
function subtract(span: Span, holes: readonly Span[]): Span[] {
  let pieces: Span[] = [span];
  for (const hole of holes) {
    pieces = pieces.flatMap((p) => {
      if (hole.end <= p.start || hole.start >= p.end) return [p];
      const kept: Span[] = [];
      if (hole.start > p.start) kept.push({ start: p.start, end: hole.start });
      if (hole.end < p.end) kept.push({ start: hole.end, end: p.end });
      return kept;
    });
  }
  return pieces;
}

/** The article's body as paragraphs, with boilerplate left out. */
export function cleanParagraphs(article: Article): string[] {
  const paragraphs = article.paragraphs.length > 0 ? article.paragraphs : [{ start: 0, end: article.text.length }];
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const pieces = subtract(paragraph, article.boilerplate).map((s) => article.text.slice(s.start, s.end).trim());
    const text = pieces.filter((p) => p !== '').join(' ');
    if (text !== '') out.push(text);
  }
  return out;
}
