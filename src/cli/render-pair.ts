/** Human-readable output of a pair relation: verdict, shares, passages side by side. */
import type { Article, PairRelation, Substitution } from '../types.js';
import { writeLine, type OutStream } from './context.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function name(a: Article): string {
  return a.title ?? a.source;
}

/** Marks the substitutions inside [start, end) of one side's text. */
function marked(text: string, start: number, end: number, subs: Substitution[], side: 'a' | 'b', color: boolean): string {
  const at = side === 'a' ? 'a_at' : 'b_at';
  const inside = subs.filter((s) => s[at] >= start && s[at] < end).sort((x, y) => x[at] - y[at]);
  let out = '';
  let cursor = start;
  for (const s of inside) {
    const word = side === 'a' ? s.a : s.b;
    if (s[at] < cursor) continue;
    out += text.slice(cursor, s[at]);
    const shown = text.slice(s[at], s[at] + word.length);
    out += color ? `${side === 'a' ? RED : GREEN}${shown}${RESET}` : `[${shown}]`;
    cursor = s[at] + word.length;
  }
  return out + text.slice(cursor, end);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    // Colour codes take no room on screen.
    const visible = (s: string) => s.replace(/\u001b\[\d+m/g, '').length;
    if (line && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function sideBySide(left: string, right: string, width: number): string[] {
  const col = Math.max(20, Math.floor((width - 3) / 2));
  const l = wrap(left, col);
  const r = wrap(right, col);
  const pad = (s: string) => s + ' '.repeat(Math.max(0, col - s.replace(/\u001b\[\d+m/g, '').length));
  return Array.from({ length: Math.max(l.length, r.length) }, (_, i) => `${pad(l[i] ?? '')} | ${r[i] ?? ''}`);
}

export function renderPair(out: OutStream, rel: PairRelation, a: Article, b: Article, options: { passages?: number } = {}): void {
  const color = !!out.isTTY;
  const width = out.columns ?? 120;
  writeLine(out, `a: ${name(a)} (${a.id})`);
  writeLine(out, `b: ${name(b)} (${b.id})`);
  writeLine(out, `relation: ${rel.relation} (confidence ${rel.confidence}) - ${rel.explanation}`);
  const dir = rel.direction === 'a->b' ? 'a is the source of b' : rel.direction === 'b->a' ? 'b is the source of a' : 'none';
  writeLine(out, `direction: ${dir}${rel.direction_confidence ? ` (confidence ${rel.direction_confidence})` : ''}`);
  for (const r of rel.direction_reasons) writeLine(out, `  - ${r}`);
  writeLine(out, `reused: ${pct(rel.share_a)} of a, ${pct(rel.share_b)} of b; ${rel.passages.length} aligned passages; ${rel.substitutions.length} substitutions`);
  const swaps = rel.substitutions.slice(0, 20).map((s) => `${s.a} -> ${s.b}${s.evidence === 'phrase' ? ' (set phrase)' : ''}`);
  if (swaps.length) writeLine(out, `substitutions: ${swaps.join('; ')}${rel.substitutions.length > 20 ? '; …' : ''}`);
  const shown = rel.passages.slice(0, options.passages ?? 20);
  shown.forEach((p, i) => {
    writeLine(out);
    writeLine(out, `${color ? DIM : ''}passage ${i + 1}: a ${p.a[0]}-${p.a[1]}, b ${p.b[0]}-${p.b[1]}, similarity ${p.similarity.toFixed(2)}${color ? RESET : ''}`);
    const left = marked(a.text, p.a[0], p.a[1], rel.substitutions, 'a', color);
    const right = marked(b.text, p.b[0], p.b[1], rel.substitutions, 'b', color);
    for (const line of sideBySide(left, right, width)) writeLine(out, line);
  });
  if (rel.passages.length > shown.length) writeLine(out, `(${rel.passages.length - shown.length} more passages; --json shows all)`);
}
